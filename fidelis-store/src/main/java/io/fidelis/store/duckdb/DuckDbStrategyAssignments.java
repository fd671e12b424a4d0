package io.fidelis.store.duckdb;

import io.fidelis.core.domain.Coded;
import io.fidelis.core.evaluation.Arm;
import io.fidelis.core.evaluation.ArmCounts;
import io.fidelis.store.ArmAssignment;
import io.fidelis.store.AssignmentSet;
import io.fidelis.store.AssignmentSource;
import io.fidelis.store.NewAssignmentSet;
import io.fidelis.store.StoreException;
import io.fidelis.store.StrategyAssignments;
import io.fidelis.store.sql.Histories;
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
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Strategies' assignments in the workspace's DuckDB database, beside the book (SQL in {@link StrategyAssignments}).
 * Rows are appended with DuckDB's Appender inside one transaction. Shares the book store's database; use it from one
 * thread at a time and not after the book store is closed.
 */
public final class DuckDbStrategyAssignments implements StrategyAssignments {

    private static final String SET_COLUMNS = "set_id, strategy_id, source, run_id, assigned_on, seed, treatment_share,"
            + " file_name, file_sha256, input_fingerprint, code_version, treatment, control, replaces, created_at";

    private final DuckDBConnection database;

    private DuckDbStrategyAssignments(DuckDBConnection database) {
        this.database = database;
    }

    /** The assignments kept in {@code book}'s database, creating their tables if needed. */
    public static DuckDbStrategyAssignments of(DuckDbBookStore book) {
        DuckDBConnection connection = book.connection();
        try (Statement sql = connection.createStatement()) {
            sql.execute("CREATE SEQUENCE IF NOT EXISTS assignment_set_ids START 1");
            sql.execute("CREATE TABLE IF NOT EXISTS assignment_sets (set_id BIGINT NOT NULL PRIMARY KEY,"
                    + " strategy_id VARCHAR NOT NULL, source VARCHAR NOT NULL, run_id BIGINT, assigned_on DATE,"
                    + " seed BIGINT, treatment_share DOUBLE PRECISION, file_name VARCHAR, file_sha256 VARCHAR,"
                    + " input_fingerprint VARCHAR NOT NULL, code_version VARCHAR NOT NULL, treatment BIGINT NOT NULL,"
                    + " control BIGINT NOT NULL, replaces BIGINT, created_at TIMESTAMP NOT NULL)");
            sql.execute("CREATE TABLE IF NOT EXISTS assignments (set_id BIGINT NOT NULL, customer_id VARCHAR NOT NULL,"
                    + " arm VARCHAR NOT NULL, assigned_on DATE, stratum VARCHAR)");
        } catch (SQLException e) {
            throw new StoreException("cannot prepare the assignments tables: " + e.getMessage(), e);
        }
        return new DuckDbStrategyAssignments(connection);
    }

    /** The ids of the book's customers, to check a file of assignments against. */
    public Set<String> customerIds() {
        Set<String> ids = new HashSet<>();
        try (DuckDBConnection connection = database.duplicate();
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
        try (DuckDBConnection connection = database.duplicate()) {
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
            }
        } catch (SQLException e) {
            throw new StoreException("cannot store the assignments: " + e.getMessage(), e);
        }
    }

    private AssignmentSet saveOne(DuckDBConnection connection, NewAssignmentSet set, boolean replace)
            throws SQLException {
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
        long treatment = 0;
        try (DuckDBAppender appender = connection.createAppender("assignments")) {
            for (ArmAssignment assignment : set.assignments()) {
                appender.beginRow();
                appender.append(setId);
                appender.append(assignment.customerId());
                appender.append(assignment.arm().code());
                if (assignment.assignedOn() == null) {
                    appender.appendNull();
                } else {
                    appender.append(assignment.assignedOn());
                }
                if (assignment.stratum() == null) {
                    appender.appendNull();
                } else {
                    appender.append(assignment.stratum());
                }
                appender.endRow();
                treatment += assignment.arm() == Arm.TREATMENT ? 1 : 0;
            }
        }
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
        try (DuckDBConnection connection = database.duplicate()) {
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
        try (DuckDBConnection connection = database.duplicate();
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
        // the id written in, as DuckDbRuns does: a prepared statement's large sorted result once streamed rotated
        try (DuckDBConnection connection = database.duplicate();
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
        try (DuckDBConnection connection = database.duplicate();
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
