package io.fidelis.store;

import io.fidelis.core.classification.Classification;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Classification runs: every customer's result as of a date under one policy, with the run's provenance. A run is
 * immutable: it is written whole in one transaction (or not at all) and never updated; classifying again makes a new
 * run with a new id. The tables and statements are {@link RunsSql}'s, the same for every store.
 */
public interface Runs {

    /**
     * Stores a run, streaming its results in bounded memory.
     *
     * @param provenance where the results come from
     * @param results every customer's classification as of {@code provenance.asOf()} under the provenance's policy,
     *     in strictly increasing customer id order (by Unicode code point, as {@link BookStore#forEachHistory} gives
     *     the histories); consumed once
     * @return the stored header, with its new id and the number of customers
     * @throws IllegalArgumentException when a result is out of order, repeats a customer, or has another as-of date
     *     or policy than the provenance (nothing is stored then)
     * @throws StoreException when the database fails (nothing is stored then)
     */
    RunHeader save(RunProvenance provenance, Iterator<Classification> results);

    /** Every run's header, oldest first. */
    List<RunHeader> runs();

    /** The run with id {@code runId}, if stored. */
    Optional<RunHeader> run(long runId);

    /** The latest run as of {@code asOf}, whatever its policy and input. */
    Optional<RunHeader> latest(LocalDate asOf);

    /**
     * The latest run as of {@code asOf} computed with the policy whose file has {@code policySha256} from the input
     * {@code inputFingerprint}: a run that can stand for classifying again.
     */
    Optional<RunHeader> latest(LocalDate asOf, String policySha256, String inputFingerprint);

    /**
     * Streams a run's results ordered by customer id, in bounded memory.
     *
     * @throws java.util.NoSuchElementException when no run has that id
     */
    void forEachResult(long runId, Consumer<RunResult> consumer);

    /** One customer's result in a run, if the run holds that customer. */
    Optional<RunResult> result(long runId, String customerId);

    /**
     * A run's customers by tier and stage, and its conflict and override counts.
     *
     * @throws java.util.NoSuchElementException when no run has that id
     */
    RunCounts counts(long runId);
}
