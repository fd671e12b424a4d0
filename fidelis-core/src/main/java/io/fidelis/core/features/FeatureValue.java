package io.fidelis.core.features;

import java.util.NoSuchElementException;

/**
 * A feature's value, or the fact that there was no data to compute it from. Missing is never zero: a customer with
 * no surveys has a missing satisfaction, not a satisfaction of 0.
 *
 * @param present whether data existed
 * @param value the value in the feature's unit; 0 and meaningless when not present
 */
public record FeatureValue(boolean present, double value) {

    private static final FeatureValue MISSING = new FeatureValue(false, 0);

    public FeatureValue {
        if (!present) {
            value = 0;
        } else if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("feature value " + value + " is not a finite number");
        }
    }

    /** A present value. */
    public static FeatureValue of(double value) {
        return new FeatureValue(true, value);
    }

    /** No data. */
    public static FeatureValue missing() {
        return MISSING;
    }

    /**
     * The value.
     *
     * @throws NoSuchElementException when missing
     */
    public double get() {
        if (!present) {
            throw new NoSuchElementException("feature value is missing");
        }
        return value;
    }

    /** The value, or {@code other} when missing. */
    public double orElse(double other) {
        return present ? value : other;
    }

    @Override
    public String toString() {
        return present ? Double.toString(value) : "missing";
    }
}
