package io.fidelis.core.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What every estimation of an evaluation shares; the lender's policy holds these values.
 *
 * @param minimumGroupSize a group with fewer units (customers) gives {@link InsufficientData}, at least 1
 * @param confidenceLevel of every interval, strictly between 0 and 1, usually 0.95
 */
public record EstimationSettings(int minimumGroupSize, double confidenceLevel) {

    public EstimationSettings {
        if (minimumGroupSize < 1) {
            throw new IllegalArgumentException("minimum group size " + minimumGroupSize + " is below 1");
        }
        requireLevel(confidenceLevel);
    }

    /** 95% intervals with the given minimum group size. */
    public static EstimationSettings of(int minimumGroupSize) {
        return new EstimationSettings(minimumGroupSize, 0.95);
    }

    static void requireLevel(double confidenceLevel) {
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("confidence level " + confidenceLevel + " is not strictly in 0..1");
        }
    }

    /** The standard normal quantile for a two-sided interval at this level: 1.959964 for 95%. */
    double z() {
        return Distributions.normalQuantile(1 - (1 - confidenceLevel) / 2);
    }

    /** Empty when every group holds at least {@code max(minimumGroupSize, floor)} units. */
    Optional<InsufficientData> check(Method method, int floor, GroupSize... groups) {
        int minimum = Math.max(minimumGroupSize, floor);
        List<GroupSize> tooSmall = new ArrayList<>();
        for (GroupSize group : groups) {
            if (group.size() < minimum) {
                tooSmall.add(group);
            }
        }
        return tooSmall.isEmpty()
                ? Optional.empty()
                : Optional.of(new InsufficientData(Arrays.asList(groups), tooSmall, minimum, method));
    }
}
