package io.fidelis.core.evaluation;

import java.util.Objects;

/**
 * How many units (customers) a group of an estimation holds.
 *
 * @param group the group's label as the caller named it, e.g. {@code high|treatment|after}
 * @param size number of units, at least 0
 */
public record GroupSize(String group, int size) {

    public GroupSize {
        Objects.requireNonNull(group, "group");
        if (size < 0) {
            throw new IllegalArgumentException("group " + group + " has a negative size " + size);
        }
    }
}
