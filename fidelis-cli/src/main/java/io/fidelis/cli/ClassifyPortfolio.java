package io.fidelis.cli;

import io.fidelis.core.classification.Classification;
import io.fidelis.core.classification.DatedClassifier;
import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.store.BookStore;
import io.fidelis.store.RunHeader;
import io.fidelis.store.RunProvenance;
import io.fidelis.store.Runs;
import java.util.function.LongConsumer;

/**
 * Classifies every customer of the book and stores the results as one run, in bounded memory and on every core (a
 * {@link HistoryPipeline}): the run is the same, customer for customer and row for row, whatever the number of
 * threads or their timing.
 */
final class ClassifyPortfolio {

    /** Customers per range read and classified by one worker: a range's six queries cost a few milliseconds. */
    static final int RANGE = 10_000;

    /** Classifications per hand-over: large enough to keep hand-over costs small, small enough for memory. */
    private static final int BATCH = 256;

    private final BookStore book;
    private final Runs runs;
    private final DatedClassifier evaluation;
    private final int workers;
    private final int rangeSize;

    ClassifyPortfolio(BookStore book, Runs runs, DatedClassifier evaluation, int workers) {
        this(book, runs, evaluation, workers, Integer.getInteger("fidelis.classify.range", RANGE));
    }

    /** With {@code rangeSize} customers per range (tests use small ones to cross range edges). */
    ClassifyPortfolio(BookStore book, Runs runs, DatedClassifier evaluation, int workers, int rangeSize) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be 1 or more, not " + workers);
        }
        this.book = book;
        this.runs = runs;
        this.evaluation = evaluation;
        this.workers = workers;
        this.rangeSize = rangeSize;
    }

    /**
     * Classifies and stores the run.
     *
     * @param progress told the number of customers stored so far, now and then
     */
    RunHeader run(RunProvenance provenance, LongConsumer progress) {
        try (HistoryPipeline<Classification> pipeline =
                new HistoryPipeline<>(book, workers, rangeSize, BATCH, rangeSize, this::classify)) {
            return runs.save(provenance, pipeline.results(progress));
        }
    }

    private Classification classify(CustomerHistory history) {
        try {
            return evaluation.classify(history);
        } catch (RuntimeException e) {
            throw new IllegalStateException("classifying customer " + history.customerId() + " failed: " + e, e);
        }
    }
}
