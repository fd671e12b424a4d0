package io.fidelis.core.classification;

import io.fidelis.core.policy.Hysteresis;
import io.fidelis.core.policy.Tier;
import io.fidelis.core.policy.TierPolicy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Hysteresis between monthly evaluations, as a pure function of this month's score and the previous months'
 * evaluations. See {@link Hysteresis} for the rule. Caps and overrides are applied after it, so they always act at
 * once.
 */
public final class TierStability {

    /**
     * The tier after hysteresis.
     *
     * @param tier the stabilised tier
     * @param reason why it differs from the score's band (or why a downgrade was not held), or null
     */
    public record Stabilised(Tier tier, Reason reason) {}

    private TierStability() {}

    /**
     * Stabilises {@code scoreTier}.
     *
     * @param hysteresis the policy's setting
     * @param tiers the policy's bands
     * @param asOf the date of this evaluation
     * @param scoreTier the band of this month's score
     * @param score this month's score, empty when unknown (nothing is stabilised then)
     * @param creditEvent whether a credit-risk signal is present (it downgrades at once)
     * @param prior earlier evaluations in any order; those not before {@code asOf} are ignored
     */
    public static Stabilised stabilise(
            Hysteresis hysteresis,
            TierPolicy tiers,
            LocalDate asOf,
            Tier scoreTier,
            OptionalDouble score,
            boolean creditEvent,
            List<PriorEvaluation> prior) {
        if (!hysteresis.enabled() || score.isEmpty() || prior.isEmpty()) {
            return new Stabilised(scoreTier, null);
        }
        List<PriorEvaluation> earlier = new ArrayList<>(prior.size());
        for (PriorEvaluation evaluation : prior) {
            if (evaluation.asOf().isBefore(asOf)) {
                earlier.add(evaluation);
            }
        }
        if (earlier.isEmpty()) {
            return new Stabilised(scoreTier, null);
        }
        earlier.sort(Comparator.comparing(PriorEvaluation::asOf).reversed());
        Tier previous = earlier.get(0).tier();
        double now = score.getAsDouble();
        double margin = hysteresis.margin();
        if (scoreTier == previous) {
            return new Stabilised(scoreTier, null);
        }
        if (previous.isAbove(scoreTier)) {
            boolean wouldHold = now >= tiers.minOf(previous) - margin;
            if (!wouldHold) {
                return new Stabilised(scoreTier, null);
            }
            if (creditEvent) {
                return new Stabilised(
                        scoreTier,
                        Reason.of(ReasonCode.CREDIT_EVENT_DOWNGRADES_AT_ONCE, Effect.NEGATIVE, List.of(), previous));
            }
            return new Stabilised(
                    previous,
                    Reason.of(
                            ReasonCode.TIER_HELD_BY_HYSTERESIS,
                            Effect.POSITIVE,
                            List.of(),
                            previous,
                            scoreTier,
                            margin));
        }
        Tier[] all = Tier.values();
        for (int t = scoreTier.ordinal(); t < previous.ordinal(); t++) {
            Tier candidate = all[t];
            double needed = tiers.minOf(candidate) + margin;
            if (now >= needed && heldFor(earlier, asOf, needed, hysteresis.months() - 1)) {
                Reason pending = candidate == scoreTier
                        ? null
                        : Reason.of(
                                ReasonCode.UPGRADE_PENDING,
                                Effect.NEGATIVE,
                                List.of(),
                                scoreTier,
                                hysteresis.months(),
                                margin);
                return new Stabilised(candidate, pending);
            }
        }
        return new Stabilised(
                previous,
                Reason.of(
                        ReasonCode.UPGRADE_PENDING,
                        Effect.NEGATIVE,
                        List.of(),
                        scoreTier,
                        hysteresis.months(),
                        margin));
    }

    /** Whether the {@code months} evaluations before this one, one per month, all scored at least {@code needed}. */
    private static boolean heldFor(List<PriorEvaluation> newestFirst, LocalDate asOf, double needed, int months) {
        if (newestFirst.size() < months) {
            return false;
        }
        for (int k = 1; k <= months; k++) {
            PriorEvaluation evaluation = newestFirst.get(k - 1);
            OptionalDouble score = evaluation.score();
            if (evaluation.asOf().isBefore(asOf.minusMonths(k)) || score.isEmpty() || score.getAsDouble() < needed) {
                return false;
            }
        }
        return true;
    }
}
