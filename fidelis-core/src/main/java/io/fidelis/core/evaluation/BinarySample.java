package io.fidelis.core.evaluation;

import java.util.Collection;
import java.util.Objects;

/**
 * A group of units with a yes/no outcome each, e.g. "defaulted", "churned", "reactivated": how many had the event.
 *
 * @param group label of the group, e.g. {@code high|treatment|after}
 * @param events units with the event, 0..size
 * @param size units in the group
 */
public record BinarySample(String group, int events, int size) {

    public BinarySample {
        Objects.requireNonNull(group, "group");
        if (size < 0 || events < 0 || events > size) {
            throw new IllegalArgumentException(
                    "group " + group + ": " + events + " events out of " + size + " units is impossible");
        }
    }

    /** Counts the {@code true} outcomes, one per unit. */
    public static BinarySample of(String group, Collection<Boolean> outcomes) {
        int events = 0;
        for (Boolean outcome : outcomes) {
            if (outcome) {
                events++;
            }
        }
        return new BinarySample(group, events, outcomes.size());
    }

    /** Units without the event. */
    public int nonEvents() {
        return size - events;
    }

    /** The observed proportion, events / size; not a number for an empty group. */
    public double proportion() {
        return size == 0 ? Double.NaN : (double) events / size;
    }

    GroupSize groupSize() {
        return new GroupSize(group, size);
    }
}
