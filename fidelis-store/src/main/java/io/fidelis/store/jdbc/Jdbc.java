package io.fidelis.store.jdbc;

import io.fidelis.store.StoreException;
import io.fidelis.store.sql.Connections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;

/** The few JDBC steps the portable stores share. */
final class Jdbc {

    /** How many times a writer takes the next number again after another process took it first. */
    static final int ATTEMPTS = 100;

    /**
     * Waits a random few milliseconds, longer after each failed attempt, before taking the next number again: two
     * writers that retried at once would otherwise collide again and again.
     */
    static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 2 + Math.min(attempt, 20)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Jdbc() {}

    /** A step that numbers what it writes {@code MAX + 1}. */
    @FunctionalInterface
    interface Numbered<T> {
        T write() throws SQLException;
    }

    /**
     * Runs {@code write} again (after {@link #backOff}) while another process took its number first and {@code
     * retry} still holds, at most {@link #ATTEMPTS} times; any other failure is a {@link StoreException} starting
     * with {@code failure}.
     */
    static <T> T numbered(Numbered<T> write, java.util.function.BooleanSupplier retry, String failure) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.write();
            } catch (SQLException e) {
                if (attempt < ATTEMPTS && isKeyTaken(e) && retry.getAsBoolean()) {
                    backOff(attempt);
                    continue;
                }
                throw new io.fidelis.store.StoreException(failure + ": " + e.getMessage(), e);
            }
        }
    }

    /** As {@link #numbered(Numbered, java.util.function.BooleanSupplier, String)}, retrying whenever the number was taken. */
    static <T> T numbered(Numbered<T> write, String failure) {
        return numbered(write, () -> true, failure);
    }

    /**
     * Whether {@code e} says the number was taken: another process on the same database (several service instances on
     * PostgreSQL) committed it between our MAX and our insert.
     */
    static boolean isKeyTaken(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && ("23505".equals(sql.getSQLState())
                            || sql.getNextException() != null
                                    && "23505".equals(sql.getNextException().getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    static void createTables(Connections connections, String what, String... statements) {
        try (Connection connection = connections.open();
                Statement sql = connection.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot prepare the " + what + " table: " + e.getMessage(), e);
        }
    }

    /**
     * The next number of a table's id column. Portable (no sequences); callers hold their store's lock so that one
     * process never hands out a number twice, and the primary key stops a second process from doing so.
     */
    static long nextId(Connection connection, String table, String column) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("SELECT MAX(" + column + ") FROM " + table)) {
            row.next();
            return row.getLong(1) + 1;
        }
    }

    static void setInstant(PreparedStatement statement, int index, Instant at) throws SQLException {
        statement.setObject(index, at == null ? null : LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    static Instant instant(ResultSet row, int index) throws SQLException {
        LocalDateTime at = row.getObject(index, LocalDateTime.class);
        return at == null ? null : at.toInstant(ZoneOffset.UTC);
    }
}
