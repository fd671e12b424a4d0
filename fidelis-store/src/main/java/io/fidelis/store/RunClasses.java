package io.fidelis.store;

import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The tier and stage of each customer of a stored run, without the rest of its results: what migration matrices and
 * cohorts read, at a fraction of the cost of {@link Runs#forEachResult}.
 */
public interface RunClasses {

    /**
     * A customer's final tier and stage in a run.
     *
     * @param customerId the customer
     * @param tier the final loyalty tier
     * @param stage the final lifecycle stage
     */
    record Placed(String customerId, Tier tier, Stage stage) {

        public Placed {
            Objects.requireNonNull(customerId, "customer id");
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(stage, "stage");
        }
    }

    /**
     * Streams every customer of a run with its tier and stage, in no particular order, in bounded memory.
     *
     * @throws java.util.NoSuchElementException when no run has that id
     */
    void forEachPlaced(long runId, Consumer<Placed> consumer);
}
