package io.fidelis.predict;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model as kept in the workspace: its id ({@code churn-1}, {@code churn-2}, ...), its provenance, its algorithm and
 * what it scores with (the logistic weights, or the boosted trees' booster bytes), the held-out AUC of the model and
 * of its baselines at fitting time, and the reference distribution of its scores on the training data (decile cuts and
 * the share in each bin) for the population stability index.
 *
 * <p>Files written before trees were stored have no {@code algorithm}: they are logistic models and read as such.
 *
 * @param id the model's id
 * @param provenance where it came from
 * @param algorithm {@code logistic} or {@code trees} (absent in older files: logistic)
 * @param model the logistic model (logistic only)
 * @param trees the boosted trees (trees only)
 * @param heldOutAuc the held-out AUC of the model (first) and of its baselines
 * @param referenceScoreCuts the decile cuts of the training scores
 * @param referenceScoreShares the share of training scores in each bin
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoredModel(
        String id,
        ModelProvenance provenance,
        String algorithm,
        LogisticModel model,
        StoredTrees trees,
        Map<String, Double> heldOutAuc,
        List<Double> referenceScoreCuts,
        List<Double> referenceScoreShares) {

    public StoredModel {
        algorithm = algorithm == null ? ModelAlgorithm.LOGISTIC.code() : algorithm;
        ModelAlgorithm kind = ModelAlgorithm.ofCode(algorithm);
        if (kind == ModelAlgorithm.LOGISTIC ? model == null : trees == null) {
            throw new IllegalArgumentException("a " + algorithm + " model needs its "
                    + (kind == ModelAlgorithm.LOGISTIC ? "weights (\"model\")" : "trees (\"trees\")"));
        }
        heldOutAuc = Collections.unmodifiableMap(new LinkedHashMap<>(heldOutAuc));
        referenceScoreCuts = List.copyOf(referenceScoreCuts);
        referenceScoreShares = List.copyOf(referenceScoreShares);
    }

    /** A stored logistic model. */
    public static StoredModel logistic(
            String id,
            ModelProvenance provenance,
            LogisticModel model,
            Map<String, Double> heldOutAuc,
            List<Double> referenceScoreCuts,
            List<Double> referenceScoreShares) {
        return new StoredModel(
                id,
                provenance,
                ModelAlgorithm.LOGISTIC.code(),
                model,
                null,
                heldOutAuc,
                referenceScoreCuts,
                referenceScoreShares);
    }

    /** A stored boosted-trees model. */
    public static StoredModel trees(
            String id,
            ModelProvenance provenance,
            StoredTrees trees,
            Map<String, Double> heldOutAuc,
            List<Double> referenceScoreCuts,
            List<Double> referenceScoreShares) {
        return new StoredModel(
                id,
                provenance,
                ModelAlgorithm.TREES.code(),
                null,
                trees,
                heldOutAuc,
                referenceScoreCuts,
                referenceScoreShares);
    }

    /**
     * The model ready to score and explain, whatever its algorithm. Trees are read from their bytes on each call: call
     * it once per command.
     */
    @JsonIgnore
    public FittedModel scorer() {
        return ModelAlgorithm.ofCode(algorithm) == ModelAlgorithm.LOGISTIC ? model : BoostedTrees.of(trees);
    }

    StoredModel withId(String newId) {
        return new StoredModel(
                newId, provenance, algorithm, model, trees, heldOutAuc, referenceScoreCuts, referenceScoreShares);
    }
}
