package io.fidelis.predict;

import java.util.Map;
import java.util.Objects;

/**
 * One unit to score or learn from: its id, its feature values by name (a categorical level is a feature
 * {@code name=level} of value 1; a feature absent from the map is 0) and whether the event (churn, default) happened.
 *
 * @param id the customer or applicant
 * @param features feature values by name
 * @param event whether the event happened (false when unknown, for scoring)
 */
public record Observation(String id, Map<String, Double> features, boolean event) {

    public Observation {
        Objects.requireNonNull(id, "id");
        features = Map.copyOf(features);
    }

    public double value(String feature) {
        return features.getOrDefault(feature, 0.0);
    }
}
