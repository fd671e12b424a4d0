package io.fidelis.core.evaluation;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Intervals and tests for means of a numeric outcome, e.g. satisfaction (1..5) or NPS ({@link
 * Sample#netPromoterScores}). A group needs at least the settings' minimum and never fewer than 2 units, as its
 * variance is estimated.
 */
public final class Means {

    private Means() {}

    /** The group's mean with the Student t interval (n - 1 degrees of freedom). */
    public static Finding mean(Sample sample, EstimationSettings settings) {
        Optional<InsufficientData> insufficient = settings.check(Method.STUDENT_T_MEAN, 2, sample.groupSize());
        if (insufficient.isPresent()) {
            return insufficient.get();
        }
        double standardError = Math.sqrt(sample.variance() / sample.size());
        double t = Distributions.tQuantile(1 - (1 - settings.confidenceLevel()) / 2, sample.size() - 1.0);
        return new Estimate(
                sample.mean(),
                sample.mean() - t * standardError,
                sample.mean() + t * standardError,
                OptionalDouble.empty(),
                settings.confidenceLevel(),
                List.of(sample.groupSize()),
                Method.STUDENT_T_MEAN,
                Resampling.NONE);
    }

    /**
     * {@code mean(first) - mean(second)} with Welch's interval and two-sided p-value, which do not assume equal
     * variances; degrees of freedom by Welch-Satterthwaite.
     */
    public static Finding difference(Sample first, Sample second, EstimationSettings settings) {
        return difference(first, second, settings, Method.WELCH_T);
    }

    static Finding difference(Sample first, Sample second, EstimationSettings settings, Method method) {
        Optional<InsufficientData> insufficient = settings.check(method, 2, first.groupSize(), second.groupSize());
        if (insufficient.isPresent()) {
            return insufficient.get();
        }
        return linear(
                first.mean() - second.mean(),
                new double[] {first.variance() / first.size(), second.variance() / second.size()},
                new int[] {first.size(), second.size()},
                settings,
                List.of(first.groupSize(), second.groupSize()),
                method);
    }

    /**
     * A linear combination of independent group means with variance the sum of {@code variances} (each s^2 / n),
     * t-distributed with Welch-Satterthwaite degrees of freedom. A zero variance gives a zero-width interval.
     */
    static Estimate linear(
            double point,
            double[] variances,
            int[] sizes,
            EstimationSettings settings,
            List<GroupSize> groups,
            Method method) {
        double variance = 0;
        double denominator = 0;
        for (int i = 0; i < variances.length; i++) {
            variance += variances[i];
            denominator += variances[i] * variances[i] / (sizes[i] - 1);
        }
        if (variance == 0) {
            return new Estimate(
                    point,
                    point,
                    point,
                    OptionalDouble.of(point == 0 ? 1 : 0),
                    settings.confidenceLevel(),
                    groups,
                    method,
                    Resampling.NONE);
        }
        double degreesOfFreedom = variance * variance / denominator;
        double standardError = Math.sqrt(variance);
        double t = Distributions.tQuantile(1 - (1 - settings.confidenceLevel()) / 2, degreesOfFreedom);
        return new Estimate(
                point,
                point - t * standardError,
                point + t * standardError,
                OptionalDouble.of(Distributions.twoSidedTP(point / standardError, degreesOfFreedom)),
                settings.confidenceLevel(),
                groups,
                method,
                Resampling.NONE);
    }
}
