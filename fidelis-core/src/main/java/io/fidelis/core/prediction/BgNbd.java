package io.fidelis.core.prediction;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * Maximum-likelihood fit of the BG/NBD model to a population of customers' {@link ActivitySummary activity
 * summaries}. The optimiser works on the logs of the four parameters (so they stay positive): BOBYQA from r = alpha =
 * a = b = 1, then a Nelder-Mead polish from its optimum. Customers with the same (x, tx, T) are evaluated once,
 * weighted by their count, which makes a book of a million customers with day-resolution dates cheap. Deterministic.
 */
public final class BgNbd {

    private static final double LOG_BOUND = 12;
    private static final int MAX_EVALUATIONS = 20_000;

    private BgNbd() {}

    /** Fits the model; needs at least one customer with a repeat event (otherwise the drop-out is not identified). */
    public static BgNbdFit fit(Iterable<ActivitySummary> activities) {
        Population population = Population.of(activities);
        if (population.customers == 0 || population.repeaters == 0) {
            throw new IllegalArgumentException("BG/NBD needs customers with repeat events to fit, had "
                    + population.customers + " customers and " + population.repeaters + " with repeats");
        }
        MultivariateFunction logLikelihood = logs -> population.logLikelihood(parameters(logs));
        ObjectiveFunction objective = new ObjectiveFunction(logLikelihood);
        double[] lower = {-LOG_BOUND, -LOG_BOUND, -LOG_BOUND, -LOG_BOUND};
        double[] upper = {LOG_BOUND, LOG_BOUND, LOG_BOUND, LOG_BOUND};
        BOBYQAOptimizer bobyqa = new BOBYQAOptimizer(9, 0.5, 1e-9);
        PointValuePair coarse = bobyqa.optimize(
                new MaxEval(MAX_EVALUATIONS),
                objective,
                GoalType.MAXIMIZE,
                new InitialGuess(new double[4]),
                new SimpleBounds(lower, upper));
        SimplexOptimizer simplex = new SimplexOptimizer(1e-13, 1e-13);
        PointValuePair polished = simplex.optimize(
                new MaxEval(MAX_EVALUATIONS),
                objective,
                GoalType.MAXIMIZE,
                new InitialGuess(coarse.getPoint()),
                new NelderMeadSimplex(4, 0.05));
        PointValuePair best = polished.getValue() >= coarse.getValue() ? polished : coarse;
        return new BgNbdFit(
                parameters(best.getPoint()),
                best.getValue(),
                population.customers,
                population.size(),
                bobyqa.getEvaluations() + simplex.getEvaluations());
    }

    /** The summed log-likelihood of the activities under the parameters. */
    public static double logLikelihood(BgNbdParameters parameters, Iterable<ActivitySummary> activities) {
        return Population.of(activities).logLikelihood(parameters);
    }

    private static BgNbdParameters parameters(double[] logs) {
        return new BgNbdParameters(Math.exp(logs[0]), Math.exp(logs[1]), Math.exp(logs[2]), Math.exp(logs[3]));
    }

    /** The distinct summaries with their counts, and the distinct repeat counts with theirs. */
    private static final class Population {
        private final int[] x;
        private final double[] tx;
        private final double[] bigT;
        private final long[] weight;
        private final int[] repeatValues;
        private final long[] repeatWeights;
        private final long customers;
        private final long repeaters;

        private Population(
                int[] x,
                double[] tx,
                double[] bigT,
                long[] weight,
                int[] repeatValues,
                long[] repeatWeights,
                long customers,
                long repeaters) {
            this.x = x;
            this.tx = tx;
            this.bigT = bigT;
            this.weight = weight;
            this.repeatValues = repeatValues;
            this.repeatWeights = repeatWeights;
            this.customers = customers;
            this.repeaters = repeaters;
        }

        static Population of(Iterable<ActivitySummary> activities) {
            Map<ActivitySummary, long[]> counts = new HashMap<>();
            Map<Integer, long[]> repeatCounts = new HashMap<>();
            long customers = 0;
            long repeaters = 0;
            for (ActivitySummary activity : activities) {
                counts.computeIfAbsent(activity, k -> new long[1])[0]++;
                repeatCounts.computeIfAbsent(activity.x(), k -> new long[1])[0]++;
                customers++;
                if (activity.x() > 0) {
                    repeaters++;
                }
            }
            int n = counts.size();
            int[] x = new int[n];
            double[] tx = new double[n];
            double[] bigT = new double[n];
            long[] weight = new long[n];
            int i = 0;
            for (Map.Entry<ActivitySummary, long[]> entry : counts.entrySet()) {
                x[i] = entry.getKey().x();
                tx[i] = entry.getKey().tx();
                bigT[i] = entry.getKey().T();
                weight[i] = entry.getValue()[0];
                i++;
            }
            int[] repeatValues = new int[repeatCounts.size()];
            long[] repeatWeights = new long[repeatCounts.size()];
            int j = 0;
            for (Map.Entry<Integer, long[]> entry : repeatCounts.entrySet()) {
                repeatValues[j] = entry.getKey();
                repeatWeights[j] = entry.getValue()[0];
                j++;
            }
            return new Population(x, tx, bigT, weight, repeatValues, repeatWeights, customers, repeaters);
        }

        int size() {
            return x.length;
        }

        double logLikelihood(BgNbdParameters p) {
            double r = p.r();
            double alpha = p.alpha();
            double a = p.a();
            double b = p.b();
            double constant = -Gamma.logGamma(r) + r * Math.log(alpha) - Beta.logBeta(a, b);
            double sum = constant * customers;
            for (int j = 0; j < repeatValues.length; j++) {
                int repeats = repeatValues[j];
                sum += repeatWeights[j] * (Gamma.logGamma(r + repeats) + Beta.logBeta(a, b + repeats));
            }
            double logA = Math.log(a);
            for (int i = 0; i < x.length; i++) {
                int repeats = x[i];
                double first = -(r + repeats) * Math.log(alpha + bigT[i]);
                double tail;
                if (repeats == 0) {
                    tail = first;
                } else {
                    double second = logA - Math.log(b + repeats - 1) - (r + repeats) * Math.log(alpha + tx[i]);
                    double max = Math.max(first, second);
                    tail = max + Math.log(Math.exp(first - max) + Math.exp(second - max));
                }
                sum += weight[i] * tail;
            }
            return Double.isNaN(sum) ? Double.NEGATIVE_INFINITY : sum;
        }
    }
}
