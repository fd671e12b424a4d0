package io.fidelis.store.jdbc;

import io.fidelis.store.PolicyVersion;
import io.fidelis.store.PolicyVersions;
import io.fidelis.store.StoreException;
import io.fidelis.store.sql.Connections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** {@link PolicyVersions} in one portable table {@code policy_versions}. */
final class JdbcPolicyVersions implements PolicyVersions {

    private static final String COLUMNS = "version_id, policy_id, policy_version, sha256, yaml, state, proposed_by,"
            + " proposed_at, decided_by, decided_at";

    private final Connections connections;

    JdbcPolicyVersions(Connections connections) {
        this.connections = connections;
    }

    /** The policy versions behind {@code connections}, creating their table if needed. */
    static JdbcPolicyVersions of(Connections connections) {
        Jdbc.createTables(
                connections,
                "policy versions",
                "CREATE TABLE IF NOT EXISTS policy_versions (version_id BIGINT NOT NULL PRIMARY KEY,"
                        + " policy_id VARCHAR(100) NOT NULL, policy_version VARCHAR(100) NOT NULL,"
                        + " sha256 VARCHAR(80) NOT NULL, yaml VARCHAR NOT NULL, state VARCHAR(16) NOT NULL,"
                        + " proposed_by VARCHAR(64) NOT NULL, proposed_at TIMESTAMP NOT NULL, decided_by VARCHAR(64),"
                        + " decided_at TIMESTAMP)");
        return new JdbcPolicyVersions(connections);
    }

    @Override
    public synchronized PolicyVersion propose(
            String policyId, String version, String sha256, String yaml, String by, Instant at) {
        return Jdbc.numbered(
                () -> tryPropose(policyId, version, sha256, yaml, by, at), "cannot store the policy proposal");
    }

    private PolicyVersion tryPropose(String policyId, String version, String sha256, String yaml, String by, Instant at)
            throws SQLException {
        try (Connection connection = connections.open()) {
            long id = Jdbc.nextId(connection, "policy_versions", "version_id");
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO policy_versions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)")) {
                insert.setLong(1, id);
                insert.setString(2, policyId);
                insert.setString(3, version);
                insert.setString(4, sha256);
                insert.setString(5, yaml);
                insert.setString(6, PolicyVersion.PROPOSED);
                insert.setString(7, by);
                Jdbc.setInstant(insert, 8, at);
                insert.executeUpdate();
            }
            return new PolicyVersion(id, policyId, version, sha256, yaml, PolicyVersion.PROPOSED, by, at, null, null);
        }
    }

    @Override
    public synchronized PolicyVersion decide(long versionId, boolean approved, String by, Instant at) {
        PolicyVersion pending =
                get(versionId).orElseThrow(() -> new NoSuchElementException("no policy version " + versionId));
        if (!PolicyVersion.PROPOSED.equals(pending.state())) {
            throw new IllegalStateException("policy version " + versionId + " is already " + pending.state());
        }
        if (pending.proposedBy().equals(by)) {
            throw new IllegalStateException(
                    "policy version " + versionId + " was proposed by " + by + ": another person must decide on it");
        }
        String state = approved ? PolicyVersion.APPROVED : PolicyVersion.REJECTED;
        try (Connection connection = connections.open();
                PreparedStatement update = connection.prepareStatement("UPDATE policy_versions SET state = ?,"
                        + " decided_by = ?, decided_at = ? WHERE version_id = ? AND state = ?")) {
            update.setString(1, state);
            update.setString(2, by);
            Jdbc.setInstant(update, 3, at);
            update.setLong(4, versionId);
            update.setString(5, PolicyVersion.PROPOSED);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(
                    "cannot record the decision on policy version " + versionId + ": " + e.getMessage(), e);
        }
        return get(versionId).orElseThrow();
    }

    @Override
    public List<PolicyVersion> all() {
        return query("SELECT " + COLUMNS + " FROM policy_versions ORDER BY version_id", null);
    }

    @Override
    public Optional<PolicyVersion> get(long versionId) {
        return query("SELECT " + COLUMNS + " FROM policy_versions WHERE version_id = ?", versionId).stream()
                .findFirst();
    }

    @Override
    public Optional<PolicyVersion> active() {
        List<PolicyVersion> approved = query(
                "SELECT " + COLUMNS + " FROM policy_versions WHERE state = 'approved' ORDER BY decided_at DESC,"
                        + " version_id DESC",
                null);
        return approved.stream().findFirst();
    }

    private List<PolicyVersion> query(String select, Long id) {
        try (Connection connection = connections.open();
                PreparedStatement statement = connection.prepareStatement(select)) {
            if (id != null) {
                statement.setLong(1, id);
            }
            List<PolicyVersion> versions = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    versions.add(new PolicyVersion(
                            rows.getLong(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getString(4),
                            rows.getString(5),
                            rows.getString(6),
                            rows.getString(7),
                            Jdbc.instant(rows, 8),
                            rows.getString(9),
                            Jdbc.instant(rows, 10)));
                }
            }
            return versions;
        } catch (SQLException e) {
            throw new StoreException("cannot read the policy versions: " + e.getMessage(), e);
        }
    }
}
