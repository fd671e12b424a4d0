package io.fidelis.core.evaluation;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything needed to reproduce and audit an assignment: rerunning {@link StratifiedAssignment#assign} with the same
 * customers, strata, share, seed and strategy id gives the same arms.
 *
 * @param seed the random seed
 * @param treatmentShare the intended share of each stratum in treatment, strictly between 0 and 1
 * @param strategyId the strategy being evaluated; part of the random stream, so strategies get independent arms
 * @param countsByStratum customers per arm in each stratum, strata in natural order
 */
public record AssignmentProvenance(
        long seed, double treatmentShare, String strategyId, SortedMap<String, ArmCounts> countsByStratum) {

    public AssignmentProvenance {
        Objects.requireNonNull(strategyId, "strategy id");
        countsByStratum = Collections.unmodifiableSortedMap(new TreeMap<>(countsByStratum));
    }

    /** Customers assigned to treatment, over all strata. */
    public int treatment() {
        return countsByStratum.values().stream().mapToInt(ArmCounts::treatment).sum();
    }

    /** Customers assigned to control, over all strata. */
    public int control() {
        return countsByStratum.values().stream().mapToInt(ArmCounts::control).sum();
    }
}
