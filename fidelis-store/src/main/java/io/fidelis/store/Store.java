package io.fidelis.store;

/**
 * An opened store: the book and everything kept beside it (runs, overrides, strategies' assignments), the same
 * whether it is the embedded DuckDB of a workspace or a PostgreSQL database (see {@link Stores}). Closing it closes
 * all of them.
 */
public interface Store extends BookStore {

    /** The classification runs. */
    Runs runs();

    /** Series of runs computed in one pass. */
    RunSeries runSeries();

    /** The manual overrides. */
    Overrides overrides();

    /** Strategies' assignments to arms. */
    StrategyAssignments strategyAssignments();

    /** When the customers' relationships started. */
    Cohorts cohorts();

    /** The customers' tier and stage in stored runs. */
    RunClasses runClasses();

    /** The service's users, API tokens, audit log and policy versions, kept in the same database (one instance). */
    ServiceStores serviceStores();

    /**
     * The pool of a database server that several processes share (PostgreSQL), for what the service keeps there with a
     * library of its own (its dashboard sessions); empty for the workspace's embedded database, which one process
     * holds.
     */
    default java.util.Optional<javax.sql.DataSource> sharedDatabase() {
        return java.util.Optional.empty();
    }

    /** Where the store is, for messages: a workspace folder, or a database URL (never a password). */
    String location();
}
