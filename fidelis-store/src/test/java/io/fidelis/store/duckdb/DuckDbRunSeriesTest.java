package io.fidelis.store.duckdb;

import static io.fidelis.store.Classifications.AS_OF;
import static io.fidelis.store.Classifications.CLASSIFIER;
import static io.fidelis.store.Classifications.borrower;
import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.classification.Classification;
import io.fidelis.core.classification.ManualOverride;
import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import io.fidelis.store.RunHeader;
import io.fidelis.store.RunProvenance;
import io.fidelis.store.RunResult;
import io.fidelis.store.RunSeries.Row;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A series written as Arrow batches stores, run for run, customer for customer and column for column, what the
 * Appender stores and what saving each date alone stores: several blocks of customers, missing features, overrides.
 */
class DuckDbRunSeriesTest {

    private static final int CUSTOMERS = 2_600; // several blocks of DuckDbRunSeries.BLOCK, the last one partial

    private static final List<LocalDate> DATES =
            List.of(AS_OF.minusMonths(3), AS_OF.minusMonths(2), AS_OF.minusMonths(1), AS_OF);

    @TempDir
    Path temp;

    /** Each customer's classifications at every date: payers and late payers, surveyed or not, some overridden. */
    private static List<List<Classification>> classifications() {
        List<List<Classification>> rows = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            String id = String.format("C%05d", i);
            CustomerHistory customer = borrower(id, i % 25, i % 3 == 0);
            List<ManualOverride> overrides = i % 7 == 0
                    ? List.of(new ManualOverride(
                            id, Tier.HIGH, i % 2 == 0 ? Stage.values()[0] : null, "test", "tester", null, AS_OF))
                    : List.of();
            rows.add(DATES.stream()
                    .map(d -> CLASSIFIER.classify(customer, d, List.of(), overrides))
                    .toList());
        }
        return rows;
    }

    private static List<RunProvenance> provenances() {
        return io.fidelis.store.Classifications.provenances(DATES, "sha256:input-1");
    }

    private static List<RunResult> results(DuckDbRuns runs, long runId) {
        List<RunResult> results = new ArrayList<>();
        runs.forEachResult(runId, results::add);
        return results;
    }

    private static List<List<RunResult>> stored(DuckDbRuns runs, List<RunHeader> headers) {
        return headers.stream().map(h -> results(runs, h.runId())).toList();
    }

    @Test
    void aSeriesWrittenAsArrowBatchesReadsBackWhatTheAppenderAndEachDateAloneStore() {
        assertThat(ArrowResults.available())
                .as("Arrow in this JVM (--add-opens java.base/java.nio)")
                .isTrue();
        List<List<Classification>> classifications = classifications();
        List<List<Row>> rows = classifications.stream()
                .map(customer -> customer.stream().map(Row::of).toList())
                .toList();

        try (DuckDbBookStore book = DuckDbBookStore.open(temp.resolve("workspace"))) {
            DuckDbRuns runs = DuckDbRuns.of(book);
            List<RunHeader> arrow = DuckDbRunSeries.of(book).save(provenances(), rows.iterator());
            List<RunHeader> appender = DuckDbRunSeries.throughAppender(book).save(provenances(), rows.iterator());
            List<List<RunResult>> alone = new ArrayList<>();
            for (int k = 0; k < DATES.size(); k++) {
                int date = k;
                RunHeader run = runs.save(
                        provenances().get(k),
                        classifications.stream().map(c -> c.get(date)).iterator());
                alone.add(results(runs, run.runId()));
            }

            List<List<RunResult>> fromArrow = stored(runs, arrow);
            assertThat(fromArrow).isEqualTo(stored(runs, appender)).isEqualTo(alone);
            for (int k = 0; k < DATES.size(); k++) {
                int date = k;
                assertThat(fromArrow.get(k))
                        .hasSize(CUSTOMERS)
                        .isEqualTo(classifications.stream()
                                .map(c -> RunResult.of(c.get(date)))
                                .toList());
                assertThat(arrow.get(k).customers()).isEqualTo(CUSTOMERS);
            }
            // what the cells hold: missing features, overrides, multi-valued cells with several codes
            List<RunResult> all = fromArrow.stream().flatMap(List::stream).toList();
            assertThat(all).anySatisfy(r -> assertThat(r.features().values()).anyMatch(v -> !v.present()));
            assertThat(all).anySatisfy(r -> assertThat(r.overridden()).isTrue());
            assertThat(all).anySatisfy(r -> assertThat(r.tierReasons()).hasSizeGreaterThan(1));
            assertThat(all).anySatisfy(r -> assertThat(r.score()).isPresent());
        }
    }

    @Test
    void aSeriesFillsTheColumnsOfAnOlderTableInItsOwnOrderAndLeavesARetiredFeatureEmpty() throws SQLException {
        List<List<Classification>> classifications = classifications().subList(0, 50);
        List<List<Row>> rows = classifications.stream()
                .map(customer -> customer.stream().map(Row::of).toList())
                .toList();

        try (DuckDbBookStore book = DuckDbBookStore.open(temp.resolve("workspace"))) {
            DuckDbRuns runs = DuckDbRuns.of(book);
            try (Statement sql = book.connection().createStatement()) {
                sql.execute("ALTER TABLE run_results ADD COLUMN retired_feature DOUBLE PRECISION");
            }
            List<RunHeader> arrow = DuckDbRunSeries.of(book).save(provenances(), rows.iterator());

            for (int k = 0; k < DATES.size(); k++) {
                int date = k;
                assertThat(results(runs, arrow.get(k).runId()))
                        .isEqualTo(classifications.stream()
                                .map(c -> RunResult.of(c.get(date)))
                                .toList());
            }
            try (Statement sql = book.connection().createStatement();
                    var count = sql.executeQuery("SELECT COUNT(*), COUNT(retired_feature) FROM run_results")) {
                count.next();
                assertThat(count.getLong(1)).isEqualTo(50L * DATES.size());
                assertThat(count.getLong(2)).isZero();
            }
        }
    }
}
