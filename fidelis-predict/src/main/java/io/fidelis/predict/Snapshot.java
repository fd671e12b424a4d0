package io.fidelis.predict;

import io.fidelis.core.classification.Classification;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.prediction.ActivitySummary;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One customer as of one month-end, with what happened to it {@code horizon} months later.
 *
 * @param asOf the month-end
 * @param classification its classification then, by the policy's rules
 * @param activity its BG/NBD activity summary then, empty without activity events
 * @param laterStage its stage at the horizon, or null when the horizon is after the data
 * @param defaulted whether one of its loans became defaulted or written off after the date, up to the horizon
 */
public record Snapshot(
        LocalDate asOf,
        Classification classification,
        Optional<ActivitySummary> activity,
        Stage laterStage,
        boolean defaulted) {

    public String customerId() {
        return classification.customerId();
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
