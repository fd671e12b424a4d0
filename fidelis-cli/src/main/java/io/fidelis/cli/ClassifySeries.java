package io.fidelis.cli;

import io.fidelis.core.classification.Classification;
import io.fidelis.core.classification.ManualOverride;
import io.fidelis.core.classification.MonthlySeries;
import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.store.BookStore;
import io.fidelis.store.RunHeader;
import io.fidelis.store.RunProvenance;
import io.fidelis.store.RunSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Classifies every customer of the book at every month-end of a series in one pass over the book, and stores one run
 * per date, committed together ({@link RunSeries#save}). Each customer's history is read once and classified at
 * every date by {@link MonthlySeries}, on every core ({@link HistoryPipeline}); the runs equal those that classifying
 * each date alone gives.
 */
final class ClassifySeries {

    /** Results per hand-over, all dates together: about the memory of a batch of a single run. */
    private static final int BATCH_CLASSIFICATIONS = 256;

    private final BookStore book;
    private final RunSeries runs;
    private final MonthlySeries series;
    private final Map<String, List<ManualOverride>> overrides;
    private final int workers;

    /**
     * @param overrides every customer's overrides in the order recorded, in force or not: at each date the classifier
     *     applies those in force
     */
    ClassifySeries(
            BookStore book,
            RunSeries runs,
            MonthlySeries series,
            Map<String, List<ManualOverride>> overrides,
            int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be 1 or more, not " + workers);
        }
        this.book = book;
        this.runs = runs;
        this.series = series;
        this.overrides = Map.copyOf(overrides);
        this.workers = workers;
    }

    /**
     * Classifies and stores the runs.
     *
     * @param provenances one per date of the series, in its order
     * @param progress told the number of customers stored so far, now and then
     */
    List<RunHeader> run(List<RunProvenance> provenances, LongConsumer progress) {
        if (provenances.size() != series.dates().size()) {
            throw new IllegalArgumentException(
                    provenances.size() + " provenances for " + series.dates().size() + " dates");
        }
        int batch = Math.max(1, BATCH_CLASSIFICATIONS / series.dates().size());
        try (HistoryPipeline<List<RunSeries.Row>> pipeline = new HistoryPipeline<>(
                book,
                workers,
                ClassifyPortfolio.RANGE,
                batch,
                // the writer is the slower side: more ahead only costs memory (100k: 3.4 GB RSS, not 2.1)
                HistoryPipeline.BATCHES_AHEAD * batch,
                this::classify)) {
            return runs.save(provenances, pipeline.results(progress));
        }
    }

    /** The customer's rows at every date, made on the worker thread that classified it. */
    private List<RunSeries.Row> classify(CustomerHistory history) {
        try {
            // a stored run keeps the reasons' codes only
            List<Classification> results = series.classifyWithoutFactorDetail(
                    history, overrides.getOrDefault(history.customerId(), List.of()));
            List<RunSeries.Row> rows = new ArrayList<>(results.size());
            for (Classification result : results) {
                rows.add(RunSeries.Row.of(result));
            }
            return rows;
        } catch (RuntimeException e) {
            throw new IllegalStateException("classifying customer " + history.customerId() + " failed: " + e, e);
        }
    }
}
