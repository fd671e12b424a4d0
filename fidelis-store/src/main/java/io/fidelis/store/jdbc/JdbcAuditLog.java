package io.fidelis.store.jdbc;

import io.fidelis.store.AuditEntry;
import io.fidelis.store.AuditLog;
import io.fidelis.store.StoreException;
import io.fidelis.store.sql.Connections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** {@link AuditLog} in one portable table {@code audit_log}, only ever inserted into. */
final class JdbcAuditLog implements AuditLog {

    private final Connections connections;

    JdbcAuditLog(Connections connections) {
        this.connections = connections;
    }

    /** The audit log behind {@code connections}, creating its table if needed. */
    static JdbcAuditLog of(Connections connections) {
        Jdbc.createTables(
                connections,
                "audit log",
                "CREATE TABLE IF NOT EXISTS audit_log (entry_id BIGINT NOT NULL PRIMARY KEY, acted_at TIMESTAMP NOT NULL,"
                        + " actor VARCHAR(64) NOT NULL, action VARCHAR(64) NOT NULL, target VARCHAR(200) NOT NULL,"
                        + " detail VARCHAR(2000) NOT NULL)");
        return new JdbcAuditLog(connections);
    }

    @Override
    public AuditEntry append(AuditEntry entry) {
        return appendAll(List.of(entry)).get(0);
    }

    @Override
    public synchronized List<AuditEntry> appendAll(List<AuditEntry> entries) {
        return Jdbc.numbered(() -> tryAppend(entries), "cannot append to the audit log");
    }

    private List<AuditEntry> tryAppend(List<AuditEntry> entries) throws SQLException {
        try (Connection connection = connections.open()) {
            connection.setAutoCommit(false);
            try {
                long id = Jdbc.nextId(connection, "audit_log", "entry_id");
                List<AuditEntry> appended = new ArrayList<>(entries.size());
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_log (entry_id, acted_at,"
                        + " actor, action, target, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
                    for (AuditEntry entry : entries) {
                        insert.setLong(1, id);
                        Jdbc.setInstant(insert, 2, entry.at());
                        insert.setString(3, cut(entry.actor(), 64));
                        insert.setString(4, cut(entry.action(), 64));
                        insert.setString(5, cut(entry.target(), 200));
                        insert.setString(6, cut(entry.detail(), 2000));
                        insert.addBatch();
                        appended.add(new AuditEntry(
                                id, entry.at(), entry.actor(), entry.action(), entry.target(), entry.detail()));
                        id++;
                    }
                    insert.executeBatch();
                }
                connection.commit();
                return appended;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    @Override
    public List<AuditEntry> latest(int limit) {
        try (Connection connection = connections.open();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT entry_id, acted_at, actor, action, target, detail FROM audit_log ORDER BY entry_id DESC"
                                + " FETCH FIRST ? ROWS ONLY")) {
            select.setInt(1, Math.max(0, limit));
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new AuditEntry(
                            rows.getLong(1),
                            Jdbc.instant(rows, 2),
                            rows.getString(3),
                            rows.getString(4),
                            rows.getString(5),
                            rows.getString(6)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new StoreException("cannot read the audit log: " + e.getMessage(), e);
        }
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
