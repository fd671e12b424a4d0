package io.fidelis.store.postgres;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to reach a PostgreSQL store.
 *
 * @param url {@code jdbc:postgresql://host:port/database}, perhaps with driver parameters
 * @param user the user, or null to take it from the URL
 * @param password the password, or null for none (or the URL's)
 * @param poolSize connections kept open at most: each import, run being written and history scan holds one
 * @param rejectsDirectory the local folder where each import's rejects file is written
 */
public record PostgresSettings(String url, String user, String password, int poolSize, Path rejectsDirectory) {

    /** Connections per store when nothing else is said: enough for several users of one service. */
    public static final int DEFAULT_POOL_SIZE = 10;

    public PostgresSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(rejectsDirectory, "rejects directory");
        if (poolSize < 1) {
            throw new IllegalArgumentException("a pool needs at least one connection, not " + poolSize);
        }
    }

    /** The settings with the default pool size. */
    public static PostgresSettings of(String url, String user, String password, Path rejectsDirectory) {
        return new PostgresSettings(url, user, password, DEFAULT_POOL_SIZE, rejectsDirectory);
    }

    /** The same with another pool size. */
    public PostgresSettings withPoolSize(int size) {
        return new PostgresSettings(url, user, password, size, rejectsDirectory);
    }

    /** The URL without its parameters, which may carry a password: what messages show. */
    public String location() {
        int parameters = url.indexOf('?');
        return parameters < 0 ? url : url.substring(0, parameters);
    }

    @Override
    public String toString() {
        return "PostgresSettings[" + location() + ", user " + user + ", pool " + poolSize + "]";
    }
}
