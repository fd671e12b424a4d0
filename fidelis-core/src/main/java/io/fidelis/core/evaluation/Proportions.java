package io.fidelis.core.evaluation;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * Intervals and tests for proportions: a default rate, a churn rate, a reactivation rate. Every result is a
 * {@link Finding}: {@link InsufficientData} when a group has fewer units than the settings' minimum.
 *
 * <p>References: Newcombe RG (1998a) Two-sided confidence intervals for the single proportion: comparison of seven
 * methods. Stat Med 17:857-872. Newcombe RG (1998b) Interval estimation for the difference between independent
 * proportions: comparison of eleven methods. Stat Med 17:873-890. Katz D et al. (1978) Obtaining confidence intervals
 * for the risk ratio in cohort studies. Biometrics 34:469-474.
 */
public final class Proportions {

    private static final double FISHER_RELATIVE_TOLERANCE = 1e-7;
    private static final double SMALLEST_EXPECTED_COUNT_FOR_Z = 5;

    private Proportions() {}

    /** The group's proportion with the Wilson score interval (method 3 of Newcombe 1998a). */
    public static Finding proportion(BinarySample sample, EstimationSettings settings) {
        return single(sample, settings, Method.WILSON_SCORE);
    }

    /** The group's proportion with the continuity-corrected Wilson interval (method 4 of Newcombe 1998a). */
    public static Finding proportionCorrected(BinarySample sample, EstimationSettings settings) {
        return single(sample, settings, Method.WILSON_SCORE_CORRECTED);
    }

    /**
     * {@code first - second} with Newcombe's hybrid score interval (method 10 of Newcombe 1998b). The p-value is the
     * pooled two-proportion z-test, or Fisher's exact test when an expected count is below 5 (the method says which).
     * Near the significance boundary the interval and the test may disagree, as they are different procedures.
     */
    public static Finding difference(BinarySample first, BinarySample second, EstimationSettings settings) {
        Optional<InsufficientData> insufficient =
                settings.check(Method.NEWCOMBE_HYBRID_SCORE, 1, first.groupSize(), second.groupSize());
        if (insufficient.isPresent()) {
            return insufficient.get();
        }
        boolean small = smallestExpectedCount(first, second) < SMALLEST_EXPECTED_COUNT_FOR_Z;
        double p = small ? fisherExactPValue(first, second) : zTestPValue(first, second);
        return hybrid(
                first,
                second,
                settings,
                false,
                p,
                small ? Method.NEWCOMBE_HYBRID_SCORE_FISHER : Method.NEWCOMBE_HYBRID_SCORE);
    }

    /**
     * {@code first - second} with the continuity-corrected hybrid score interval (method 11 of Newcombe 1998b), wider
     * and more conservative; p-value from Fisher's exact test.
     */
    public static Finding differenceCorrected(BinarySample first, BinarySample second, EstimationSettings settings) {
        Optional<InsufficientData> insufficient =
                settings.check(Method.NEWCOMBE_HYBRID_SCORE_CORRECTED, 1, first.groupSize(), second.groupSize());
        if (insufficient.isPresent()) {
            return insufficient.get();
        }
        return hybrid(
                first,
                second,
                settings,
                true,
                fisherExactPValue(first, second),
                Method.NEWCOMBE_HYBRID_SCORE_CORRECTED);
    }

    /**
     * The risk ratio {@code first / second} with the Katz log interval; p-value for "the ratio is 1" from the same log
     * scale. When a group has no event, 0.5 is added to every cell (the method says so).
     */
    public static Finding riskRatio(BinarySample first, BinarySample second, EstimationSettings settings) {
        return katz(first, second, settings, 1, 0);
    }

    /**
     * The relative change of a rate, {@code after / before - 1} (-0.30 is "fell by 30%"), with the Katz interval of
     * the ratio shifted by -1; p-value for "no change". Use rates, not raw counts, when the populations differ.
     */
    public static Finding relativeChange(BinarySample after, BinarySample before, EstimationSettings settings) {
        return katz(after, before, settings, 1, -1);
    }

    /**
     * As {@link #relativeChange(BinarySample, BinarySample, EstimationSettings)}, but the p-value tests the claim
     * "the rate changed by {@code claimedChange}" (e.g. -0.30): a small p-value means the data contradict the claim.
     */
    public static Finding relativeChange(
            BinarySample after, BinarySample before, EstimationSettings settings, double claimedChange) {
        if (!(claimedChange > -1) || !Double.isFinite(claimedChange)) {
            throw new IllegalArgumentException(
                    "a claimed relative change must be above -1 (-100%), not " + claimedChange);
        }
        return katz(after, before, settings, 1 + claimedChange, -1);
    }

    /** Two-sided p-value of the pooled two-proportion z-test (equal to Pearson's chi-square without correction). */
    public static double zTestPValue(BinarySample first, BinarySample second) {
        requireNonEmpty(first, second);
        double pooled = (double) (first.events() + second.events()) / (first.size() + second.size());
        double variance = pooled * (1 - pooled) * (1.0 / first.size() + 1.0 / second.size());
        double difference = first.proportion() - second.proportion();
        if (variance == 0) {
            return 1;
        }
        return Distributions.twoSidedNormalP(difference / Math.sqrt(variance));
    }

    /**
     * Two-sided p-value of Fisher's exact test on the 2x2 table: the probability, given the margins, of a table no
     * more likely than the observed one.
     */
    public static double fisherExactPValue(BinarySample first, BinarySample second) {
        requireNonEmpty(first, second);
        int n1 = first.size();
        int n2 = second.size();
        int events = first.events() + second.events();
        int lowest = Math.max(0, events - n2);
        int highest = Math.min(events, n1);
        double logDenominator = CombinatoricsUtils.binomialCoefficientLog(n1 + n2, events);
        double observed = logProbability(n1, n2, events, first.events(), logDenominator);
        double p = 0;
        for (int a = lowest; a <= highest; a++) {
            double logP = logProbability(n1, n2, events, a, logDenominator);
            if (logP <= observed + FISHER_RELATIVE_TOLERANCE) {
                p += Math.exp(logP);
            }
        }
        return Math.min(1, p);
    }

    private static double logProbability(int n1, int n2, int events, int a, double logDenominator) {
        return CombinatoricsUtils.binomialCoefficientLog(n1, a)
                + CombinatoricsUtils.binomialCoefficientLog(n2, events - a)
                - logDenominator;
    }

    private static Finding single(BinarySample sample, EstimationSettings settings, Method method) {
        Optional<InsufficientData> insufficient = settings.check(method, 1, sample.groupSize());
        if (insufficient.isPresent()) {
            return insufficient.get();
        }
        double[] limits = method == Method.WILSON_SCORE_CORRECTED
                ? wilsonCorrected(sample.events(), sample.size(), settings.z())
                : wilson(sample.events(), sample.size(), settings.z());
        return new Estimate(
                sample.proportion(),
                limits[0],
                limits[1],
                OptionalDouble.empty(),
                settings.confidenceLevel(),
                List.of(sample.groupSize()),
                method,
                Resampling.NONE);
    }

    private static Finding hybrid(
            BinarySample first,
            BinarySample second,
            EstimationSettings settings,
            boolean corrected,
            double pValue,
            Method method) {
        double z = settings.z();
        double[] one =
                corrected ? wilsonCorrected(first.events(), first.size(), z) : wilson(first.events(), first.size(), z);
        double[] two = corrected
                ? wilsonCorrected(second.events(), second.size(), z)
                : wilson(second.events(), second.size(), z);
        double p1 = first.proportion();
        double p2 = second.proportion();
        double difference = p1 - p2;
        double lower = difference - Math.hypot(p1 - one[0], two[1] - p2);
        double upper = difference + Math.hypot(one[1] - p1, p2 - two[0]);
        return new Estimate(
                difference,
                lower,
                upper,
                OptionalDouble.of(pValue),
                settings.confidenceLevel(),
                List.of(first.groupSize(), second.groupSize()),
                method,
                Resampling.NONE);
    }

    /** Wilson's score interval for {@code events} out of {@code size} (size &gt; 0), as {lower, upper}. */
    static double[] wilson(int events, int size, double z) {
        double n = size;
        double p = events / n;
        double centre = 2 * events + z * z;
        double spread = z * Math.sqrt(z * z + 4 * events * (1 - p));
        double denominator = 2 * (n + z * z);
        double lower = events == 0 ? 0 : (centre - spread) / denominator;
        double upper = events == size ? 1 : (centre + spread) / denominator;
        return new double[] {Math.max(0, lower), Math.min(1, upper)};
    }

    /** Wilson's interval with continuity correction (Newcombe 1998a, method 4), as {lower, upper}. */
    static double[] wilsonCorrected(int events, int size, double z) {
        double n = size;
        double p = events / n;
        double q = 1 - p;
        double denominator = 2 * (n + z * z);
        double lower = events == 0
                ? 0
                : (2 * n * p + z * z - 1 - z * Math.sqrt(z * z - 2 - 1 / n + 4 * p * (n * q + 1))) / denominator;
        double upper = events == size
                ? 1
                : (2 * n * p + z * z + 1 + z * Math.sqrt(z * z + 2 - 1 / n + 4 * p * (n * q - 1))) / denominator;
        return new double[] {Math.max(0, lower), Math.min(1, upper)};
    }

    private static Finding katz(
            BinarySample first, BinarySample second, EstimationSettings settings, double nullRatio, double shift) {
        boolean change = shift != 0;
        Optional<InsufficientData> insufficient = settings.check(
                change ? Method.RELATIVE_CHANGE_KATZ : Method.RISK_RATIO_KATZ,
                1,
                first.groupSize(),
                second.groupSize());
        if (insufficient.isPresent()) {
            return insufficient.get();
        }
        boolean zero = first.events() == 0 || second.events() == 0;
        double half = zero ? 0.5 : 0;
        double a = first.events() + half;
        double n1 = first.size() + 2 * half;
        double c = second.events() + half;
        double n2 = second.size() + 2 * half;
        double logRatio = Math.log((a / n1) / (c / n2));
        double standardError = Math.sqrt(1 / a - 1 / n1 + 1 / c - 1 / n2);
        double z = settings.z();
        double distance = logRatio - Math.log(nullRatio);
        double p =
                standardError == 0 ? (distance == 0 ? 1 : 0) : Distributions.twoSidedNormalP(distance / standardError);
        return new Estimate(
                Math.exp(logRatio) + shift,
                Math.exp(logRatio - z * standardError) + shift,
                Math.exp(logRatio + z * standardError) + shift,
                OptionalDouble.of(p),
                settings.confidenceLevel(),
                List.of(first.groupSize(), second.groupSize()),
                change
                        ? (zero ? Method.RELATIVE_CHANGE_KATZ_HALF_CORRECTED : Method.RELATIVE_CHANGE_KATZ)
                        : (zero ? Method.RISK_RATIO_KATZ_HALF_CORRECTED : Method.RISK_RATIO_KATZ),
                Resampling.NONE);
    }

    private static double smallestExpectedCount(BinarySample first, BinarySample second) {
        double total = first.size() + second.size();
        double events = first.events() + second.events();
        double nonEvents = total - events;
        double smallerRow = Math.min(first.size(), second.size());
        return smallerRow * Math.min(events, nonEvents) / total;
    }

    private static void requireNonEmpty(BinarySample first, BinarySample second) {
        if (first.size() == 0 || second.size() == 0) {
            throw new IllegalArgumentException(
                    "a test needs two non-empty groups, not " + first.size() + " and " + second.size() + " units");
        }
    }
}
