package io.fidelis.core.evaluation;

import java.util.Arrays;

/**
 * The population stability index between a reference distribution of a feature or score and a current one:
 * sum over bins of (current share - reference share) * ln(current share / reference share). Bins are the reference's
 * quantiles; an empty share is replaced by {@link #FLOOR} so the index stays finite.
 *
 * @param index the index, at least 0
 * @param band how large the shift is by the usual bands (0.10 and 0.25)
 */
public record PopulationStability(double index, Band band) {

    /** The share used for a bin that holds no unit. */
    public static final double FLOOR = 1e-4;

    /** The usual reading of the index. */
    public enum Band {
        /** Below 0.10: no meaningful shift. */
        STABLE,
        /** 0.10 to 0.25: a shift to look into. */
        MODERATE_SHIFT,
        /** Above 0.25: a major shift; the model may need refitting. */
        MAJOR_SHIFT;

        static Band of(double index) {
            if (index < 0.10) {
                return STABLE;
            }
            return index <= 0.25 ? MODERATE_SHIFT : MAJOR_SHIFT;
        }
    }

    public PopulationStability {
        if (!(index >= 0)) {
            throw new IllegalArgumentException("the index is at least 0, was " + index);
        }
    }

    /** The index between two sets of shares over the same bins (each summing to 1). */
    public static PopulationStability ofShares(double[] reference, double[] current) {
        if (reference.length != current.length || reference.length == 0) {
            throw new IllegalArgumentException(
                    "need the same bins on both sides, had " + reference.length + " and " + current.length);
        }
        double index = 0;
        for (int i = 0; i < reference.length; i++) {
            double expected = Math.max(reference[i], FLOOR);
            double actual = Math.max(current[i], FLOOR);
            index += (actual - expected) * Math.log(actual / expected);
        }
        return new PopulationStability(index, Band.of(index));
    }

    /**
     * The index between two samples of values: the bins are cut at the reference's quantiles ({@code bins} of them;
     * fewer when the reference has ties), values equal to a cut fall in the bin below it.
     */
    public static PopulationStability ofValues(double[] reference, double[] current, int bins) {
        if (reference.length == 0 || current.length == 0 || bins < 1) {
            throw new IllegalArgumentException("need values on both sides and at least one bin");
        }
        double[] sorted = reference.clone();
        Arrays.sort(sorted);
        double[] cuts = new double[bins - 1];
        for (int i = 1; i < bins; i++) {
            cuts[i - 1] = sorted[(int) Math.min(sorted.length - 1, Math.floor((double) i * sorted.length / bins))];
        }
        double[] distinctCuts = Arrays.stream(cuts).distinct().toArray();
        return ofShares(shares(reference, distinctCuts), shares(current, distinctCuts));
    }

    private static double[] shares(double[] values, double[] cuts) {
        double[] shares = new double[cuts.length + 1];
        for (double value : values) {
            int bin = Arrays.binarySearch(cuts, value);
            shares[bin >= 0 ? bin : -bin - 1] += 1.0 / values.length;
        }
        return shares;
    }
}
