package io.fidelis.spark;

import io.fidelis.core.classification.Classification;
import io.fidelis.core.classification.DatedClassifier;
import io.fidelis.core.classification.ManualOverride;
import io.fidelis.core.policy.Policy;
import io.fidelis.store.BookSource;
import io.fidelis.store.CsvBookFolder;
import io.fidelis.store.ImportRequest;
import io.fidelis.store.RecordedOverride;
import io.fidelis.store.RunHeader;
import io.fidelis.store.RunProvenance;
import io.fidelis.store.RunResult;
import io.fidelis.store.csv.OverridesCsv;
import io.fidelis.store.duckdb.DuckDbBookStore;
import io.fidelis.store.duckdb.DuckDbRuns;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded engine's path, as {@code fidelis import}, {@code classify} and {@code export} take it: the CSV book
 * imported into a DuckDB workspace, every stored history classified by {@link DatedClassifier}, the run stored and its
 * results read back as {@link RunResult}s.
 */
final class EmbeddedEngine {

    private EmbeddedEngine() {}

    /** The run's results by customer id, in customer order; the book is also written as Parquet to {@code parquet}. */
    static Map<String, RunResult> classify(Path book, Path workspace, Policy policy, LocalDate asOf, Path parquet)
            throws IOException {
        return classify(CsvBookFolder.of(book), workspace, policy, asOf, parquet);
    }

    /** The same for a book read as {@code book} says, e.g. in a charset given ({@code fidelis import --encoding}). */
    static Map<String, RunResult> classify(BookSource book, Path workspace, Policy policy, LocalDate asOf, Path parquet)
            throws IOException {
        try (DuckDbBookStore store = DuckDbBookStore.open(workspace)) {
            if (!store.importBook(ImportRequest.strict(book)).committed()) {
                throw new IllegalStateException("the generated book did not import");
            }
            store.exportParquet(parquet);
            return classified(store, new DatedClassifier(policy, asOf, Map.of()));
        }
    }

    /**
     * Records {@code overrides} in the workspace (imported by {@link #classify}), classifies as {@code fidelis
     * classify} does, with the overrides in force ({@code Overrides.inForce}), and writes every override recorded to
     * {@code file} as {@code fidelis override --export} does.
     */
    static Map<String, RunResult> classifyWithOverrides(
            Path workspace, Policy policy, LocalDate asOf, List<ManualOverride> overrides, Path file)
            throws IOException {
        try (DuckDbBookStore store = DuckDbBookStore.open(workspace)) {
            overrides.forEach(o -> store.overrides().record(o, Instant.EPOCH));
            OverridesCsv.write(
                    store.overrides().all().stream()
                            .map(RecordedOverride::override)
                            .toList(),
                    file);
            return classified(
                    store, new DatedClassifier(policy, asOf, store.overrides().inForce(asOf)));
        }
    }

    private static Map<String, RunResult> classified(DuckDbBookStore store, DatedClassifier classifier) {
        Policy policy = classifier.policy();
        LocalDate asOf = classifier.asOf();
        List<Classification> classifications = new ArrayList<>();
        store.forEachHistory(history -> classifications.add(classifier.classify(history)));
        DuckDbRuns runs = DuckDbRuns.of(store);
        RunHeader run = runs.save(
                new RunProvenance(
                        policy.id(),
                        policy.version(),
                        "sha256:test",
                        asOf,
                        store.inputFingerprint(),
                        "test",
                        classifier.priors(),
                        Instant.EPOCH),
                classifications.iterator());
        Map<String, RunResult> results = new LinkedHashMap<>();
        runs.forEachResult(run.runId(), r -> results.put(r.customerId(), r));
        return results;
    }
}
