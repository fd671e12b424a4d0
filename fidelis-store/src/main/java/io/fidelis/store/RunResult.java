package io.fidelis.store;

import io.fidelis.core.classification.Classification;
import io.fidelis.core.classification.Reason;
import io.fidelis.core.classification.ReasonCode;
import io.fidelis.core.features.FeatureId;
import io.fidelis.core.features.FeatureValue;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import io.fidelis.core.strategy.Actions;
import io.fidelis.core.strategy.Benefit;
import io.fidelis.core.strategy.Conflict;
import io.fidelis.core.strategy.RiskSignal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One customer's result in a stored run: what a CRM or a report needs, without the evidence texts (explain a
 * customer to get those).
 *
 * @param customerId the customer
 * @param tier the final loyalty tier
 * @param score the loyalty score 0 to 100, empty when no scored feature had data
 * @param scoredWeight policy weight (of 100) whose features had data
 * @param scoreTier the band of the score alone
 * @param stableTier the tier after hysteresis, before caps and overrides
 * @param stage the final lifecycle stage
 * @param tierReasons the tier reasons' codes, in the classification's order
 * @param stageReasons the stage reasons' codes, in order
 * @param actions the actions to apply (after the guardrail)
 * @param withheldBenefits the benefits the guardrail withheld, in order: one per conflict
 * @param riskSignals the risk signals behind those conflicts, each once, in order of first appearance
 * @param overridden whether a manual override set the tier or the stage
 * @param features every feature's value, present or missing, in {@link FeatureId} order
 */
public record RunResult(
        String customerId,
        Tier tier,
        OptionalDouble score,
        double scoredWeight,
        Tier scoreTier,
        Tier stableTier,
        Stage stage,
        List<ReasonCode> tierReasons,
        List<ReasonCode> stageReasons,
        Actions actions,
        List<Benefit> withheldBenefits,
        List<RiskSignal> riskSignals,
        boolean overridden,
        Map<FeatureId, FeatureValue> features) {

    public RunResult {
        Objects.requireNonNull(customerId, "customer id");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(scoreTier, "score tier");
        Objects.requireNonNull(stableTier, "stable tier");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(actions, "actions");
        tierReasons = List.copyOf(tierReasons);
        stageReasons = List.copyOf(stageReasons);
        withheldBenefits = List.copyOf(withheldBenefits);
        riskSignals = List.copyOf(riskSignals);
        features = FeatureValues.of(features);
    }

    /** The stored form of a classification. */
    public static RunResult of(Classification classification) {
        List<Benefit> withheld = List.of();
        List<RiskSignal> riskSignals = List.of();
        if (!classification.conflicts().isEmpty()) {
            Set<RiskSignal> signals = new LinkedHashSet<>();
            withheld = new ArrayList<>(classification.conflicts().size());
            for (Conflict conflict : classification.conflicts()) {
                withheld.add(conflict.benefit());
                signals.addAll(conflict.signals());
            }
            riskSignals = List.copyOf(signals);
        }
        FeatureValues values = FeatureValues.of(classification.features());
        return new RunResult(
                classification.customerId(),
                classification.tier(),
                classification.score(),
                classification.scoredWeight(),
                classification.scoreTier(),
                classification.stableTier(),
                classification.stage(),
                codes(classification.tierReasons()),
                codes(classification.stageReasons()),
                classification.actions(),
                withheld,
                riskSignals,
                classification.override() != null,
                values);
    }

    /** The value of {@code feature}, possibly missing. */
    public FeatureValue feature(FeatureId feature) {
        return features.get(feature);
    }

    /** Whether {@code feature} had data (as {@code feature(feature).present()}, without making its value). */
    public boolean hasFeature(FeatureId feature) {
        return ((FeatureValues) features).present(feature);
    }

    /** The features that had data, one bit each at {@link FeatureId#ordinal()}: for writing many rows fast. */
    public long featuresPresent() {
        return ((FeatureValues) features).presentBits();
    }

    /** The value of the feature of ordinal {@code ordinal}, 0 when missing: for writing many rows fast. */
    public double featureValueAt(int ordinal) {
        return ((FeatureValues) features).valueAt(ordinal);
    }

    /** The value of {@code feature}, 0 when missing (as {@code feature(feature).value()}, without making it). */
    public double featureValue(FeatureId feature) {
        return ((FeatureValues) features).value(feature);
    }

    private static List<ReasonCode> codes(List<Reason> reasons) {
        List<ReasonCode> codes = new ArrayList<>(reasons.size());
        for (Reason reason : reasons) {
            codes.add(reason.code());
        }
        return codes;
    }
}
