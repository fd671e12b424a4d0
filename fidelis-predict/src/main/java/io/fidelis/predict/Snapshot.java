package io.fidelis.predict;

import io.fidelis.core.classification.Classification;
import io.fidelis.core.features.Features;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import io.fidelis.core.prediction.ActivitySummary;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One customer as of one month-end, with what happened to it {@code horizon} months later. It keeps only what the
 * models read of the classification (its features, score, stage and tier), not its reasons and score contributions:
 * a fit holds some 30 snapshots per customer at once, and the full classifications of 20,000 customers alone filled a
 * 4 GB heap.
 *
 * @param asOf the month-end
 * @param customerId the customer
 * @param stage its stage then, by the policy's rules
 * @param tier its tier then
 * @param score its loyalty score then, empty when it could not be scored
 * @param features its features then (the classification's)
 * @param activity its BG/NBD activity summary then, empty without activity events
 * @param laterStage its stage at the horizon, or null when the horizon is after the data
 * @param defaulted whether one of its loans became defaulted or written off after the date, up to the horizon
 */
public record Snapshot(
        LocalDate asOf,
        String customerId,
        Stage stage,
        Tier tier,
        OptionalDouble score,
        Features features,
        Optional<ActivitySummary> activity,
        Stage laterStage,
        boolean defaulted) {

    public Snapshot {
        Objects.requireNonNull(asOf, "as-of date");
        Objects.requireNonNull(customerId, "customer id");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(activity, "activity");
    }

    /** The snapshot of a classification: what the models read of it. */
    public static Snapshot of(
            Classification classification, Optional<ActivitySummary> activity, Stage laterStage, boolean defaulted) {
        return new Snapshot(
                classification.asOf(),
                classification.customerId(),
                classification.stage(),
                classification.tier(),
                classification.score(),
                classification.features(),
                activity,
                laterStage,
                defaulted);
    }

    /** Whether it was Dormant or Churned at the horizon (the churn event). */
    public boolean churned() {
        return laterStage == Stage.DORMANT || laterStage == Stage.CHURNED;
    }

    /** Whether it was at risk of churning: New or Active as of the date. */
    public boolean atRisk() {
        return Outcome.CHURN.atRisk(this);
    }
}
