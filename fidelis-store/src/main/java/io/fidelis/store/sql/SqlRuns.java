package io.fidelis.store.sql;

import io.fidelis.core.classification.Classification;
import io.fidelis.core.classification.ReasonCode;
import io.fidelis.core.domain.Coded;
import io.fidelis.core.features.FeatureId;
import io.fidelis.core.features.FeatureValue;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import io.fidelis.core.strategy.Actions;
import io.fidelis.core.strategy.ApprovalRoute;
import io.fidelis.core.strategy.Benefit;
import io.fidelis.core.strategy.CreditLineAction;
import io.fidelis.core.strategy.Outreach;
import io.fidelis.core.strategy.RiskSignal;
import io.fidelis.store.RunCounts;
import io.fidelis.store.RunHeader;
import io.fidelis.store.RunProvenance;
import io.fidelis.store.RunResult;
import io.fidelis.store.RunSeries;
import io.fidelis.store.Runs;
import io.fidelis.store.RunsSql;
import io.fidelis.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * Runs in a store's database, beside the book ({@link RunsSql}' tables): everything but how a run's results are
 * written, which each store does its fastest way, inside the run's one transaction, so memory stays bounded whatever
 * the number of customers and a failed run leaves nothing behind.
 */
public abstract class SqlRuns implements Runs {

    private final Connections database;

    protected SqlRuns(Connections database) {
        this.database = database;
    }

    /**
     * Writes the results of run {@code runId} into {@code run_results} through {@code connection}, in the caller's
     * transaction, checking each with {@link #check(Classification, RunProvenance, String)}; returns how many.
     */
    protected abstract long appendResults(
            Connection connection, long runId, RunProvenance provenance, Iterator<Classification> results)
            throws SQLException;

    /**
     * A connection for reading a whole run, which the caller closes: one that streams the rows rather than holding
     * them all (PostgreSQL's driver streams only inside a transaction).
     */
    protected Connection openForStreaming() throws SQLException {
        return database.open();
    }

    /** Adds the feature columns the code has and the table lacks (a feature added after the table was made). */
    public static void addFeatureColumns(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            for (FeatureId feature : FeatureId.values()) {
                sql.execute(RunsSql.addFeatureColumn(feature));
            }
        }
    }

    @Override
    public RunHeader save(RunProvenance provenance, Iterator<Classification> results) {
        try (Connection connection = database.open()) {
            connection.setAutoCommit(false);
            try {
                long runId = nextRunId(connection);
                long customers = appendResults(connection, runId, provenance, results);
                insertHeader(connection, new RunHeader(runId, provenance, customers));
                connection.commit();
                return new RunHeader(runId, provenance, customers);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot store the run: " + e.getMessage(), e);
        }
    }

    /** The next run id from the sequence. */
    public static long nextRunId(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery(RunsSql.NEXT_RUN_ID)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Inserts a run's header row, in the caller's transaction. */
    public static void insertHeader(Connection connection, RunHeader run) throws SQLException {
        RunProvenance provenance = run.provenance();
        try (PreparedStatement insert = connection.prepareStatement(RunsSql.INSERT_RUN)) {
            insert.setLong(1, run.runId());
            insert.setString(2, provenance.policyId());
            insert.setString(3, provenance.policyVersion());
            insert.setString(4, provenance.policySha256());
            insert.setObject(5, provenance.asOf());
            insert.setString(6, provenance.inputFingerprint());
            insert.setString(7, provenance.codeVersion());
            insert.setString(8, provenance.priors());
            insert.setObject(9, LocalDateTime.ofInstant(provenance.createdAt(), ZoneOffset.UTC));
            insert.setLong(10, run.customers());
            insert.executeUpdate();
        }
    }

    /** Checks a result as {@link #check(String, LocalDate, String, String, RunProvenance, String)} does. */
    protected static void check(Classification classification, RunProvenance provenance, String previous) {
        check(
                classification.customerId(),
                classification.asOf(),
                classification.policyId(),
                classification.policyVersion(),
                provenance,
                previous);
    }

    /** Checks that a customer's result comes after {@code previous} and matches the run's date and policy. */
    public static void check(
            String id,
            LocalDate asOf,
            String policyId,
            String policyVersion,
            RunProvenance provenance,
            String previous) {
        if (previous != null && Histories.compareIds(previous, id) >= 0) {
            throw new IllegalArgumentException("results out of customer id order: " + id + " after " + previous);
        }
        if (!asOf.equals(provenance.asOf())
                || !policyId.equals(provenance.policyId())
                || !policyVersion.equals(provenance.policyVersion())) {
            throw new IllegalArgumentException("the result of " + id + " is as of " + asOf + " under " + policyId
                    + "@" + policyVersion + ", not the run's " + provenance.asOf() + " under "
                    + provenance.policyLabel());
        }
    }

    /**
     * Checks one customer's rows of a series (see {@link RunSeries#save}): one per run, all of that
     * customer, each matching its run, after {@code previous}; returns the customer's id.
     */
    public static String checkSeries(List<RunSeries.Row> customer, List<RunProvenance> provenances, String previous) {
        int runs = provenances.size();
        if (customer.size() != runs) {
            throw new IllegalArgumentException(
                    customer.size() + " results for a customer, not one for each of the " + runs + " runs");
        }
        String id = customer.get(0).customerId();
        for (int k = 0; k < runs; k++) {
            RunSeries.Row row = customer.get(k);
            if (!row.customerId().equals(id)) {
                throw new IllegalArgumentException("the results of " + id + " include one of " + row.customerId());
            }
            check(id, row.asOf(), row.policyId(), row.policyVersion(), provenances.get(k), previous);
        }
        return id;
    }

    /** The columns of run_results in table order: features added later come last, whatever their enum order. */
    public static List<String> tableColumns(Connection connection) throws SQLException {
        return new ArrayList<>(tableColumnTypes(connection).keySet());
    }

    /** The columns of run_results in table order, each with its SQL type as the database names it. */
    public static LinkedHashMap<String, String> tableColumnTypes(Connection connection) throws SQLException {
        LinkedHashMap<String, String> columns = new LinkedHashMap<>();
        try (Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT column_name, data_type FROM information_schema.columns"
                        + " WHERE table_name = 'run_results' AND table_schema = current_schema()"
                        + " ORDER BY ordinal_position")) {
            while (rows.next()) {
                columns.put(rows.getString(1), rows.getString(2));
            }
        }
        return columns;
    }

    /** Where a row's cells go, in column order: an Appender of some kind. */
    public interface Cells {
        void append(long value) throws SQLException;

        void append(int value) throws SQLException;

        void append(double value) throws SQLException;

        void append(boolean value) throws SQLException;

        void append(String value) throws SQLException;

        void appendNull() throws SQLException;

        /** A multi-valued cell of codes, as {@link RunsSql#join} writes it. */
        default void appendCodes(List<? extends Enum<?>> values) throws SQLException {
            append(RunsSql.join(values));
        }

        /** A reason cell, as {@link RunsSql#joinReasons} writes it. */
        default void appendReasons(List<ReasonCode> reasons) throws SQLException {
            append(RunsSql.joinReasons(reasons));
        }

        /** A cell of one code, as {@link RunsSql#code} writes it. */
        default void appendCode(Enum<?> value) throws SQLException {
            append(RunsSql.code(value));
        }
    }

    /** Writes one column of a result. */
    @FunctionalInterface
    public interface ColumnWriter {
        void write(Cells cells, RunResult result) throws SQLException;
    }

    private static final Map<String, FeatureId> FEATURES_BY_CODE = new HashMap<>();

    static {
        for (FeatureId feature : FeatureId.values()) {
            FEATURES_BY_CODE.put(feature.code(), feature);
        }
    }

    /** The feature whose values the column named {@code column} holds, or null for any other column. */
    public static FeatureId feature(String column) {
        return FEATURES_BY_CODE.get(column);
    }

    /** The writer of {@code column} for a result of run {@code runId}. */
    public static ColumnWriter writer(String column, long runId) {
        return switch (column) {
            case "run_id" -> (a, r) -> a.append(runId);
            case "customer_id" -> (a, r) -> a.append(r.customerId());
            case "tier" -> (a, r) -> a.appendCode(r.tier());
            case "score" ->
                (a, r) -> {
                    if (r.score().isPresent()) {
                        a.append(r.score().getAsDouble());
                    } else {
                        a.appendNull();
                    }
                };
            case "scored_weight" -> (a, r) -> a.append(r.scoredWeight());
            case "score_tier" -> (a, r) -> a.appendCode(r.scoreTier());
            case "stable_tier" -> (a, r) -> a.appendCode(r.stableTier());
            case "stage" -> (a, r) -> a.appendCode(r.stage());
            case "tier_reasons" -> (a, r) -> a.appendReasons(r.tierReasons());
            case "stage_reasons" -> (a, r) -> a.appendReasons(r.stageReasons());
            case "pricing_bps" -> (a, r) -> a.append(r.actions().pricingBps());
            case "rating_notch" -> (a, r) -> a.append(r.actions().ratingNotch());
            case "approval_route" -> (a, r) -> a.appendCode(r.actions().approvalRoute());
            case "credit_line" -> (a, r) -> a.appendCode(r.actions().creditLine());
            case "outreach" -> (a, r) -> a.appendCodes(r.actions().outreach());
            case "conflicts" -> (a, r) -> a.append(r.withheldBenefits().size());
            case "withheld_benefits" -> (a, r) -> a.appendCodes(r.withheldBenefits());
            case "risk_signals" -> (a, r) -> a.appendCodes(r.riskSignals());
            case "overridden" -> (a, r) -> a.append(r.overridden());
            default -> {
                FeatureId feature = FEATURES_BY_CODE.get(column);
                if (feature == null) {
                    // a column of a feature this code no longer computes
                    yield (a, r) -> a.appendNull();
                }
                yield (a, r) -> {
                    if (r.hasFeature(feature)) {
                        a.append(r.featureValue(feature));
                    } else {
                        a.appendNull();
                    }
                };
            }
        };
    }

    @Override
    public List<RunHeader> runs() {
        List<RunHeader> headers = new ArrayList<>();
        try (Connection connection = database.open();
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery(RunsSql.SELECT_RUNS)) {
            while (rows.next()) {
                headers.add(header(rows));
            }
        } catch (SQLException e) {
            throw failure("cannot read the runs", e);
        }
        return headers;
    }

    @Override
    public Optional<RunHeader> run(long runId) {
        return oneHeader(RunsSql.SELECT_RUN, runId);
    }

    @Override
    public Optional<RunHeader> latest(LocalDate asOf) {
        return oneHeader(RunsSql.SELECT_LATEST, asOf);
    }

    @Override
    public Optional<RunHeader> latest(LocalDate asOf, String policySha256, String inputFingerprint) {
        return oneHeader(RunsSql.SELECT_LATEST_MATCHING, asOf, policySha256, inputFingerprint);
    }

    private Optional<RunHeader> oneHeader(String query, Object... parameters) {
        try (Connection connection = database.open();
                PreparedStatement sql = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                sql.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = sql.executeQuery()) {
                return rows.next() ? Optional.of(header(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("cannot read the runs", e);
        }
    }

    private static RunHeader header(ResultSet row) throws SQLException {
        return new RunHeader(
                row.getLong(1),
                new RunProvenance(
                        row.getString(2),
                        row.getString(3),
                        row.getString(4),
                        row.getObject(5, LocalDate.class),
                        row.getString(6),
                        row.getString(7),
                        row.getString(8),
                        row.getObject(9, LocalDateTime.class).toInstant(ZoneOffset.UTC)),
                row.getLong(10));
    }

    @Override
    public void forEachResult(long runId, Consumer<RunResult> consumer) {
        requireRun(runId);
        // a plain statement with the id written in: DuckDB JDBC 2.0.0.1 streamed a prepared statement's large sorted
        // result rotated (starting mid-way); the order is checked as well, so that such a fault cannot pass unseen
        try (Connection connection = openForStreaming();
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery(RunsSql.SELECT_RESULTS.replace("?", Long.toString(runId)))) {
            ResultReader reader = new ResultReader(rows.getMetaData());
            String previous = null;
            while (rows.next()) {
                RunResult result = reader.read(rows);
                if (previous != null && Histories.compareIds(previous, result.customerId()) >= 0) {
                    throw new StoreException(
                            "the database returned run " + runId + " out of customer order (" + result.customerId()
                                    + " after " + previous + "); nothing further was read",
                            null);
                }
                previous = result.customerId();
                consumer.accept(result);
            }
        } catch (SQLException e) {
            throw failure("cannot read the results of run " + runId, e);
        }
    }

    @Override
    public Optional<RunResult> result(long runId, String customerId) {
        try (Connection connection = database.open();
                PreparedStatement sql = connection.prepareStatement(RunsSql.SELECT_RESULT)) {
            sql.setLong(1, runId);
            sql.setString(2, customerId);
            try (ResultSet rows = sql.executeQuery()) {
                return rows.next() ? Optional.of(new ResultReader(rows.getMetaData()).read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("cannot read the result of " + customerId + " in run " + runId, e);
        }
    }

    @Override
    public RunCounts counts(long runId) {
        requireRun(runId);
        Map<Tier, Map<Stage, Long>> cells = new EnumMap<>(Tier.class);
        long withConflicts = 0;
        long withheld = 0;
        long overridden = 0;
        try (Connection connection = database.open();
                PreparedStatement sql = connection.prepareStatement(RunsSql.SELECT_COUNTS)) {
            sql.setLong(1, runId);
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    Tier tier = Coded.parse(Tier.class, rows.getString(1));
                    Stage stage = Coded.parse(Stage.class, rows.getString(2));
                    cells.computeIfAbsent(tier, t -> new EnumMap<>(Stage.class)).put(stage, rows.getLong(3));
                    withConflicts += rows.getLong(4);
                    withheld += rows.getLong(5);
                    overridden += rows.getLong(6);
                }
            }
        } catch (SQLException e) {
            throw failure("cannot count the results of run " + runId, e);
        }
        return new RunCounts(cells, withConflicts, withheld, overridden);
    }

    private void requireRun(long runId) {
        if (run(runId).isEmpty()) {
            throw new NoSuchElementException("no run " + runId + " in the workspace");
        }
    }

    private static StoreException failure(String what, SQLException e) {
        return new StoreException(what + ": " + e.getMessage(), e);
    }

    /** Reads rows of run_results by column name, whatever the table's column order. */
    private static final class ResultReader {
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<FeatureId, Integer> featureIndex = new EnumMap<>(FeatureId.class);

        ResultReader(ResultSetMetaData meta) throws SQLException {
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                index.put(meta.getColumnName(i), i);
            }
            for (FeatureId feature : FeatureId.values()) {
                Integer column = index.get(feature.code());
                if (column != null) {
                    featureIndex.put(feature, column);
                }
            }
        }

        RunResult read(ResultSet row) throws SQLException {
            double score = row.getDouble(column("score"));
            OptionalDouble optionalScore = row.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(score);
            Map<FeatureId, FeatureValue> features = new EnumMap<>(FeatureId.class);
            for (Map.Entry<FeatureId, Integer> feature : featureIndex.entrySet()) {
                double value = row.getDouble(feature.getValue());
                features.put(feature.getKey(), row.wasNull() ? FeatureValue.missing() : FeatureValue.of(value));
            }
            return new RunResult(
                    row.getString(column("customer_id")),
                    Coded.parse(Tier.class, row.getString(column("tier"))),
                    optionalScore,
                    row.getDouble(column("scored_weight")),
                    Coded.parse(Tier.class, row.getString(column("score_tier"))),
                    Coded.parse(Tier.class, row.getString(column("stable_tier"))),
                    Coded.parse(Stage.class, row.getString(column("stage"))),
                    RunsSql.splitReasons(row.getString(column("tier_reasons"))),
                    RunsSql.splitReasons(row.getString(column("stage_reasons"))),
                    new Actions(
                            row.getInt(column("pricing_bps")),
                            row.getInt(column("rating_notch")),
                            Coded.parse(ApprovalRoute.class, row.getString(column("approval_route"))),
                            Coded.parse(CreditLineAction.class, row.getString(column("credit_line"))),
                            RunsSql.split(row.getString(column("outreach")), c -> Coded.parse(Outreach.class, c))),
                    RunsSql.split(row.getString(column("withheld_benefits")), c -> Coded.parse(Benefit.class, c)),
                    RunsSql.split(row.getString(column("risk_signals")), c -> Coded.parse(RiskSignal.class, c)),
                    row.getBoolean(column("overridden")),
                    features);
        }

        private int column(String name) {
            Integer column = index.get(name);
            if (column == null) {
                throw new IllegalStateException("run_results has no column " + name);
            }
            return column;
        }
    }
}
