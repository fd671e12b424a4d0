package io.fidelis.store;

import static io.fidelis.store.FakeBook.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fidelis.core.evaluation.Arm;
import io.fidelis.core.evaluation.ArmCounts;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class StrategyAssignmentsTest {

    @Parameter
    StoreKind kind;

    private StoreFixture fixture;

    private static final Instant NOW = Instant.parse("2026-10-01T09:30:00Z");
    private static final LocalDate START = LocalDate.parse("2025-09-30");

    @TempDir
    Path temp;

    private Store book;
    private StrategyAssignments assignments;

    @BeforeEach
    void open() {
        fixture = kind.newFixture();
        book = fixture.open(temp.resolve("workspace"));
        assignments = book.strategyAssignments();
    }

    @AfterEach
    void close() {
        if (book != null) {
            book.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    private static NewAssignmentSet randomised(String strategy, long seed, ArmAssignment... rows) {
        return new NewAssignmentSet(
                strategy,
                AssignmentSource.RANDOMISED,
                7L,
                START,
                seed,
                0.5,
                null,
                null,
                "sha256:book",
                "dev",
                NOW,
                List.of(rows));
    }

    private static ArmAssignment arm(String customer, Arm arm, String stratum) {
        return new ArmAssignment(customer, arm, START, stratum);
    }

    @Test
    void aStoredSetComesBackWithItsProvenanceAndItsRowsInCustomerOrder() {
        AssignmentSet saved = assignments
                .save(
                        List.of(randomised(
                                "worked-case",
                                42,
                                arm("C2", Arm.CONTROL, "high|active"),
                                arm("C1", Arm.TREATMENT, "high|active"),
                                arm("C3", Arm.TREATMENT, "low|new"))),
                        false)
                .get(0);

        assertThat(saved.treatment()).isEqualTo(2);
        assertThat(saved.control()).isEqualTo(1);
        assertThat(saved.replaces()).isNull();
        assertThat(assignments.current("worked-case")).contains(saved);
        assertThat(assignments.current("other")).isEmpty();
        List<ArmAssignment> rows = new ArrayList<>();
        assignments.forEach(saved.setId(), rows::add);
        assertThat(rows)
                .containsExactly(
                        arm("C1", Arm.TREATMENT, "high|active"),
                        arm("C2", Arm.CONTROL, "high|active"),
                        arm("C3", Arm.TREATMENT, "low|new"));
        assertThat(assignments.counts(saved.setId()))
                .containsEntry("high|active", new ArmCounts(1, 1))
                .containsEntry("low|new", new ArmCounts(1, 0))
                .hasSize(2);
    }

    @Test
    void assigningAStrategyAgainIsRefusedAndLeavesTheFirstSet() {
        AssignmentSet first = assignments
                .save(List.of(randomised("s", 1, arm("C1", Arm.TREATMENT, "a"))), false)
                .get(0);

        assertThatThrownBy(() -> assignments.save(List.of(randomised("s", 2, arm("C1", Arm.CONTROL, "a"))), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already has assignments");

        assertThat(assignments.current("s")).contains(first);
        assertThat(assignments.sets()).containsExactly(first);
    }

    @Test
    void aReplacementSupersedesTheCurrentSetWhichStaysStored() {
        AssignmentSet first = assignments
                .save(List.of(randomised("s", 1, arm("C1", Arm.TREATMENT, "a"))), false)
                .get(0);

        AssignmentSet second = assignments
                .save(List.of(randomised("s", 2, arm("C1", Arm.CONTROL, "a"))), true)
                .get(0);

        assertThat(second.replaces()).isEqualTo(first.setId());
        assertThat(assignments.current("s")).contains(second);
        assertThat(assignments.sets()).containsExactly(first, second);
        assertThat(assignments.counts(first.setId())).containsEntry("a", new ArmCounts(1, 0));
    }

    @Test
    void severalSetsAreStoredAllOrNothing() {
        assignments.save(List.of(randomised("taken", 1, arm("C1", Arm.TREATMENT, "a"))), false);

        assertThatThrownBy(() -> assignments.save(
                        List.of(
                                randomised("fresh", 1, arm("C1", Arm.TREATMENT, "a")),
                                randomised("taken", 1, arm("C1", Arm.CONTROL, "a"))),
                        false))
                .isInstanceOf(IllegalStateException.class);

        assertThat(assignments.current("fresh")).isEmpty();
        assertThat(assignments.sets()).hasSize(1);
    }

    @Test
    void aCustomerTwiceInOneSetIsRefused() {
        assertThatThrownBy(() -> assignments.save(
                        List.of(randomised("s", 1, arm("C1", Arm.TREATMENT, "a"), arm("C1", Arm.CONTROL, "a"))), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("C1");
    }

    @Test
    void anImportedSetKeepsItsFileAndMissingFields() {
        AssignmentSet saved = assignments
                .save(
                        List.of(new NewAssignmentSet(
                                "s",
                                AssignmentSource.IMPORTED,
                                null,
                                null,
                                null,
                                null,
                                "assignments.csv",
                                "sha256:abc",
                                "sha256:book",
                                "dev",
                                NOW,
                                List.of(new ArmAssignment("C1", Arm.CONTROL, null, null)))),
                        false)
                .get(0);

        AssignmentSet read = assignments.current("s").orElseThrow();
        assertThat(read).isEqualTo(saved);
        assertThat(read.seed()).isNull();
        assertThat(read.fileName()).isEqualTo("assignments.csv");
        assertThat(assignments.counts(saved.setId())).containsEntry("-", new ArmCounts(0, 1));
    }

    @Test
    void theCustomerIdsAreThoseOfTheBook() throws IOException {
        book.importBook(ImportRequest.strict(
                FakeBook.in(temp.resolve("files")).file("customers.csv", customer("C1"), customer("C2"))));

        assertThat(assignments.customerIds()).containsExactlyInAnyOrder("C1", "C2");
    }
}
