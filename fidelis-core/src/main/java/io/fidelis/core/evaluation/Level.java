package io.fidelis.core.evaluation;

import java.util.Objects;

/**
 * An outcome's level in one arm and period of one group, with its interval.
 *
 * @param group label, e.g. {@code high|treatment|after}
 * @param observations customers with the event (for a rate) or answers (for a mean)
 * @param customers customers counted (for a rate) or customers with an answer (for a mean)
 * @param estimate the rate or mean with its interval (Wilson for rates, cluster t for means), or not enough data
 */
public record Level(String group, long observations, long customers, Finding estimate) {

    public Level {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(estimate, "estimate");
    }
}
