package io.fidelis.store.sql;

import io.fidelis.core.domain.Coded;
import io.fidelis.core.evaluation.Arm;
import io.fidelis.core.evaluation.ArmCounts;
import io.fidelis.store.ArmAssignment;
import io.fidelis.store.AssignmentSet;
import io.fidelis.store.AssignmentSource;
import io.fidelis.store.NewAssignmentSet;
import io.fidelis.store.StoreException;
import io.fidelis.store.StrategyAssignments;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Strategies' assignments in a store's database, beside the book (SQL in {@link StrategyAssignments}): everything but
 * how a set's rows are written, which each store does its fastest way, inside the set's transaction.
 */
public abstract class SqlStrategyAssignments implements StrategyAssignments {

    private static final String SET_COLUMNS = "set_id, strategy_id, source, run_id, assigned_on, seed, treatment_share,"
            + " file_name, file_sha256, input_fingerprint, code_version, treatment, control, replaces, created_at";

    private final Connections database;

    protected SqlStrategyAssignments(Connections database) {
        this.database = database;
    }

    /**
     * Writes a set's rows (set_id, customer_id, arm, assigned_on, stratum) into {@code assignments} through {@code
     * connection}, in the caller's transaction.
     */
    protected abstract void append(Connection connection, long setId, List<ArmAssignment> assignments)
            throws SQLException;

    @Override
    public Set<String> customerIds() {
        Set<String> ids = new HashSet<>();
        try (Connection connection = database.open();
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT customer_id FROM customers")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the customers: " + e.getMessage(), e);
        }
        return ids;
    }

    @Override
    public List<AssignmentSet> save(List<NewAssignmentSet> sets, boolean replace) {
        Set<String> strategies = new HashSet<>();
        for (NewAssignmentSet set : sets) {
            if (!strategies.add(set.strategyId())) {
                throw new IllegalArgumentException("strategy " + set.strategyId() + " is given twice");
            }
            Set<String> customers = new HashSet<>();
            for (ArmAssignment assignment : set.assignments()) {
                if (!customers.add(assignment.customerId())) {
                    throw new IllegalArgumentException("customer " + assignment.customerId()
                            + " is assigned twice to strategy " + set.strategyId());
                }
            }
        }
        try (Connection connection = database.open()) {
            connection.setAutoCommit(false);
            try {
                List<AssignmentSet> saved = new ArrayList<>();
                for (NewAssignmentSet set : sets) {
                    saved.add(saveOne(connection, set, replace));
                }
                connection.commit();
                return saved;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot store the assignments: " + e.getMessage(), e);
        }
    }

    private AssignmentSet saveOne(Connection connection, NewAssignmentSet set, boolean replace) throws SQLException {
        Optional<AssignmentSet> current = current(connection, set.strategyId());
        if (current.isPresent() && !replace) {
            throw new IllegalStateException("strategy " + set.strategyId() + " already has assignments (set "
                    + current.get().setId() + ")");
        }
        long setId;
        try (Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("SELECT nextval('assignment_set_ids')")) {
            row.next();
            setId = row.getLong(1);
        }
        append(connection, setId, set.assignments());
        long treatment =
                set.assignments().stream().filter(a -> a.arm() == Arm.TREATMENT).count();
        AssignmentSet stored = new AssignmentSet(
                setId,
                set.strategyId(),
                set.source(),
                set.runId(),
                set.assignedOn(),
                set.seed(),
                set.treatmentShare(),
                set.fileName(),
                set.fileSha256(),
                set.inputFingerprint(),
                set.codeVersion(),
                treatment,
                set.assignments().size() - treatment,
                current.map(AssignmentSet::setId).orElse(null),
                set.createdAt());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO assignment_sets (" + SET_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, stored.setId());
            insert.setString(2, stored.strategyId());
            insert.setString(3, stored.source().code());
            insert.setObject(4, stored.runId());
            insert.setObject(5, stored.assignedOn());
            insert.setObject(6, stored.seed());
            insert.setObject(7, stored.treatmentShare());
            insert.setString(8, stored.fileName());
            insert.setString(9, stored.fileSha256());
            insert.setString(10, stored.inputFingerprint());
            insert.setString(11, stored.codeVersion());
            insert.setLong(12, stored.treatment());
            insert.setLong(13, stored.control());
            insert.setObject(14, stored.replaces());
            insert.setObject(15, LocalDateTime.ofInstant(stored.createdAt(), ZoneOffset.UTC));
            insert.executeUpdate();
        }
        return stored;
    }

    @Override
    public Optional<AssignmentSet> current(String strategyId) {
        try (Connection connection = database.open()) {
            return current(connection, strategyId);
        } catch (SQLException e) {
            throw new StoreException("cannot read the assignments: " + e.getMessage(), e);
        }
    }

    private static Optional<AssignmentSet> current(Connection connection, String strategyId) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement(
                "SELECT " + SET_COLUMNS + " FROM assignment_sets WHERE strategy_id = ? ORDER BY set_id DESC LIMIT 1")) {
            sql.setString(1, strategyId);
            try (ResultSet rows = sql.executeQuery()) {
                return rows.next() ? Optional.of(set(rows)) : Optional.empty();
            }
        }
    }

    @Override
    public List<AssignmentSet> sets() {
        List<AssignmentSet> sets = new ArrayList<>();
        try (Connection connection = database.open();
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT " + SET_COLUMNS + " FROM assignment_sets ORDER BY set_id")) {
            while (rows.next()) {
                sets.add(set(rows));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the assignments: " + e.getMessage(), e);
        }
        return sets;
    }

    private static AssignmentSet set(ResultSet row) throws SQLException {
        return new AssignmentSet(
                row.getLong(1),
                row.getString(2),
                Coded.parse(AssignmentSource.class, row.getString(3)),
                row.getObject(4, Long.class),
                row.getObject(5, LocalDate.class),
                row.getObject(6, Long.class),
                row.getObject(7, Double.class),
                row.getString(8),
                row.getString(9),
                row.getString(10),
                row.getString(11),
                row.getLong(12),
                row.getLong(13),
                row.getObject(14, Long.class),
                row.getObject(15, LocalDateTime.class).toInstant(ZoneOffset.UTC));
    }

    @Override
    public void forEach(long setId, Consumer<ArmAssignment> consumer) {
        // the id written in, as SqlRuns does: a prepared statement's large sorted result once streamed rotated
        try (Connection connection = database.open();
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT customer_id, arm, assigned_on, stratum FROM assignments"
                        + " WHERE set_id = " + setId + " ORDER BY customer_id")) {
            String previous = null;
            while (rows.next()) {
                ArmAssignment assignment = new ArmAssignment(
                        rows.getString(1),
                        Coded.parse(Arm.class, rows.getString(2)),
                        rows.getObject(3, LocalDate.class),
                        rows.getString(4));
                if (previous != null && Histories.compareIds(previous, assignment.customerId()) >= 0) {
                    throw new StoreException(
                            "the database returned assignments out of customer order (" + assignment.customerId()
                                    + " after " + previous + ")",
                            null);
                }
                previous = assignment.customerId();
                consumer.accept(assignment);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the assignments of set " + setId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public SortedMap<String, ArmCounts> counts(long setId) {
        SortedMap<String, long[]> tally = new TreeMap<>();
        try (Connection connection = database.open();
                PreparedStatement sql = connection.prepareStatement("SELECT COALESCE(stratum, '-'), arm, COUNT(*)"
                        + " FROM assignments WHERE set_id = ? GROUP BY COALESCE(stratum, '-'), arm")) {
            sql.setLong(1, setId);
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    long[] arms = tally.computeIfAbsent(rows.getString(1), key -> new long[2]);
                    arms[Coded.parse(Arm.class, rows.getString(2)).ordinal()] = rows.getLong(3);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot count the assignments of set " + setId + ": " + e.getMessage(), e);
        }
        SortedMap<String, ArmCounts> counts = new TreeMap<>();
        tally.forEach((stratum, arms) -> counts.put(
                stratum,
                new ArmCounts(
                        Math.toIntExact(arms[Arm.TREATMENT.ordinal()]), Math.toIntExact(arms[Arm.CONTROL.ordinal()]))));
        return counts;
    }
}
