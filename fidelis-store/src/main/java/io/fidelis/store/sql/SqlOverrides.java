package io.fidelis.store.sql;

import io.fidelis.core.classification.ManualOverride;
import io.fidelis.core.domain.Coded;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import io.fidelis.store.Overrides;
import io.fidelis.store.RecordedOverride;
import io.fidelis.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Manual overrides in a store's database, in an append-only table {@code overrides} with ids from the sequence
 * {@code override_ids} (see {@link Overrides} for its semantics).
 */
public class SqlOverrides implements Overrides {

    private static final String COLUMNS =
            "override_id, customer_id, tier, stage, reason, author, effective_from, expires_on, recorded_at";

    private final Connections database;

    /** The overrides in the database {@code database} connects to, whose table exists. */
    public SqlOverrides(Connections database) {
        this.database = database;
    }

    @Override
    public RecordedOverride record(ManualOverride override, Instant recordedAt) {
        try (Connection connection = database.open()) {
            long id;
            try (Statement sql = connection.createStatement();
                    ResultSet row = sql.executeQuery("SELECT nextval('override_ids')")) {
                row.next();
                id = row.getLong(1);
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO overrides (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, id);
                insert.setString(2, override.customerId());
                insert.setString(
                        3, override.tier() == null ? null : override.tier().code());
                insert.setString(
                        4, override.stage() == null ? null : override.stage().code());
                insert.setString(5, override.reason());
                insert.setString(6, override.author());
                insert.setObject(7, override.effectiveFrom());
                insert.setObject(8, override.expiresOn());
                insert.setObject(9, LocalDateTime.ofInstant(recordedAt, ZoneOffset.UTC));
                insert.executeUpdate();
            }
            return new RecordedOverride(id, override, recordedAt);
        } catch (SQLException e) {
            throw new StoreException("cannot record the override: " + e.getMessage(), e);
        }
    }

    @Override
    public List<RecordedOverride> all() {
        return query("", List.of());
    }

    @Override
    public List<ManualOverride> of(String customerId) {
        return overrides(query(" WHERE customer_id = ?", List.of(customerId)));
    }

    /** Every override read, then kept by the core's rule ({@link ManualOverride#inForce}): they are few. */
    @Override
    public Map<String, List<ManualOverride>> inForce(LocalDate asOf) {
        return ManualOverride.inForce(overrides(all()), asOf);
    }

    private List<RecordedOverride> query(String where, List<Object> parameters) {
        List<RecordedOverride> found = new ArrayList<>();
        try (Connection connection = database.open();
                PreparedStatement sql = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM overrides" + where + " ORDER BY override_id")) {
            for (int i = 0; i < parameters.size(); i++) {
                sql.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    String tier = rows.getString(3);
                    String stage = rows.getString(4);
                    ManualOverride override = new ManualOverride(
                            rows.getString(2),
                            tier == null ? null : Coded.parse(Tier.class, tier),
                            stage == null ? null : Coded.parse(Stage.class, stage),
                            rows.getString(5),
                            rows.getString(6),
                            rows.getObject(7, LocalDate.class),
                            rows.getObject(8, LocalDate.class));
                    found.add(new RecordedOverride(
                            rows.getLong(1),
                            override,
                            rows.getObject(9, LocalDateTime.class).toInstant(ZoneOffset.UTC)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the overrides: " + e.getMessage(), e);
        }
        return found;
    }

    private static List<ManualOverride> overrides(List<RecordedOverride> recorded) {
        List<ManualOverride> overrides = new ArrayList<>(recorded.size());
        recorded.forEach(r -> overrides.add(r.override()));
        return overrides;
    }
}
