package io.fidelis.core.policy;

import io.fidelis.core.features.FeatureId;

/**
 * One weighted contribution to the loyalty score: the feature's value, through the curve, earns up to
 * {@code weight} points. The weights of a policy add up to 100.
 *
 * @param feature the feature scored
 * @param weight the points the factor is worth when the feature reaches its best value
 * @param curve how the value maps to the fraction of the weight earned
 */
public record Factor(FeatureId feature, double weight, Curve curve) {}
