package io.fidelis.store;

import io.fidelis.core.features.FeatureId;
import io.fidelis.core.features.FeatureValue;
import io.fidelis.core.features.Features;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Every feature's value of one stored result, present or missing, as an unmodifiable map in {@link FeatureId} order,
 * held as numbers and a bit per feature rather than one object per value: a series of runs holds millions of results
 * between classifying and writing them, and reading 41 scattered objects per stored row cost the writer more than
 * filling its columns. Equal to any map with the same entries.
 */
final class FeatureValues extends AbstractMap<FeatureId, FeatureValue> {

    private static final FeatureId[] IDS = FeatureId.values();

    static {
        if (IDS.length > Long.SIZE) {
            throw new ExceptionInInitializerError("more features than bits in a long: keep a bit set instead");
        }
    }

    private final double[] values;
    private final long present;

    private FeatureValues(double[] values, long present) {
        this.values = values;
        this.present = present;
    }

    /** The values of {@code features}, every feature the code knows. */
    static FeatureValues of(Features features) {
        double[] values = new double[IDS.length];
        long present = 0;
        for (FeatureId id : IDS) {
            if (features.has(id)) {
                values[id.ordinal()] = features.valueOr(id, 0);
                present |= 1L << id.ordinal();
            }
        }
        return new FeatureValues(values, present);
    }

    /** The values of {@code features}; a feature it lacks is missing. */
    static FeatureValues of(Map<FeatureId, FeatureValue> features) {
        if (features instanceof FeatureValues same) {
            return same;
        }
        double[] values = new double[IDS.length];
        long present = 0;
        for (FeatureId id : IDS) {
            FeatureValue value = features.get(id);
            if (value != null && value.present()) {
                values[id.ordinal()] = value.value();
                present |= 1L << id.ordinal();
            }
        }
        return new FeatureValues(values, present);
    }

    /** Whether {@code feature} had data. */
    boolean present(FeatureId feature) {
        return (present & (1L << feature.ordinal())) != 0;
    }

    /** Bit {@code i} set when the feature of ordinal {@code i} had data. */
    long presentBits() {
        return present;
    }

    /** The value of the feature of ordinal {@code ordinal}; 0 when it is missing. */
    double valueAt(int ordinal) {
        return values[ordinal];
    }

    /** The value of {@code feature}; 0 when it is missing. */
    double value(FeatureId feature) {
        return values[feature.ordinal()];
    }

    @Override
    public FeatureValue get(Object key) {
        if (!(key instanceof FeatureId feature)) {
            return null;
        }
        return present(feature) ? FeatureValue.of(values[feature.ordinal()]) : FeatureValue.missing();
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof FeatureId;
    }

    @Override
    public int size() {
        return IDS.length;
    }

    @Override
    public Set<Entry<FeatureId, FeatureValue>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<FeatureId, FeatureValue>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < IDS.length;
                    }

                    @Override
                    public Entry<FeatureId, FeatureValue> next() {
                        if (next >= IDS.length) {
                            throw new NoSuchElementException();
                        }
                        FeatureId id = IDS[next++];
                        return new SimpleImmutableEntry<>(id, get(id));
                    }
                };
            }

            @Override
            public int size() {
                return IDS.length;
            }
        };
    }

    @Override
    public boolean equals(Object other) {
        if (other instanceof FeatureValues that) {
            return present == that.present && Arrays.equals(values, that.values);
        }
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
