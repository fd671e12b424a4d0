package io.fidelis.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MigrationMatrixTest {

    private static final LocalDate START = LocalDate.of(2025, 12, 31);
    private static final LocalDate END = LocalDate.of(2026, 6, 30);
    private static final List<String> TIERS = List.of("high", "medium", "low");

    /** C1..C6 known at the start; C6 gone by the end; C7, C8 new. */
    private static final Map<String, String> AT_START =
            Map.of("C1", "high", "C2", "high", "C3", "medium", "C4", "medium", "C5", "low", "C6", "low");

    private static final Map<String, String> AT_END = Map.of(
            "C1", "high", "C2", "medium", "C3", "high", "C4", "medium", "C5", "medium", "C7", "low", "C8", "high");

    @Test
    void countsMovesBetweenClassesWithAbsentForCustomersKnownAtOneDateOnly() {
        MigrationMatrix matrix = MigrationMatrix.between(START, AT_START, END, AT_END, TIERS);

        assertThat(matrix.labels()).containsExactly("high", "medium", "low", MigrationMatrix.ABSENT);
        assertThat(matrix.count("high", "high")).isEqualTo(1);
        assertThat(matrix.count("high", "medium")).isEqualTo(1);
        assertThat(matrix.count("medium", "high")).isEqualTo(1);
        assertThat(matrix.count("low", "medium")).isEqualTo(1);
        assertThat(matrix.count("low", MigrationMatrix.ABSENT)).isEqualTo(1);
        assertThat(matrix.count(MigrationMatrix.ABSENT, "low")).isEqualTo(1);
        assertThat(matrix.count(MigrationMatrix.ABSENT, "high")).isEqualTo(1);
        assertThat(matrix.count(MigrationMatrix.ABSENT, MigrationMatrix.ABSENT)).isZero();
        assertThat(matrix.rowTotal(MigrationMatrix.ABSENT)).isEqualTo(2);
        assertThat(matrix.columnTotal(MigrationMatrix.ABSENT)).isEqualTo(1);
    }

    @Test
    void countsAddUpToEveryCustomerKnownAtEitherDate() {
        MigrationMatrix matrix = MigrationMatrix.between(START, AT_START, END, AT_END, TIERS);

        long sum = 0;
        for (String from : matrix.labels()) {
            for (String to : matrix.labels()) {
                sum += matrix.count(from, to);
            }
        }
        assertThat(sum).isEqualTo(8).isEqualTo(matrix.total());
        long rows = matrix.labels().stream().mapToLong(matrix::rowTotal).sum();
        long columns = matrix.labels().stream().mapToLong(matrix::columnTotal).sum();
        assertThat(rows).isEqualTo(8);
        assertThat(columns).isEqualTo(8);
    }

    @Test
    void rowSharesAddUpToOne() {
        MigrationMatrix matrix = MigrationMatrix.between(START, AT_START, END, AT_END, TIERS);

        for (String from : matrix.labels()) {
            double total = matrix.labels().stream()
                    .mapToDouble(to -> matrix.rowShare(from, to))
                    .sum();
            assertThat(total).as(from).isCloseTo(1, within(1e-12));
        }
        assertThat(matrix.rowShare("high", "medium")).isEqualTo(0.5);
    }

    @Test
    void aRowWithoutCustomersHasNoShares() {
        MigrationMatrix matrix = MigrationMatrix.between(
                START, Map.of("C1", "high"), END, Map.of("C1", "low"), List.of("high", "low", "medium"));

        assertThat(matrix.labels()).containsExactly("high", "low", "medium", MigrationMatrix.ABSENT);
        assertThat(matrix.rowTotal("medium")).isZero();
        assertThat(matrix.rowShare("medium", "high")).isNaN();
    }

    @Test
    void classesMissingFromTheOrderFollowInNaturalOrder() {
        MigrationMatrix matrix = MigrationMatrix.between(
                START,
                Map.of("C1", "dormant", "C2", "active"),
                END,
                Map.of("C1", "churned", "C2", "new"),
                List.of("new"));

        assertThat(matrix.labels()).containsExactly("new", "active", "churned", "dormant", MigrationMatrix.ABSENT);
    }

    @Test
    void theLayoutDoesNotDependOnTheMapsIterationOrder() {
        MigrationMatrix natural = MigrationMatrix.between(START, AT_START, END, AT_END);

        assertThat(natural.labels()).containsExactly("high", "low", "medium", MigrationMatrix.ABSENT);
        assertThat(natural.fromDate()).isEqualTo(START);
        assertThat(natural.toDate()).isEqualTo(END);
    }

    @Test
    void aClassNamedAbsentOrAnUnknownLabelIsRejected() {
        assertThatThrownBy(() -> MigrationMatrix.between(START, Map.of("C1", "absent"), END, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absent");
        MigrationMatrix matrix = MigrationMatrix.between(START, AT_START, END, AT_END, TIERS);
        assertThatThrownBy(() -> matrix.count("platinum", "high")).hasMessageContaining("platinum");
        assertThatThrownBy(() -> MigrationMatrix.between(END, AT_START, START, AT_END))
                .hasMessageContaining("earlier date");
    }
}
