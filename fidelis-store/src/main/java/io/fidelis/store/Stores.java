package io.fidelis.store;

import io.fidelis.store.duckdb.DuckDbBookStore;
import io.fidelis.store.postgres.PostgresSettings;
import io.fidelis.store.postgres.PostgresStore;
import java.nio.file.Path;

/**
 * The one way to open a store, for the command line and the service alike: the embedded DuckDB database of a
 * workspace, or a PostgreSQL database named by its JDBC URL.
 */
public final class Stores {

    /** What a PostgreSQL URL starts with. */
    public static final String POSTGRES_PREFIX = "jdbc:postgresql:";

    private Stores() {}

    /**
     * Opens the store: PostgreSQL when {@code database} is a {@code jdbc:postgresql://host:port/db} URL (each import's
     * rejects file then goes to {@code <workspace>/rejects}), else the DuckDB database of {@code workspace}.
     *
     * @param database null or blank for the workspace's embedded database
     * @param user the database user (PostgreSQL only; null to take it from the URL)
     * @param password the password (PostgreSQL only; null for none or the URL's)
     * @throws StoreException when the store cannot be opened, or {@code database} is neither
     */
    public static Store open(Path workspace, String database, String user, String password) {
        if (database == null || database.isBlank()) {
            return DuckDbBookStore.open(workspace);
        }
        if (!database.startsWith(POSTGRES_PREFIX)) {
            throw new StoreException(
                    "the database '" + database + "' is not a PostgreSQL JDBC URL; write it as"
                            + " jdbc:postgresql://host:port/database, or leave it out for the workspace's own",
                    null);
        }
        return PostgresStore.open(PostgresSettings.of(database, user, password, workspace.resolve("rejects")));
    }

    /** Whether {@code database} names a database of its own rather than the workspace's embedded one. */
    public static boolean isServer(String database) {
        return database != null && !database.isBlank();
    }
}
