package io.fidelis.store.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs the import's statements; with the system property {@code fidelis.import.trace=true} it tells stderr how long
 * each took, to find the slow one in a big import.
 */
public final class Sql {

    private static final boolean TRACE = Boolean.getBoolean("fidelis.import.trace");

    private Sql() {}

    /** Executes {@code sql} and returns the rows it changed (0 for DDL). */
    static long execute(Connection connection, String sql) throws SQLException {
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            return statement.executeLargeUpdate(sql);
        } finally {
            if (TRACE) {
                System.err.printf(
                        "fidelis: %,8d ms  %s%n",
                        (System.nanoTime() - started) / 1_000_000,
                        sql.length() > 160 ? sql.substring(0, 160) + "..." : sql);
            }
        }
    }

    /** A SQL string literal. */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
