package io.fidelis.core.classification;

import io.fidelis.core.features.Features;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import io.fidelis.core.strategy.Actions;
import io.fidelis.core.strategy.Conflict;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A customer's classification as of a date, with everything needed to explain and reproduce it.
 *
 * @param customerId the customer
 * @param asOf the date it is computed as of
 * @param policyId the policy's id
 * @param policyVersion the policy's version
 * @param features the features it was computed from
 * @param score loyalty score 0 to 100 rounded to hundredths; empty when no scored feature had data
 * @param scoredWeight policy weight (of 100) whose features had data: how much of the score rests on evidence
 * @param contributions what each policy factor contributed, in policy order
 * @param scoreTier the band of the score alone
 * @param stableTier the tier after hysteresis, before caps and overrides (feed it to next month's evaluation)
 * @param tier the final loyalty tier
 * @param tierReasons why: override, caps, hysteresis, then factors (strongest positive and negative first)
 * @param stage the final lifecycle stage
 * @param stageReasons why
 * @param intendedActions the policy's actions for the tier and stage
 * @param actions the actions to apply: the intended ones less any benefit the guardrail withheld
 * @param conflicts the benefits withheld and why; empty when none
 * @param override the manual override applied, or null
 */
public record Classification(
        String customerId,
        LocalDate asOf,
        String policyId,
        String policyVersion,
        Features features,
        OptionalDouble score,
        double scoredWeight,
        List<Contribution> contributions,
        Tier scoreTier,
        Tier stableTier,
        Tier tier,
        List<Reason> tierReasons,
        Stage stage,
        List<Reason> stageReasons,
        Actions intendedActions,
        Actions actions,
        List<Conflict> conflicts,
        ManualOverride override) {

    public Classification {
        Objects.requireNonNull(customerId, "customer id");
        Objects.requireNonNull(asOf, "as-of date");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(stage, "stage");
        contributions = List.copyOf(contributions);
        tierReasons = List.copyOf(tierReasons);
        stageReasons = List.copyOf(stageReasons);
        conflicts = List.copyOf(conflicts);
    }

    /** This evaluation as the previous month of the next one, for hysteresis. */
    public PriorEvaluation toPrior() {
        return new PriorEvaluation(asOf, stableTier, score);
    }
}
