package io.fidelis.store;

import static io.fidelis.store.Classifications.AS_OF;
import static io.fidelis.store.Classifications.CLASSIFIER;
import static io.fidelis.store.Classifications.borrower;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fidelis.core.classification.Classification;
import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.store.RunSeries.Row;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
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
class RunSeriesTest {

    @Parameter
    StoreKind kind;

    private StoreFixture fixture;

    private static final List<LocalDate> DATES = List.of(AS_OF.minusMonths(2), AS_OF.minusMonths(1), AS_OF);

    @TempDir
    Path temp;

    private Store book;
    private Runs runs;
    private RunSeries series;

    @BeforeEach
    void open() {
        fixture = kind.newFixture();
        book = fixture.open(temp.resolve("workspace"));
        runs = book.runs();
        series = book.runSeries();
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

    private static List<CustomerHistory> customers() {
        return List.of(borrower("C1", 20, true), borrower("C2", 6, false), borrower("C3", 19, false));
    }

    /** Each customer's classifications at every date. */
    private static List<List<Classification>> classifications() {
        List<List<Classification>> rows = new ArrayList<>();
        for (CustomerHistory customer : customers()) {
            rows.add(DATES.stream().map(d -> CLASSIFIER.classify(customer, d)).toList());
        }
        return rows;
    }

    /** Each customer's rows at every date. */
    private static List<List<Row>> byCustomer() {
        return classifications().stream()
                .map(customer -> customer.stream().map(Row::of).toList())
                .toList();
    }

    private static List<RunProvenance> provenances() {
        return Classifications.provenances(DATES, "sha256:input-1");
    }

    private List<RunResult> results(long runId) {
        List<RunResult> results = new ArrayList<>();
        runs.forEachResult(runId, results::add);
        return results;
    }

    private long storedRows() {
        return fixture.queryLong(book, "SELECT COUNT(*) FROM run_results");
    }

    @Test
    void aSeriesStoresOneOrdinaryRunPerDateEqualToSavingEachAlone() {
        List<RunProvenance> provenances = provenances();

        List<RunHeader> saved = series.save(provenances, byCustomer().iterator());

        assertThat(saved).hasSize(DATES.size());
        assertThat(runs.runs()).containsExactlyElementsOf(saved);
        for (int k = 0; k < DATES.size(); k++) {
            RunHeader run = saved.get(k);
            int date = k;
            assertThat(run.provenance()).isEqualTo(provenances.get(k));
            assertThat(run.customers()).isEqualTo(3);
            assertThat(results(run.runId()))
                    .isEqualTo(classifications().stream()
                            .map(customer -> RunResult.of(customer.get(date)))
                            .toList());
        }
        assertThat(saved.get(1).runId()).isGreaterThan(saved.get(0).runId());
    }

    @Test
    void aSeriesThatFailsHalfwayLeavesNoRunAtAll() throws SQLException {
        List<List<Row>> rows = byCustomer();
        Iterator<List<Row>> failing = new Iterator<>() {
            private int given;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public List<Row> next() {
                if (given == 2) {
                    throw new IllegalStateException("the classifier broke");
                }
                return rows.get(given++);
            }
        };

        assertThatThrownBy(() -> series.save(provenances(), failing)).hasMessage("the classifier broke");
        assertThat(runs.runs()).isEmpty();
        assertThat(storedRows()).isZero();
    }

    @Test
    void aCustomerNeedsOneResultForEachRunOfItsOwn() throws SQLException {
        List<Row> tooFew = byCustomer().get(0).subList(0, 2);
        List<Row> mixed = List.of(
                byCustomer().get(0).get(0),
                byCustomer().get(1).get(1),
                byCustomer().get(0).get(2));

        assertThatThrownBy(() -> series.save(provenances(), List.of(tooFew).iterator()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 results for a customer, not one for each of the 3 runs");
        assertThatThrownBy(() -> series.save(provenances(), List.of(mixed).iterator()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the results of C1 include one of C2");
        assertThat(runs.runs()).isEmpty();
        assertThat(storedRows()).isZero();
    }

    @Test
    void resultsInAnotherOrderThanTheProvenancesAreRefused() {
        List<List<Row>> reversed = byCustomer().stream()
                .map(customer -> List.of(customer.get(2), customer.get(1), customer.get(0)))
                .toList();

        assertThatThrownBy(() -> series.save(provenances(), reversed.iterator()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not the run's " + DATES.get(0));
        assertThat(runs.runs()).isEmpty();
    }
}
