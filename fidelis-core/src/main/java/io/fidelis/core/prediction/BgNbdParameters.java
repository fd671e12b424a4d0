package io.fidelis.core.prediction;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * The four parameters of the BG/NBD model (Fader, Hardie and Lee 2005, "Counting your customers the easy way"): while
 * alive, a customer's events follow a Poisson process whose rate is gamma distributed across customers (shape
 * {@code r}, rate {@code alpha}, in weeks); after each event the customer drops out with a probability that is beta
 * distributed across customers ({@code a}, {@code b}). All four are positive.
 *
 * <p>The formulas are the paper's: the individual likelihood (its equation 6), P(alive) (its appendix), E[X(t)] (its
 * equation 9) and the conditional expectation (its equation 10), with the Gaussian hypergeometric function.
 */
public record BgNbdParameters(double r, double alpha, double a, double b) {

    public BgNbdParameters {
        requirePositive(r, "r");
        requirePositive(alpha, "alpha");
        requirePositive(a, "a");
        requirePositive(b, "b");
    }

    private static void requirePositive(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite, was " + value);
        }
    }

    /** The natural log of one customer's likelihood. */
    public double logLikelihood(ActivitySummary activity) {
        int x = activity.x();
        double commonX = Gamma.logGamma(r + x)
                - Gamma.logGamma(r)
                + r * Math.log(alpha)
                + Beta.logBeta(a, b + x)
                - Beta.logBeta(a, b);
        // ln[(alpha+T)^-(r+x) + [x>0] a/(b+x-1) (alpha+tx)^-(r+x)], summed in log space to avoid underflow.
        double first = -(r + x) * Math.log(alpha + activity.T());
        if (x == 0) {
            return commonX + first;
        }
        double second = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + activity.tx());
        double max = Math.max(first, second);
        return commonX + max + Math.log(Math.exp(first - max) + Math.exp(second - max));
    }

    /**
     * The probability that the customer is still alive at the end of observation. It is exactly 1 for a customer with
     * no repeat event: the model lets customers drop out only right after an event (a known limit of BG/NBD).
     */
    public double probabilityAlive(ActivitySummary activity) {
        int x = activity.x();
        if (x == 0) {
            return 1.0;
        }
        double logRatio = Math.log(a)
                - Math.log(b + x - 1)
                + (r + x) * (Math.log(alpha + activity.T()) - Math.log(alpha + activity.tx()));
        return 1.0 / (1.0 + Math.exp(logRatio));
    }

    /** E[X(t)]: the expected number of events of a new customer in its first {@code t} weeks. */
    public double expectedActivity(double t) {
        requireHorizon(t);
        if (t == 0) {
            return 0;
        }
        double hyper = Hypergeometric.f21(r, b, a + b - 1, t / (alpha + t));
        return (a + b - 1) / (a - 1) * (1 - Math.pow(alpha / (alpha + t), r) * hyper);
    }

    /** E[Y(t) | x, tx, T]: the expected number of events in the {@code t} weeks after the end of observation. */
    public double expectedActivity(ActivitySummary activity, double t) {
        requireHorizon(t);
        if (t == 0) {
            return 0;
        }
        int x = activity.x();
        double bigT = activity.T();
        double hyper = Hypergeometric.f21(r + x, b + x, a + b + x - 1, t / (alpha + bigT + t));
        double numerator =
                (a + b + x - 1) / (a - 1) * (1 - Math.pow((alpha + bigT) / (alpha + bigT + t), r + x) * hyper);
        double denominator =
                x == 0 ? 1.0 : 1.0 + a / (b + x - 1) * Math.pow((alpha + bigT) / (alpha + activity.tx()), r + x);
        return numerator / denominator;
    }

    /** P(X(t) = x): the probability that a new customer has exactly {@code x} events in its first {@code t} weeks. */
    public double probabilityOfCount(int x, double t) {
        requireHorizon(t);
        if (x < 0) {
            throw new IllegalArgumentException("count must be at least 0, was " + x);
        }
        double p = t / (alpha + t);
        double logFirst = Beta.logBeta(a, b + x)
                - Beta.logBeta(a, b)
                + Gamma.logGamma(r + x)
                - Gamma.logGamma(r)
                - Gamma.logGamma(x + 1.0)
                + r * Math.log(alpha / (alpha + t))
                + (x == 0 ? 0 : x * Math.log(p));
        double first = Math.exp(logFirst);
        if (x == 0) {
            return first;
        }
        double sum = 0;
        for (int j = 0; j < x; j++) {
            sum += Math.exp(Gamma.logGamma(r + j)
                    - Gamma.logGamma(r)
                    - Gamma.logGamma(j + 1.0)
                    + (j == 0 ? 0 : j * Math.log(p)));
        }
        double second = Math.exp(Beta.logBeta(a + 1, b + x - 1) - Beta.logBeta(a, b))
                * (1 - Math.pow(alpha / (alpha + t), r) * sum);
        return first + second;
    }

    private static void requireHorizon(double t) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("horizon must be finite and at least 0 weeks, was " + t);
        }
    }
}
