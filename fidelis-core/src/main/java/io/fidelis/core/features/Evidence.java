package io.fidelis.core.features;

import java.util.Objects;

/**
 * A feature value quoted in support of a reason or a conflict.
 *
 * @param feature which feature
 * @param value its value as of the evaluation date, possibly missing
 */
public record Evidence(FeatureId feature, FeatureValue value) {

    public Evidence {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(value, "value");
    }

    /** The evidence of {@code feature} in {@code features}. */
    public static Evidence of(Features features, FeatureId feature) {
        return new Evidence(feature, features.get(feature));
    }
}
