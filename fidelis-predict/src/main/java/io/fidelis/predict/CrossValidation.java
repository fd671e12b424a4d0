package io.fidelis.predict;

import io.fidelis.core.evaluation.ScoredOutcomes;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Stratified k-fold cross-validation: units with and without the event are each shuffled by the seed and dealt into
 * the folds in turn; every unit is scored by the model trained on the other folds.
 */
public final class CrossValidation {

    private CrossValidation() {}

    /** The out-of-fold scores of every unit, in the order of {@code observations}. */
    public static ScoredOutcomes outOfFold(
            List<Observation> observations, int folds, long seed, Function<List<Observation>, ? extends Scorer> train) {
        int[] fold = folds(observations, folds, seed);
        double[] scores = new double[observations.size()];
        boolean[] events = new boolean[observations.size()];
        for (int k = 0; k < folds; k++) {
            List<Observation> training = new ArrayList<>();
            for (int i = 0; i < observations.size(); i++) {
                if (fold[i] != k) {
                    training.add(observations.get(i));
                }
            }
            Scorer model = train.apply(training);
            for (int i = 0; i < observations.size(); i++) {
                if (fold[i] == k) {
                    scores[i] = model.probability(observations.get(i));
                    events[i] = observations.get(i).event();
                }
            }
        }
        return new ScoredOutcomes(scores, events);
    }

    static int[] folds(List<Observation> observations, int folds, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> withEvent = new ArrayList<>();
        List<Integer> without = new ArrayList<>();
        for (int i = 0; i < observations.size(); i++) {
            (observations.get(i).event() ? withEvent : without).add(i);
        }
        int[] fold = new int[observations.size()];
        int next = 0;
        for (List<Integer> group : List.of(withEvent, without)) {
            for (int i = group.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Integer swap = group.get(i);
                group.set(i, group.get(j));
                group.set(j, swap);
            }
            for (int unit : group) {
                fold[unit] = next++ % folds;
            }
        }
        return fold;
    }
}
