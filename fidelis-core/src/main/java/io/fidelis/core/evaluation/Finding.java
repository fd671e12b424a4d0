package io.fidelis.core.evaluation;

import java.util.List;
import java.util.Optional;

/**
 * The result of one estimation: an {@link Estimate} when every group reached the minimum size, otherwise
 * {@link InsufficientData}, which a report renders as "not enough data" instead of a number.
 */
public sealed interface Finding permits Estimate, InsufficientData {

    /** The estimate, or empty when there was not enough data. */
    Optional<Estimate> estimate();

    /** Every group that entered the estimation, with its size, in the order the method took them. */
    List<GroupSize> groups();

    /** How the estimate was (or would have been) computed. */
    Method method();
}
