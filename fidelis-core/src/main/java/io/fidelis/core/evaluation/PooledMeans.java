package io.fidelis.core.evaluation;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Intervals and tests for means of answers pooled over customers ({@link PooledAnswers}), e.g. "the mean satisfaction
 * answer of the medium tier's treated customers". Each customer's answers form a cluster: the variance of a pooled mean
 * is that of a ratio estimator, sum of answers over number of answers, linearised over customers (the usual
 * cluster-robust variance), so a customer who answers often and always the same way does not count as many
 * independent answers. Degrees of freedom are those of customers, not answers.
 *
 * <p>A group's size, for the minimum group size, is its number of customers with an answer (never fewer than 2).
 */
public final class PooledMeans {

    private PooledMeans() {}

    /** The pool's mean answer with a Student t interval on customers - 1 degrees of freedom. */
    public static Finding mean(PooledAnswers.Pool pool, EstimationSettings settings) {
        Optional<InsufficientData> insufficient = settings.check(Method.POOLED_MEAN_CLUSTER_T, 2, pool.groupSize());
        if (insufficient.isPresent()) {
            return insufficient.get();
        }
        double mean = pool.mean();
        double standardError = Math.sqrt(pool.varianceOfMean());
        double t = Distributions.tQuantile(1 - (1 - settings.confidenceLevel()) / 2, pool.customers() - 1.0);
        return new Estimate(
                mean,
                mean - t * standardError,
                mean + t * standardError,
                OptionalDouble.empty(),
                settings.confidenceLevel(),
                List.of(pool.groupSize()),
                Method.POOLED_MEAN_CLUSTER_T,
                Resampling.NONE);
    }

    /**
     * {@code mean(first) - mean(second)} for two independent groups of customers (e.g. the arms in the period after),
     * variance the sum of their cluster variances, Welch-Satterthwaite t with customers as units; two-sided p-value
     * for "no difference".
     */
    public static Finding difference(PooledAnswers.Pool first, PooledAnswers.Pool second, EstimationSettings settings) {
        Optional<InsufficientData> insufficient =
                settings.check(Method.POOLED_DIFFERENCE_CLUSTER_WELCH, 2, first.groupSize(), second.groupSize());
        if (insufficient.isPresent()) {
            return insufficient.get();
        }
        return Means.linear(
                first.mean() - second.mean(),
                new double[] {first.varianceOfMean(), second.varianceOfMean()},
                new int[] {sizeOf(first.customers()), sizeOf(second.customers())},
                settings,
                List.of(first.groupSize(), second.groupSize()),
                Method.POOLED_DIFFERENCE_CLUSTER_WELCH);
    }

    /**
     * (treatment after - treatment before) - (control after - control before) of the pooled means, when the same
     * customers are followed through both periods. Each arm's change has the variance {@link
     * PooledAnswers#varianceOfChange()} (its customers are the units, so the correlation between a customer's
     * answers before and after is accounted for); the arms are independent. Welch-Satterthwaite t with each arm's
     * customers as units; two-sided p-value for "no difference". Every arm and period needs the minimum of answering
     * customers.
     */
    public static Finding differenceInDifferences(
            PooledAnswers treatment, PooledAnswers control, EstimationSettings settings) {
        Optional<InsufficientData> insufficient = settings.check(
                Method.DID_POOLED_CLUSTER_WELCH,
                2,
                treatment.before().groupSize(),
                treatment.after().groupSize(),
                control.before().groupSize(),
                control.after().groupSize());
        if (insufficient.isPresent()) {
            return insufficient.get();
        }
        double point = (treatment.after().mean() - treatment.before().mean())
                - (control.after().mean() - control.before().mean());
        return Means.linear(
                point,
                new double[] {treatment.varianceOfChange(), control.varianceOfChange()},
                new int[] {sizeOf(treatment.customers()), sizeOf(control.customers())},
                settings,
                List.of(
                        treatment.before().groupSize(),
                        treatment.after().groupSize(),
                        control.before().groupSize(),
                        control.after().groupSize()),
                Method.DID_POOLED_CLUSTER_WELCH);
    }

    private static int sizeOf(long customers) {
        return (int) Math.min(Integer.MAX_VALUE, customers);
    }
}
