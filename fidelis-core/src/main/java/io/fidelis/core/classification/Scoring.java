package io.fidelis.core.classification;

import io.fidelis.core.features.Evidence;
import io.fidelis.core.features.FeatureId;
import io.fidelis.core.features.FeatureValue;
import io.fidelis.core.features.Features;
import io.fidelis.core.policy.Factor;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The points score: each factor earns {@code weight × curve(value)}; factors whose feature is missing are left out
 * and the others' weights scaled up to add up to 100 again. The score is rounded to hundredths before it meets the
 * bands, so that a band edge behaves as a reader of the score sees it (69.99 is below 70).
 */
final class Scoring {

    static final double FULL_SCORE = 100;

    /**
     * The outcome of scoring.
     *
     * @param score the score 0 to 100, rounded to hundredths; empty when no factor had data
     * @param scoredWeight the policy weight whose features had data, 0 to 100
     * @param contributions one per factor, in policy order
     * @param reasons factor reasons, strongest positive and negative first, then the rest by impact, then the
     *     factors left out for lack of data
     */
    record Result(OptionalDouble score, double scoredWeight, List<Contribution> contributions, List<Reason> reasons) {}

    private Scoring() {}

    static Result score(List<Factor> factors, Features features) {
        return score(factors, features, true);
    }

    /**
     * The score, contributions and reasons; with {@code factorDetail} false, no contributions and reasons without
     * evidence (codes, effects and order unchanged), for results that keep only the codes.
     */
    static Result score(List<Factor> factors, Features features, boolean factorDetail) {
        int n = factors.size();
        double scoredWeight = scoredWeight(factors, features);
        double scale = scoredWeight > 0 ? FULL_SCORE / scoredWeight : 0;
        List<Contribution> contributions = new ArrayList<>(n);
        List<Reason> scored = new ArrayList<>(n);
        double[] impacts = new double[n];
        List<Reason> missing = new ArrayList<>(2);
        List<Evidence> noEvidence = List.of();
        double raw = 0;
        for (int i = 0; i < n; i++) {
            Factor factor = factors.get(i);
            FeatureId feature = factor.feature();
            FeatureValue value = features.get(feature);
            if (!value.present()) {
                if (factorDetail) {
                    contributions.add(new Contribution(feature, value, factor.weight(), 0, 0, 0));
                }
                missing.add(Reason.of(
                        ReasonCode.NOT_SCORED_NO_DATA,
                        Effect.NEUTRAL,
                        factorDetail ? List.of(new Evidence(feature, value)) : noEvidence));
                continue;
            }
            double fraction = factor.curve().fraction(value.value());
            double effectiveWeight = factor.weight() * scale;
            Contribution contribution = new Contribution(
                    feature, value, factor.weight(), effectiveWeight, fraction, effectiveWeight * fraction);
            if (factorDetail) {
                contributions.add(contribution);
            }
            raw += contribution.points();
            boolean favourable = fraction >= 0.5;
            boolean readsHigh = factor.curve().rewardsHighValues() == favourable;
            FactorReasons.Pair pair = FactorReasons.of(feature);
            List<Evidence> evidence = factorDetail ? evidence(features, feature, value, pair) : List.of();
            scored.add(Reason.of(
                    readsHigh ? pair.high() : pair.low(), favourable ? Effect.POSITIVE : Effect.NEGATIVE, evidence));
            impacts[scored.size() - 1] = contribution.impact();
        }
        List<Reason> reasons = order(scored, impacts);
        reasons.addAll(missing);
        OptionalDouble score = scoredWeight > 0 ? OptionalDouble.of(round(raw)) : OptionalDouble.empty();
        return new Result(score, scoredWeight, contributions, reasons);
    }

    private static List<Evidence> evidence(
            Features features, FeatureId feature, FeatureValue value, FactorReasons.Pair pair) {
        List<FeatureId> support = pair.support();
        Evidence[] evidence = new Evidence[1 + support.size()];
        evidence[0] = new Evidence(feature, value);
        for (int i = 0; i < support.size(); i++) {
            evidence[i + 1] = Evidence.of(features, support.get(i));
        }
        return List.of(evidence);
    }

    /**
     * The score alone, equal to {@code score(factors, features).score()} (the same sums in the same order) without
     * the contributions and reasons: what hysteresis priors need.
     */
    static OptionalDouble scoreOnly(List<Factor> factors, Features features) {
        double scoredWeight = scoredWeight(factors, features);
        if (scoredWeight <= 0) {
            return OptionalDouble.empty();
        }
        double scale = FULL_SCORE / scoredWeight;
        double raw = 0;
        for (int i = 0, n = factors.size(); i < n; i++) {
            Factor factor = factors.get(i);
            FeatureValue value = features.get(factor.feature());
            if (value.present()) {
                double effectiveWeight = factor.weight() * scale;
                raw += effectiveWeight * factor.curve().fraction(value.value());
            }
        }
        return OptionalDouble.of(round(raw));
    }

    private static double scoredWeight(List<Factor> factors, Features features) {
        double scoredWeight = 0;
        for (int i = 0, n = factors.size(); i < n; i++) {
            Factor factor = factors.get(i);
            if (features.has(factor.feature())) {
                scoredWeight += factor.weight();
            }
        }
        return scoredWeight;
    }

    /**
     * Hundredths, half up, within 0 to 100. Rounds to whole billionths first so that binary noise in the sum
     * (69.994999… for 69.995) does not decide a band edge.
     */
    static double round(double raw) {
        double clamped = Math.max(0, Math.min(FULL_SCORE, raw));
        long billionths = Math.round(clamped * 1e9);
        return ((billionths + 5_000_000) / 10_000_000) / 100.0;
    }

    /** The strongest positive, the strongest negative, then the rest by the size of their impact. */
    private static List<Reason> order(List<Reason> reasons, double[] impacts) {
        int n = reasons.size();
        int[] indexes = new int[n];
        for (int i = 0; i < n; i++) {
            indexes[i] = i;
        }
        // insertion sort: a handful of factors, stable, no boxing
        for (int i = 1; i < n; i++) {
            int index = indexes[i];
            double size = Math.abs(impacts[index]);
            int j = i - 1;
            while (j >= 0 && Math.abs(impacts[indexes[j]]) < size) {
                indexes[j + 1] = indexes[j];
                j--;
            }
            indexes[j + 1] = index;
        }
        List<Reason> ordered = new ArrayList<>(n + 2);
        int firstPositive = -1;
        int firstNegative = -1;
        for (int i : indexes) {
            Effect effect = reasons.get(i).effect();
            if (firstPositive < 0 && effect == Effect.POSITIVE) {
                firstPositive = i;
            } else if (firstNegative < 0 && effect == Effect.NEGATIVE) {
                firstNegative = i;
            }
        }
        if (firstPositive >= 0) {
            ordered.add(reasons.get(firstPositive));
        }
        if (firstNegative >= 0) {
            ordered.add(reasons.get(firstNegative));
        }
        for (int i : indexes) {
            if (i != firstPositive && i != firstNegative) {
                ordered.add(reasons.get(i));
            }
        }
        return ordered;
    }
}
