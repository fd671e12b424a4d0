package io.fidelis.core.policy;

import io.fidelis.core.features.FeatureId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The policy's opt-in to the activity model (BG/NBD, Fader, Hardie and Lee 2005): which population features to compute
 * and which lifecycle conditions use them. Before classifying as of a date the model is fitted on every customer's
 * activity events up to that date (applications, drawdowns and new loans); each customer then gets {@code p_alive}
 * and {@code expected_activity_26w}, missing when it had no activity event. A customer is Churned when any
 * {@code churnedWhen} condition holds (after the explicit churn causes and the New rules), Dormant when any {@code
 * dormantWhen} condition holds (after the recency rule). {@link #OFF}, the default, changes nothing.
 *
 * @param features the population features computed, each at most once; empty when off (a policy that has the section
 *     lists at least one)
 * @param dormantWhen conditions that make a customer Dormant, on enabled features
 * @param churnedWhen conditions that make a customer Churned, on enabled features
 */
public record ActivityModel(
        List<FeatureId> features, List<StageCondition> dormantWhen, List<StageCondition> churnedWhen) {

    /** No activity model: no population feature, no condition. */
    public static final ActivityModel OFF = new ActivityModel(List.of(), List.of(), List.of());

    public ActivityModel {
        // nulls stay, as in a policy's factors, so that the checks report them at their index
        features = features == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(features));
        dormantWhen = dormantWhen == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(dormantWhen));
        churnedWhen = churnedWhen == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(churnedWhen));
    }

    /** Whether the population step runs: at least one population feature is enabled. */
    public boolean enabled() {
        return !features.isEmpty();
    }

    /** Whether {@code feature} is computed. */
    public boolean enables(FeatureId feature) {
        return features.contains(feature);
    }
}
