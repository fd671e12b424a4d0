package io.fidelis.core.evaluation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * No estimate, because at least one group has fewer units than the minimum: a report says "not enough data".
 *
 * @param groups every group that entered, with its size
 * @param tooSmall the groups below the minimum, in the same order
 * @param minimumGroupSize the minimum that applied (the policy's, or 2 where a variance is needed)
 * @param method the method that would have been used
 */
public record InsufficientData(List<GroupSize> groups, List<GroupSize> tooSmall, int minimumGroupSize, Method method)
        implements Finding {

    public InsufficientData {
        groups = List.copyOf(groups);
        tooSmall = List.copyOf(tooSmall);
        if (tooSmall.isEmpty()) {
            throw new IllegalArgumentException("insufficient data needs at least one group below the minimum");
        }
        Objects.requireNonNull(method, "method");
    }

    @Override
    public Optional<Estimate> estimate() {
        return Optional.empty();
    }
}
