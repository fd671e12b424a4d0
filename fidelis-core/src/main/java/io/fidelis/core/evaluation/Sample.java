package io.fidelis.core.evaluation;

import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;

/**
 * A group of units with one numeric outcome each, e.g. a customer's satisfaction (1..5) or NPS answer (0..10) in a
 * period. Immutable.
 */
public final class Sample {

    private final String group;
    private final double[] values;
    private final double mean;
    private final double variance;

    private Sample(String group, double[] values) {
        this.group = Objects.requireNonNull(group, "group");
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("group " + group + " has a value that is not finite: " + value);
            }
        }
        this.values = values;
        this.mean = meanOf(values);
        this.variance = varianceOf(values, mean);
    }

    /** The values, one per unit, in the outcome's unit. */
    public static Sample of(String group, double... values) {
        return new Sample(group, values.clone());
    }

    /** The values, one per unit, in the outcome's unit. */
    public static Sample of(String group, Collection<? extends Number> values) {
        return new Sample(
                group, values.stream().mapToDouble(Number::doubleValue).toArray());
    }

    /**
     * Answers to "how likely are you to recommend us" (0..10) scored as the Net Promoter Score counts them: +100 for a
     * promoter (9, 10), 0 for a passive (7, 8), -100 for a detractor (0..6). The mean of the scores is the group's NPS
     * in points (-100..100), so differences of means are differences of NPS.
     */
    public static Sample netPromoterScores(String group, int... answers) {
        double[] scores = new double[answers.length];
        for (int i = 0; i < answers.length; i++) {
            int answer = answers[i];
            if (answer < 0 || answer > 10) {
                throw new IllegalArgumentException("group " + group + ": nps answer " + answer + " is not in 0..10");
            }
            scores[i] = answer >= 9 ? 100 : answer >= 7 ? 0 : -100;
        }
        return new Sample(group, scores);
    }

    public String group() {
        return group;
    }

    /** Number of units. */
    public int size() {
        return values.length;
    }

    /** Arithmetic mean; not a number for an empty sample. */
    public double mean() {
        return mean;
    }

    /** Unbiased sample variance (divisor n - 1); not a number below two units. */
    public double variance() {
        return variance;
    }

    /** A copy of the values. */
    public double[] values() {
        return values.clone();
    }

    double valueAt(int index) {
        return values[index];
    }

    GroupSize groupSize() {
        return new GroupSize(group, values.length);
    }

    private static double meanOf(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double varianceOf(double[] values, double mean) {
        if (values.length < 2) {
            return Double.NaN;
        }
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return squares / (values.length - 1);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sample that && group.equals(that.group) && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * group.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Sample[" + group + ", n=" + values.length + ", mean=" + mean + "]";
    }
}
