package io.fidelis.store.jdbc;

import io.fidelis.store.StoreException;
import io.fidelis.store.StoredUser;
import io.fidelis.store.Users;
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

/** {@link Users} in one portable table {@code service_users}. */
final class JdbcUsers implements Users {

    private static final String COLUMNS = "user_name, role, password_hash, created_at, password_changed_at";

    private final Connections connections;

    JdbcUsers(Connections connections) {
        this.connections = connections;
    }

    /**
     * The users behind {@code connections}, creating their table if needed (the embedded database), or adding the
     * column a table made before passwords could be changed lacks (what {@code V5__token_revocation.sql} does on
     * PostgreSQL).
     */
    static JdbcUsers of(Connections connections) {
        Jdbc.createTables(
                connections,
                "users",
                "CREATE TABLE IF NOT EXISTS service_users (user_name VARCHAR(64) NOT NULL PRIMARY KEY,"
                        + " role VARCHAR(16) NOT NULL, password_hash VARCHAR(200) NOT NULL,"
                        + " created_at TIMESTAMP NOT NULL, password_changed_at TIMESTAMP)",
                "ALTER TABLE service_users ADD COLUMN IF NOT EXISTS password_changed_at TIMESTAMP");
        return new JdbcUsers(connections);
    }

    @Override
    public synchronized StoredUser add(StoredUser user) {
        if (find(user.name()).isPresent()) {
            throw new IllegalArgumentException("a user named " + user.name() + " already exists");
        }
        try (Connection connection = connections.open();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO service_users (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, user.name());
            insert.setString(2, user.role());
            insert.setString(3, user.passwordHash());
            Jdbc.setInstant(insert, 4, user.createdAt());
            Jdbc.setInstant(insert, 5, user.passwordChangedAt());
            insert.executeUpdate();
            return user;
        } catch (SQLException e) {
            throw new StoreException("cannot add the user " + user.name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<StoredUser> find(String name) {
        List<StoredUser> found = query("SELECT " + COLUMNS + " FROM service_users WHERE user_name = ?", name);
        return found.stream().findFirst();
    }

    @Override
    public List<StoredUser> all() {
        return query("SELECT " + COLUMNS + " FROM service_users ORDER BY user_name", null);
    }

    @Override
    public synchronized StoredUser changePassword(String name, String passwordHash, Instant at) {
        try (Connection connection = connections.open();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE service_users SET password_hash = ?, password_changed_at = ? WHERE user_name = ?")) {
            update.setString(1, passwordHash);
            Jdbc.setInstant(update, 2, at);
            update.setString(3, name);
            if (update.executeUpdate() == 0) {
                throw new NoSuchElementException("no user named " + name);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot change the password of " + name + ": " + e.getMessage(), e);
        }
        return find(name).orElseThrow(() -> new NoSuchElementException("no user named " + name));
    }

    @Override
    public Optional<Instant> lastPasswordChange() {
        try (Connection connection = connections.open();
                Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("SELECT MAX(password_changed_at) FROM service_users")) {
            row.next();
            return Optional.ofNullable(Jdbc.instant(row, 1));
        } catch (SQLException e) {
            throw new StoreException("cannot read the users: " + e.getMessage(), e);
        }
    }

    private List<StoredUser> query(String select, String name) {
        try (Connection connection = connections.open();
                PreparedStatement statement = connection.prepareStatement(select)) {
            if (name != null) {
                statement.setString(1, name);
            }
            List<StoredUser> users = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    users.add(new StoredUser(
                            rows.getString(1),
                            rows.getString(2),
                            rows.getString(3),
                            Jdbc.instant(rows, 4),
                            Jdbc.instant(rows, 5)));
                }
            }
            return users;
        } catch (SQLException e) {
            throw new StoreException("cannot read the users: " + e.getMessage(), e);
        }
    }
}
