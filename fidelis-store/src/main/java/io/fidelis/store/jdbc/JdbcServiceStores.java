package io.fidelis.store.jdbc;

import io.fidelis.store.ServiceStores;
import io.fidelis.store.sql.Connections;

/** The service's stores in portable SQL over one store's connections, on DuckDB and PostgreSQL alike. */
public final class JdbcServiceStores {

    private JdbcServiceStores() {}

    /** The stores, creating their tables where they are missing (the embedded database has no migrations). */
    public static ServiceStores creatingTables(Connections connections) {
        return new ServiceStores(
                JdbcUsers.of(connections),
                JdbcApiTokens.of(connections),
                JdbcAuditLog.of(connections),
                JdbcPolicyVersions.of(connections),
                JdbcSignInFailures.of(connections));
    }

    /**
     * The stores on a database whose migrations made their tables (PostgreSQL, {@code V4__service.sql} to {@code
     * V6__shared_sessions.sql}): nothing is
     * created, so the database user needs no right to create tables once migrated.
     */
    public static ServiceStores migrated(Connections connections) {
        return new ServiceStores(
                new JdbcUsers(connections),
                new JdbcApiTokens(connections),
                new JdbcAuditLog(connections),
                new JdbcPolicyVersions(connections),
                new JdbcSignInFailures(connections));
    }
}
