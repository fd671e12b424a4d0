package io.fidelis.core.classification;

import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.features.ComputeFeatures;
import io.fidelis.core.features.Features;
import io.fidelis.core.policy.Policy;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import io.fidelis.core.strategy.Actions;
import io.fidelis.core.strategy.GuardedActions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Classifies customers under one {@link Policy}: features, score, tier (band, hysteresis, caps, override), stage,
 * actions and the guardrail's conflicts. Pure and deterministic: the same history, date and inputs give an equal
 * result; records dated after the as-of date are never read. Immutable and safe to share between threads.
 */
public final class Classifier {

    private final Policy policy;
    private final ComputeFeatures computeFeatures;

    public Classifier(Policy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.computeFeatures = new ComputeFeatures(policy.featureSettings());
    }

    /** The policy it classifies under. */
    public Policy policy() {
        return policy;
    }

    /** The classification of {@code history}'s customer as of {@code asOf}, without history or overrides. */
    public Classification classify(CustomerHistory history, LocalDate asOf) {
        return classify(history, asOf, List.of(), List.of());
    }

    /**
     * The classification of {@code history}'s customer as of {@code asOf}.
     *
     * @param prior the customer's previous monthly evaluations, for hysteresis (any order; empty for none)
     * @param overrides manual overrides; those of other customers or not in force on {@code asOf} are ignored, and of
     *     several in force the last listed wins
     */
    public Classification classify(
            CustomerHistory history, LocalDate asOf, List<PriorEvaluation> prior, List<ManualOverride> overrides) {
        return classify(history.customerId(), computeFeatures.of(history, asOf), prior, overrides);
    }

    /** The classification of a customer whose features are already computed (as of {@link Features#asOf()}). */
    public Classification classify(
            String customerId, Features features, List<PriorEvaluation> prior, List<ManualOverride> overrides) {
        return classify(customerId, features, prior, overrides, true);
    }

    /**
     * The classification {@link #classify(String, Features, List, List)} gives, without the detail of its factors:
     * no {@link Classification#contributions()}, and factor reasons (one per scored feature, {@link
     * ReasonCode.Kind#FACTOR} and {@link ReasonCode#NOT_SCORED_NO_DATA}) without evidence. Their codes, effects and
     * order, the score and everything else are equal. For results that keep only the reasons' codes, such as the
     * stored runs of a series, where building 22 contributions and reasons with evidence at every date was about a
     * tenth of the series' time.
     */
    public Classification classifyWithoutFactorDetail(
            String customerId, Features features, List<PriorEvaluation> prior, List<ManualOverride> overrides) {
        return classify(customerId, features, prior, overrides, false);
    }

    private Classification classify(
            String customerId,
            Features features,
            List<PriorEvaluation> prior,
            List<ManualOverride> overrides,
            boolean factorDetail) {
        LocalDate asOf = features.asOf();
        Scoring.Result scoring = Scoring.score(policy.factors(), features, factorDetail);
        OptionalDouble score = scoring.score();
        Tier scoreTier = scoreTier(score);
        TierStability.Stabilised stabilised = stabilise(features, score, scoreTier, prior);
        Tier stableTier = stabilised.tier();

        List<Reason> capReasons = new ArrayList<>(2);
        Tier tier = stableTier;
        for (TierCaps.Rule rule : TierCaps.ALL) {
            TierCaps.Cap cap = rule.apply(policy.tiers().caps(), features);
            if (cap != null) {
                Effect effect = tier.isAbove(cap.ceiling()) ? Effect.NEGATIVE : Effect.NEUTRAL;
                capReasons.add(new Reason(cap.code(), effect, cap.evidence(), cap.args()));
                tier = Tier.lower(tier, cap.ceiling());
            }
        }

        LifecycleRules.Decision decision = LifecycleRules.stage(policy.stages(), features);
        Stage stage = decision.stage();
        List<Reason> stageReasons = decision.reasons();

        ManualOverride override = activeOverride(customerId, asOf, overrides);
        List<Reason> tierReasons = new ArrayList<>(scoring.reasons().size() + 4);
        if (override != null && override.tier() != null) {
            tierReasons.add(overridden(ReasonCode.TIER_OVERRIDDEN, override, tier, override.tier()));
            tier = override.tier();
        }
        tierReasons.addAll(capReasons);
        if (stabilised.reason() != null) {
            tierReasons.add(stabilised.reason());
        }
        if (score.isEmpty()) {
            tierReasons.add(Reason.of(ReasonCode.NO_SCORED_DATA, Effect.NEUTRAL, List.of(), Tier.MEDIUM));
        }
        tierReasons.addAll(scoring.reasons());
        if (override != null && override.stage() != null) {
            List<Reason> reasons = new ArrayList<>(stageReasons.size() + 1);
            reasons.add(overridden(ReasonCode.STAGE_OVERRIDDEN, override, stage, override.stage()));
            reasons.addAll(stageReasons);
            stageReasons = reasons;
            stage = override.stage();
        }

        Actions intended = policy.strategies().actionsFor(tier, stage);
        GuardedActions guarded = policy.guardrail().apply(features, intended);
        return new Classification(
                customerId,
                asOf,
                policy.id(),
                policy.version(),
                features,
                score,
                scoring.scoredWeight(),
                scoring.contributions(),
                scoreTier,
                stableTier,
                tier,
                tierReasons,
                stage,
                stageReasons,
                intended,
                guarded.actions(),
                guarded.conflicts(),
                override);
    }

    /**
     * What hysteresis reads of the evaluation of a customer whose features are already computed: equal to {@code
     * classify(customerId, features, prior, overrides).toPrior()} for any overrides (hysteresis reads the tier before
     * them), without the reasons, caps, stage and actions that a prior does not need. For computing many months'
     * priors cheaply.
     */
    public PriorEvaluation prior(Features features, List<PriorEvaluation> prior) {
        return prior(scored(features), prior);
    }

    /**
     * What hysteresis reads of one month's features whatever the priors: its score, the score's tier and whether a
     * credit event happened. A series evaluates each month with several chains of priors ({@link MonthlySeries}) and
     * computes this once for all of them.
     */
    record Scored(LocalDate asOf, OptionalDouble score, Tier scoreTier, boolean creditEvent) {}

    Scored scored(Features features) {
        OptionalDouble score = Scoring.scoreOnly(policy.factors(), features);
        return new Scored(features.asOf(), score, scoreTier(score), creditEvent(features));
    }

    /** {@link #prior(Features, List)} of the features that {@code month} was computed from. */
    PriorEvaluation prior(Scored month, List<PriorEvaluation> prior) {
        Tier tier = TierStability.stabilise(
                        policy.tiers().hysteresis(),
                        policy.tiers(),
                        month.asOf(),
                        month.scoreTier(),
                        month.score(),
                        month.creditEvent(),
                        prior)
                .tier();
        return new PriorEvaluation(month.asOf(), tier, month.score());
    }

    private Tier scoreTier(OptionalDouble score) {
        return score.isPresent() ? policy.tiers().tierFor(score.getAsDouble()) : Tier.MEDIUM;
    }

    private TierStability.Stabilised stabilise(
            Features features, OptionalDouble score, Tier scoreTier, List<PriorEvaluation> prior) {
        return TierStability.stabilise(
                policy.tiers().hysteresis(),
                policy.tiers(),
                features.asOf(),
                scoreTier,
                score,
                creditEvent(features),
                prior);
    }

    private boolean creditEvent(Features features) {
        return !policy.guardrail().signals(features).isEmpty();
    }

    private static ManualOverride activeOverride(String customerId, LocalDate asOf, List<ManualOverride> overrides) {
        ManualOverride active = null;
        for (ManualOverride override : overrides) {
            if (override.appliesTo(customerId, asOf)) {
                active = override;
            }
        }
        return active;
    }

    private static Reason overridden(ReasonCode code, ManualOverride override, Object computed, Object set) {
        return Reason.of(
                code,
                Effect.NEUTRAL,
                List.of(),
                computed,
                set,
                override.author(),
                override.expiresOn(),
                override.reason());
    }
}
