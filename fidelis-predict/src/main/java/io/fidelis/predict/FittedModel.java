package io.fidelis.predict;

import java.util.ArrayList;
import java.util.List;

/**
 * A fitted churn or default model as the commands use it, whatever its algorithm: its features, the probability of
 * the event and each unit's margin split into feature contributions ({@link ScoreExplanation}). Both the logistic
 * model ({@link LogisticModel}, exact contributions) and the boosted trees ({@link BoostedTrees}, TreeSHAP) are one.
 */
public interface FittedModel extends Scorer {

    /** The stored algorithm's code: {@code logistic} or {@code trees}. */
    ModelAlgorithm algorithm();

    /** The feature names the model reads, in its order. */
    List<String> features();

    /** The unit's margin split into contributions and the bias. */
    ScoreExplanation explain(Observation observation);

    /** Each unit's explanation, in order; a model may do it in one pass. */
    default List<ScoreExplanation> explain(List<Observation> observations) {
        List<ScoreExplanation> all = new ArrayList<>(observations.size());
        observations.forEach(o -> all.add(explain(o)));
        return all;
    }

    /** Each unit's probability, in order; a model may do it in one pass. */
    default double[] probabilities(List<Observation> observations) {
        return observations.stream().mapToDouble(this::probability).toArray();
    }
}
