package io.fidelis.store;

import io.fidelis.core.evaluation.ArmCounts;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Consumer;

/**
 * The arms of the customers in strategies' evaluations, append-only: a set of assignments is stored whole (or not at
 * all) and never changed. A strategy has at most one current set; storing another for it is refused unless it
 * replaces the current one, which stays stored and is named by the new one.
 *
 * <p>Portable SQL (DuckDB and PostgreSQL): {@code CREATE SEQUENCE IF NOT EXISTS assignment_set_ids START 1}; {@code
 * assignment_sets (set_id BIGINT NOT NULL PRIMARY KEY, strategy_id VARCHAR NOT NULL, source VARCHAR NOT NULL, run_id
 * BIGINT, assigned_on DATE, seed BIGINT, treatment_share DOUBLE PRECISION, file_name VARCHAR, file_sha256 VARCHAR,
 * input_fingerprint VARCHAR NOT NULL, code_version VARCHAR NOT NULL, treatment BIGINT NOT NULL, control BIGINT NOT
 * NULL, replaces BIGINT, created_at TIMESTAMP NOT NULL)}; {@code assignments (set_id BIGINT NOT NULL, customer_id
 * VARCHAR NOT NULL, arm VARCHAR NOT NULL, assigned_on DATE, stratum VARCHAR)}, arms as lower-case codes.
 */
public interface StrategyAssignments {

    /**
     * Stores sets of assignments in one transaction: all of them or none.
     *
     * @param sets the sets, each of a different strategy
     * @param replace whether a set may supersede a strategy's current set
     * @return the stored sets, in the order given
     * @throws IllegalStateException when a strategy already has a set and {@code replace} is false (nothing stored)
     * @throws IllegalArgumentException when a set names a customer twice or two sets the same strategy
     */
    List<AssignmentSet> save(List<NewAssignmentSet> sets, boolean replace);

    /** The strategy's current set: the latest stored. */
    Optional<AssignmentSet> current(String strategyId);

    /** The ids of the book's customers, to check a file of assignments against. */
    Set<String> customerIds();

    /** Every set, oldest first. */
    List<AssignmentSet> sets();

    /** Streams a set's assignments ordered by customer id. */
    void forEach(long setId, Consumer<ArmAssignment> consumer);

    /** A set's customers per arm in each stratum (a missing stratum counts as {@code -}), strata in natural order. */
    SortedMap<String, ArmCounts> counts(long setId);
}
