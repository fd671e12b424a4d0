package io.fidelis.store.jdbc;

import io.fidelis.store.ApiTokens;
import io.fidelis.store.StoreException;
import io.fidelis.store.sql.Connections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** {@link ApiTokens} in one portable table {@code service_tokens}. */
final class JdbcApiTokens implements ApiTokens {

    private final Connections connections;

    JdbcApiTokens(Connections connections) {
        this.connections = connections;
    }

    /** The tokens behind {@code connections}, creating their table if needed. */
    static JdbcApiTokens of(Connections connections) {
        Jdbc.createTables(
                connections,
                "API tokens",
                "CREATE TABLE IF NOT EXISTS service_tokens (token_sha256 VARCHAR(80) NOT NULL PRIMARY KEY,"
                        + " user_name VARCHAR(64) NOT NULL, label VARCHAR(200) NOT NULL,"
                        + " created_at TIMESTAMP NOT NULL)");
        return new JdbcApiTokens(connections);
    }

    @Override
    public void add(String tokenSha256, String user, String label, Instant createdAt) {
        try (Connection connection = connections.open();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO service_tokens (token_sha256, user_name, label, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, tokenSha256);
            insert.setString(2, user);
            insert.setString(3, label);
            Jdbc.setInstant(insert, 4, createdAt);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot add the API token: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> userOf(String tokenSha256) {
        try (Connection connection = connections.open();
                PreparedStatement select =
                        connection.prepareStatement("SELECT user_name FROM service_tokens WHERE token_sha256 = ?")) {
            select.setString(1, tokenSha256);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the API tokens: " + e.getMessage(), e);
        }
    }
}
