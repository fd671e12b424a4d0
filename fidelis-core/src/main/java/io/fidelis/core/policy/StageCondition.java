package io.fidelis.core.policy;

import io.fidelis.core.features.FeatureId;

/**
 * A lifecycle condition on a population feature: it holds when the feature is present and strictly below the
 * threshold. A missing value never satisfies it (missing is unknown, not low).
 *
 * @param feature a population feature ({@link FeatureId#population()}), e.g. {@code p_alive}
 * @param below the threshold, in the feature's unit (P(alive) as a fraction 0 to 1; expected activity in events)
 */
public record StageCondition(FeatureId feature, double below) {}
