package io.fidelis.store.jdbc;

import io.fidelis.store.ApiToken;
import io.fidelis.store.ApiTokens;
import io.fidelis.store.StoreException;
import io.fidelis.store.sql.Connections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** {@link ApiTokens} in one portable table {@code service_tokens}; numbers are MAX + 1 under this store's lock. */
final class JdbcApiTokens implements ApiTokens {

    private static final String COLUMNS = "token_id, user_name, label, created_at, revoked_at, revoked_by";

    private final Connections connections;

    JdbcApiTokens(Connections connections) {
        this.connections = connections;
    }

    /**
     * The tokens behind {@code connections}, creating their table if needed, or bringing a table made before tokens
     * could be revoked up to date: its new columns added and its tokens numbered in the order they were made (what
     * {@code V5__token_revocation.sql} does on PostgreSQL).
     */
    static JdbcApiTokens of(Connections connections) {
        Jdbc.createTables(
                connections,
                "API tokens",
                "CREATE TABLE IF NOT EXISTS service_tokens (token_sha256 VARCHAR(80) NOT NULL PRIMARY KEY,"
                        + " user_name VARCHAR(64) NOT NULL, label VARCHAR(200) NOT NULL,"
                        + " created_at TIMESTAMP NOT NULL, token_id BIGINT, revoked_at TIMESTAMP,"
                        + " revoked_by VARCHAR(64))",
                "ALTER TABLE service_tokens ADD COLUMN IF NOT EXISTS token_id BIGINT",
                "ALTER TABLE service_tokens ADD COLUMN IF NOT EXISTS revoked_at TIMESTAMP",
                "ALTER TABLE service_tokens ADD COLUMN IF NOT EXISTS revoked_by VARCHAR(64)");
        numberUnnumbered(connections);
        Jdbc.createTables(
                connections,
                "API tokens",
                "CREATE UNIQUE INDEX IF NOT EXISTS service_tokens_token_id ON service_tokens (token_id)");
        return new JdbcApiTokens(connections);
    }

    private static void numberUnnumbered(Connections connections) {
        try (Connection connection = connections.open()) {
            List<String> unnumbered = new ArrayList<>();
            try (Statement sql = connection.createStatement();
                    ResultSet rows = sql.executeQuery("SELECT token_sha256 FROM service_tokens WHERE token_id IS NULL"
                            + " ORDER BY created_at, token_sha256")) {
                while (rows.next()) {
                    unnumbered.add(rows.getString(1));
                }
            }
            if (unnumbered.isEmpty()) {
                return;
            }
            long id = Jdbc.nextId(connection, "service_tokens", "token_id");
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE service_tokens SET token_id = ? WHERE token_sha256 = ?")) {
                for (String hash : unnumbered) {
                    update.setLong(1, id++);
                    update.setString(2, hash);
                    update.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot number the API tokens: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized ApiToken add(String tokenSha256, String user, String label, Instant createdAt) {
        // a taken key may also be the token's own hash: then a second try would only fail again
        return Jdbc.numbered(
                () -> tryAdd(tokenSha256, user, label, createdAt),
                () -> find(tokenSha256).isEmpty(),
                "cannot add the API token");
    }

    private ApiToken tryAdd(String tokenSha256, String user, String label, Instant createdAt) throws SQLException {
        try (Connection connection = connections.open()) {
            long id = Jdbc.nextId(connection, "service_tokens", "token_id");
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO service_tokens (token_sha256, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, NULL, NULL)")) {
                insert.setString(1, tokenSha256);
                insert.setLong(2, id);
                insert.setString(3, user);
                insert.setString(4, label);
                Jdbc.setInstant(insert, 5, createdAt);
                insert.executeUpdate();
            }
            return new ApiToken(id, user, label, createdAt, null, null);
        }
    }

    @Override
    public Optional<String> userOf(String tokenSha256) {
        return find(tokenSha256).filter(t -> !t.revoked()).map(ApiToken::user);
    }

    @Override
    public Optional<ApiToken> find(String tokenSha256) {
        return query("SELECT " + COLUMNS + " FROM service_tokens WHERE token_sha256 = ?", tokenSha256).stream()
                .findFirst();
    }

    @Override
    public List<ApiToken> all() {
        return query("SELECT " + COLUMNS + " FROM service_tokens ORDER BY token_id", null);
    }

    @Override
    public synchronized ApiToken revoke(long tokenId, String by, Instant at) {
        try (Connection connection = connections.open();
                PreparedStatement update = connection.prepareStatement("UPDATE service_tokens SET revoked_at = ?,"
                        + " revoked_by = ? WHERE token_id = ? AND revoked_at IS NULL")) {
            Jdbc.setInstant(update, 1, at);
            update.setString(2, by);
            update.setLong(3, tokenId);
            if (update.executeUpdate() == 1) {
                return byId(tokenId).orElseThrow();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot revoke API token " + tokenId + ": " + e.getMessage(), e);
        }
        ApiToken token = byId(tokenId).orElseThrow(() -> new NoSuchElementException("no API token number " + tokenId));
        throw new IllegalStateException(
                "API token " + tokenId + " was already revoked by " + token.revokedBy() + " at " + token.revokedAt());
    }

    @Override
    public long revokedCount() {
        try (Connection connection = connections.open();
                Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("SELECT COUNT(*) FROM service_tokens WHERE revoked_at IS NOT NULL")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("cannot read the API tokens: " + e.getMessage(), e);
        }
    }

    private Optional<ApiToken> byId(long tokenId) {
        return query("SELECT " + COLUMNS + " FROM service_tokens WHERE token_id = ?", tokenId).stream()
                .findFirst();
    }

    private List<ApiToken> query(String select, Object key) {
        try (Connection connection = connections.open();
                PreparedStatement statement = connection.prepareStatement(select)) {
            if (key instanceof Long id) {
                statement.setLong(1, id);
            } else if (key != null) {
                statement.setString(1, (String) key);
            }
            List<ApiToken> tokens = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tokens.add(new ApiToken(
                            rows.getLong(1),
                            rows.getString(2),
                            rows.getString(3),
                            Jdbc.instant(rows, 4),
                            Jdbc.instant(rows, 5),
                            rows.getString(6)));
                }
            }
            return tokens;
        } catch (SQLException e) {
            throw new StoreException("cannot read the API tokens: " + e.getMessage(), e);
        }
    }
}
