package io.fidelis.predict;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model as kept in the workspace: its id ({@code churn-1}, {@code churn-2}, ...), its provenance, its weights, the
 * held-out AUC of the model and of its baselines at fitting time, and the reference distribution of its scores on
 * the training data (decile cuts and the share in each bin) for the population stability index.
 */
public record StoredModel(
        String id,
        ModelProvenance provenance,
        LogisticModel model,
        Map<String, Double> heldOutAuc,
        List<Double> referenceScoreCuts,
        List<Double> referenceScoreShares) {

    public StoredModel {
        heldOutAuc = Collections.unmodifiableMap(new LinkedHashMap<>(heldOutAuc));
        referenceScoreCuts = List.copyOf(referenceScoreCuts);
        referenceScoreShares = List.copyOf(referenceScoreShares);
    }

    StoredModel withId(String newId) {
        return new StoredModel(newId, provenance, model, heldOutAuc, referenceScoreCuts, referenceScoreShares);
    }
}
