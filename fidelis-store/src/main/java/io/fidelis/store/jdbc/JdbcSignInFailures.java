package io.fidelis.store.jdbc;

import io.fidelis.store.SignInFailures;
import io.fidelis.store.StoreException;
import io.fidelis.store.sql.Connections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link SignInFailures} in one portable table {@code service_signin_failures}, counted by one upsert (PostgreSQL
 * locks the row, so processes counting at once each add their one). This process writes one statement at a time:
 * DuckDB refuses two transactions changing one row at once rather than waiting.
 */
final class JdbcSignInFailures implements SignInFailures {

    private final Connections connections;

    JdbcSignInFailures(Connections connections) {
        this.connections = connections;
    }

    /** The counts behind {@code connections}, creating their table if needed (the embedded database). */
    static JdbcSignInFailures of(Connections connections) {
        Jdbc.createTables(
                connections,
                "sign-in failures",
                "CREATE TABLE IF NOT EXISTS service_signin_failures (name_key VARCHAR(100) NOT NULL PRIMARY KEY,"
                        + " failures INTEGER NOT NULL, last_failure TIMESTAMP NOT NULL)");
        return new JdbcSignInFailures(connections);
    }

    @Override
    public synchronized Count failed(String key, Instant at, Duration window) {
        try (Connection connection = connections.open();
                PreparedStatement upsert = connection.prepareStatement(
                        "INSERT INTO service_signin_failures (name_key, failures, last_failure) VALUES (?, 1, ?)"
                                + " ON CONFLICT (name_key) DO UPDATE SET failures = CASE WHEN"
                                + " service_signin_failures.last_failure <= ? THEN 1 ELSE"
                                + " service_signin_failures.failures + 1 END, last_failure = EXCLUDED.last_failure"
                                + " RETURNING failures, last_failure")) {
            upsert.setString(1, key);
            Jdbc.setInstant(upsert, 2, at);
            Jdbc.setInstant(upsert, 3, at.minus(window));
            try (ResultSet row = upsert.executeQuery()) {
                row.next();
                return new Count(row.getInt(1), Jdbc.instant(row, 2));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot count a wrong password: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Count> find(String key) {
        try (Connection connection = connections.open();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT failures, last_failure FROM service_signin_failures WHERE name_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Count(row.getInt(1), Jdbc.instant(row, 2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the wrong passwords: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void clear(String key) {
        update("DELETE FROM service_signin_failures WHERE name_key = ?", statement -> statement.setString(1, key));
    }

    @Override
    public synchronized int purge(Instant before) {
        return update(
                "DELETE FROM service_signin_failures WHERE last_failure <= ?",
                statement -> Jdbc.setInstant(statement, 1, before));
    }

    private interface Binding {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private int update(String sql, Binding binding) {
        try (Connection connection = connections.open();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binding.bind(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot forget wrong passwords: " + e.getMessage(), e);
        }
    }
}
