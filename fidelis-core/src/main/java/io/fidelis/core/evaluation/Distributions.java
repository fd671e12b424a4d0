package io.fidelis.core.evaluation;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.special.Erf;

/** The normal and Student t distributions, without the random generators commons-math seeds from the clock. */
final class Distributions {

    // A null generator: these distributions are only evaluated, never sampled.
    private static final NormalDistribution STANDARD_NORMAL =
            new NormalDistribution((RandomGenerator) null, 0, 1, 1e-12);

    private Distributions() {}

    static double normalQuantile(double probability) {
        return STANDARD_NORMAL.inverseCumulativeProbability(probability);
    }

    /** P(|Z| &gt;= |z|) for a standard normal Z. */
    static double twoSidedNormalP(double z) {
        if (Double.isNaN(z)) {
            throw new IllegalArgumentException("z is not a number");
        }
        return Math.min(1, Erf.erfc(Math.abs(z) / Math.sqrt(2)));
    }

    static double tQuantile(double probability, double degreesOfFreedom) {
        return student(degreesOfFreedom).inverseCumulativeProbability(probability);
    }

    /** P(|T| &gt;= |t|) for Student's T with the given degrees of freedom. */
    static double twoSidedTP(double t, double degreesOfFreedom) {
        return Math.min(1, 2 * student(degreesOfFreedom).cumulativeProbability(-Math.abs(t)));
    }

    private static TDistribution student(double degreesOfFreedom) {
        return new TDistribution((RandomGenerator) null, degreesOfFreedom, 1e-12);
    }
}
