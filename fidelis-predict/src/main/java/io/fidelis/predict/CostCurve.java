package io.fidelis.predict;

import io.fidelis.core.evaluation.ScoredOutcomes;

/** The cut-off that minimises the mean cost of a scored population, searched on a grid of hundredths. */
public final class CostCurve {

    private CostCurve() {}

    /** The cut-off in (0, 1) with the lowest mean cost (the lowest such cut-off on ties). */
    public static double bestCutOff(ScoredOutcomes outcomes, double missedEventCost, double falseAlarmCost) {
        double best = 0.01;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int percent = 1; percent < 100; percent++) {
            double cutOff = percent / 100.0;
            double cost = outcomes.meanCost(cutOff, missedEventCost, falseAlarmCost);
            if (cost < bestCost) {
                bestCost = cost;
                best = cutOff;
            }
        }
        return best;
    }
}
