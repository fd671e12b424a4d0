package io.fidelis.core.policy;

import java.util.List;

/** Maps a feature value to the fraction (0 to 1) of its factor's weight that it earns. */
public sealed interface Curve permits Curve.Linear, Curve.Steps {

    /** The fraction of the weight earned by {@code value}, between 0 and 1. */
    double fraction(double value);

    /** Whether a higher value never earns less. */
    boolean nonDecreasing();

    /** Whether a higher value never earns more. */
    boolean nonIncreasing();

    /** Whether high values earn more than low ones overall; decides whether a value reads as "high" or "low". */
    boolean rewardsHighValues();

    /**
     * Linear between {@code worst} (earns 0) and {@code best} (earns 1), clamped outside. {@code best} may be below
     * {@code worst} for features where less is better.
     */
    record Linear(double worst, double best) implements Curve {
        @Override
        public double fraction(double value) {
            double f = (value - worst) / (best - worst);
            return f <= 0 ? 0 : f >= 1 ? 1 : f;
        }

        @Override
        public boolean nonDecreasing() {
            return best > worst;
        }

        @Override
        public boolean nonIncreasing() {
            return best < worst;
        }

        @Override
        public boolean rewardsHighValues() {
            return best >= worst;
        }
    }

    /**
     * Piecewise constant: a value earns the score of the last step whose {@code from} is at most the value; values
     * below the first step earn the first step's score. Steps are in increasing order of {@code from}.
     */
    record Steps(List<Step> steps) implements Curve {
        public Steps {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }

        @Override
        public double fraction(double value) {
            double score = steps.get(0).score();
            for (int i = 1, n = steps.size(); i < n; i++) {
                Step step = steps.get(i);
                if (value < step.from()) {
                    break;
                }
                score = step.score();
            }
            return score;
        }

        @Override
        public boolean nonDecreasing() {
            for (int i = 1; i < steps.size(); i++) {
                if (steps.get(i).score() < steps.get(i - 1).score()) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean nonIncreasing() {
            for (int i = 1; i < steps.size(); i++) {
                if (steps.get(i).score() > steps.get(i - 1).score()) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean rewardsHighValues() {
            return steps.isEmpty()
                    || steps.get(steps.size() - 1).score() >= steps.get(0).score();
        }
    }

    /**
     * One step of a {@link Steps} curve.
     *
     * @param from the lowest value that earns {@code score}
     * @param score the fraction earned, 0 to 1
     */
    record Step(double from, double score) {}
}
