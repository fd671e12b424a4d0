package io.fidelis.core.evaluation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A point estimate with its confidence interval and, for comparisons, a two-sided p-value.
 *
 * <p>The unit of {@link #point()}, {@link #lower()} and {@link #upper()} is the estimand's, given by the
 * {@link #method()}: a proportion (0..1) or a difference of proportions (-1..1), a ratio of risks (&gt; 0), a
 * relative change (ratio minus 1, so -0.30 is "fell by 30%"), or a difference of means in the outcome's own unit
 * (satisfaction points, NPS points).
 *
 * @param point the estimate from the observed data
 * @param lower lower confidence limit
 * @param upper upper confidence limit, at least {@code lower}
 * @param pValue two-sided p-value against "no difference" (0 for differences, 1 for ratios, or the stated
 *     hypothesis); empty for the level of a single group, which is not a comparison
 * @param confidenceLevel of the interval, e.g. 0.95
 * @param groups the groups that entered, with their sizes
 * @param method how it was computed
 * @param resampling the bootstrap's resamples and seed, or {@link Resampling#NONE} for closed forms
 */
public record Estimate(
        double point,
        double lower,
        double upper,
        OptionalDouble pValue,
        double confidenceLevel,
        List<GroupSize> groups,
        Method method,
        Resampling resampling)
        implements Finding {

    public Estimate {
        if (!Double.isFinite(point) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
            throw new IllegalArgumentException(
                    "estimate " + point + " [" + lower + ", " + upper + "] of " + method + " is not finite");
        }
        if (lower > upper) {
            throw new IllegalArgumentException("lower limit " + lower + " is above upper limit " + upper);
        }
        Objects.requireNonNull(pValue, "p-value");
        if (pValue.isPresent() && !(pValue.getAsDouble() >= 0 && pValue.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("p-value " + pValue.getAsDouble() + " is not in 0..1");
        }
        EstimationSettings.requireLevel(confidenceLevel);
        groups = List.copyOf(groups);
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(resampling, "resampling");
    }

    @Override
    public Optional<Estimate> estimate() {
        return Optional.of(this);
    }

    /** Whether {@code value} lies inside the closed interval: the data are compatible with it. */
    public boolean includes(double value) {
        return lower <= value && value <= upper;
    }

    /** Whether there is a p-value and it is below {@code alpha}. */
    public boolean significantAt(double alpha) {
        return pValue.isPresent() && pValue.getAsDouble() < alpha;
    }
}
