package io.fidelis.store;

import java.util.Objects;

/**
 * A stored run: its id, its provenance and how many customers it holds. A run is never changed once stored.
 *
 * @param runId the run's number in the store, from a sequence (increasing, possibly with gaps)
 * @param provenance where its results came from
 * @param customers how many customers it holds, one result each
 */
public record RunHeader(long runId, RunProvenance provenance, long customers) {

    public RunHeader {
        Objects.requireNonNull(provenance, "provenance");
    }
}
