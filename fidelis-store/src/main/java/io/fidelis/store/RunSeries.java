package io.fidelis.store;

import io.fidelis.core.classification.Classification;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Several runs of the same book computed in one pass (one run per date of a series), stored together: the runs are
 * ordinary {@link Runs}, each with its own provenance and results, read back like any other.
 */
public interface RunSeries {

    /**
     * One customer's row in one run of a series: its stored form, with the as-of date and policy it was computed as
     * of and under, which the run's provenance must match. Made from a classification on the caller's threads, so
     * that the writer only appends.
     */
    record Row(LocalDate asOf, String policyId, String policyVersion, RunResult result) {

        public Row {
            Objects.requireNonNull(asOf, "as-of date");
            Objects.requireNonNull(policyId, "policy id");
            Objects.requireNonNull(policyVersion, "policy version");
            Objects.requireNonNull(result, "result");
        }

        /** The row of a classification. */
        public static Row of(Classification classification) {
            return new Row(
                    classification.asOf(),
                    classification.policyId(),
                    classification.policyVersion(),
                    RunResult.of(classification));
        }

        public String customerId() {
            return result.customerId();
        }
    }

    /**
     * Stores the runs, each whole or not at all, and all of them or none when classifying or writing fails: a store
     * may write them in several transactions (each run's rows and header in one) if it commits those only once
     * every run is written. Memory stays bounded whatever the number of customers.
     *
     * @param provenances one per run, at least one; the runs get increasing ids in this order
     * @param rows for each customer in strictly increasing customer id order (as {@link BookStore#forEachHistory}
     *     gives the histories), its row in every run, in the order of {@code provenances}; consumed once
     * @return the stored headers, in the order of {@code provenances}
     * @throws IllegalArgumentException when a customer's rows are out of order, of another customer, of the wrong
     *     number, or of another as-of date or policy than their run's provenance (nothing is stored then)
     * @throws StoreException when the database fails (nothing is stored then)
     */
    List<RunHeader> save(List<RunProvenance> provenances, Iterator<List<Row>> rows);
}
