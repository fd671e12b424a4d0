package io.fidelis.core.classification;

import io.fidelis.core.features.FeatureId;
import io.fidelis.core.features.FeatureValue;

/**
 * What one policy factor contributed to the score.
 *
 * @param feature the feature scored
 * @param value its value, possibly missing
 * @param weight the factor's weight in the policy, in points
 * @param effectiveWeight the weight after spreading the weight of missing features, in points; 0 when missing
 * @param fraction the fraction of the weight the value earned, 0 to 1; 0 when missing
 * @param points {@code effectiveWeight × fraction}: what the factor added to the score
 */
public record Contribution(
        FeatureId feature, FeatureValue value, double weight, double effectiveWeight, double fraction, double points) {

    /** Whether the factor took part in the score (its feature had data). */
    public boolean scored() {
        return value.present();
    }

    /** Points above (positive) or below (negative) what a mid-curve value would have earned; orders reasons. */
    public double impact() {
        return (fraction - 0.5) * effectiveWeight;
    }
}
