package io.fidelis.store;

import io.fidelis.core.classification.Classification;
import java.util.Iterator;
import java.util.List;

/**
 * Several runs of the same book computed in one pass (one run per date of a series), stored together: the runs are
 * ordinary {@link Runs}, each with its own provenance and results, read back like any other.
 */
public interface RunSeries {

    /**
     * Stores the runs in one transaction: all of them, or none when anything fails. Memory stays bounded whatever
     * the number of customers.
     *
     * @param provenances one per run, at least one; the runs get increasing ids in this order
     * @param results for each customer in strictly increasing customer id order (as {@link
     *     BookStore#forEachHistory} gives the histories), its classification in every run, in the order of {@code
     *     provenances}; consumed once
     * @return the stored headers, in the order of {@code provenances}
     * @throws IllegalArgumentException when a customer's results are out of order, of another customer, of the wrong
     *     number, or of another as-of date or policy than their run's provenance (nothing is stored then)
     * @throws StoreException when the database fails (nothing is stored then)
     */
    List<RunHeader> save(List<RunProvenance> provenances, Iterator<List<Classification>> results);
}
