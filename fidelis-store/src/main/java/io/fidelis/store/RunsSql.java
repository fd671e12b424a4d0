package io.fidelis.store;

import io.fidelis.core.classification.ReasonCode;
import io.fidelis.core.domain.Coded;
import io.fidelis.core.features.FeatureId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The tables of {@link Runs} and the statements on them, in SQL that DuckDB and PostgreSQL both run, so that every
 * store keeps runs the same way and exports read the same columns.
 *
 * <p>A run is a header row in {@code runs} and one row per customer in {@code run_results}, written in one
 * transaction and never updated. Multi-valued cells (outreach, withheld benefits, risk signals) hold lower-case
 * codes separated by {@value #SEPARATOR}, in order, and the empty string for none; the reason cells ({@code
 * tier_reasons}, {@code stage_reasons}) hold the reasons' numbers from {@code reason-numbers.txt} the same way
 * ({@link #joinReasons}), and runs stored before the numbers their codes ({@link #splitReasons} reads both). Feature columns are
 * named by {@link FeatureId#code()}, hold the value in the feature's unit, and are NULL when the feature was missing
 * (never 0). A feature added to the code later gets its column through {@code ADD COLUMN IF NOT EXISTS}; runs stored
 * before have NULL there.
 *
 * <p>Store-specific parts: DuckDB writes {@code run_results} with its Appender, PostgreSQL would use batched {@link
 * #insertResult()} or {@code COPY}; PostgreSQL should declare {@code PRIMARY KEY (run_id, customer_id)} on {@code
 * run_results} (DuckDB leaves it out: an index over millions of rows slows the append, and a run's writer gives each
 * customer once) and sort customer ids with {@code COLLATE "C"} (code point order, as DuckDB does).
 */
public final class RunsSql {

    /** Separator of the codes in a multi-valued cell. */
    public static final String SEPARATOR = ";";

    /** The sequence of run ids. */
    public static final String CREATE_SEQUENCE = "CREATE SEQUENCE IF NOT EXISTS run_ids START 1";

    /** The next run id. */
    public static final String NEXT_RUN_ID = "SELECT nextval('run_ids')";

    /** Run headers. */
    public static final String CREATE_RUNS = "CREATE TABLE IF NOT EXISTS runs (run_id BIGINT NOT NULL PRIMARY KEY,"
            + " policy_id VARCHAR NOT NULL, policy_version VARCHAR NOT NULL, policy_sha256 VARCHAR NOT NULL,"
            + " as_of DATE NOT NULL, input_fingerprint VARCHAR NOT NULL, code_version VARCHAR NOT NULL,"
            + " priors VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL, customers BIGINT NOT NULL)";

    /** A column of {@code run_results}. */
    public record Column(String name, String type) {}

    /** The columns of {@code run_results} that are not features, in table order. */
    public static final List<Column> RESULT_COLUMNS = List.of(
            new Column("run_id", "BIGINT NOT NULL"),
            new Column("customer_id", "VARCHAR NOT NULL"),
            new Column("tier", "VARCHAR NOT NULL"),
            new Column("score", "DOUBLE PRECISION"),
            new Column("scored_weight", "DOUBLE PRECISION NOT NULL"),
            new Column("score_tier", "VARCHAR NOT NULL"),
            new Column("stable_tier", "VARCHAR NOT NULL"),
            new Column("stage", "VARCHAR NOT NULL"),
            new Column("tier_reasons", "VARCHAR NOT NULL"),
            new Column("stage_reasons", "VARCHAR NOT NULL"),
            new Column("pricing_bps", "INTEGER NOT NULL"),
            new Column("rating_notch", "INTEGER NOT NULL"),
            new Column("approval_route", "VARCHAR NOT NULL"),
            new Column("credit_line", "VARCHAR NOT NULL"),
            new Column("outreach", "VARCHAR NOT NULL"),
            new Column("conflicts", "INTEGER NOT NULL"),
            new Column("withheld_benefits", "VARCHAR NOT NULL"),
            new Column("risk_signals", "VARCHAR NOT NULL"),
            new Column("overridden", "BOOLEAN NOT NULL"));

    /** Type of the feature columns: NULL is a missing feature. */
    public static final String FEATURE_TYPE = "DOUBLE PRECISION";

    /** Customer results, with the feature columns known when the table was first made. */
    public static final String CREATE_RESULTS = createResults();

    /** Inserts a header; parameters in {@code runs}' column order. */
    public static final String INSERT_RUN = "INSERT INTO runs (run_id, policy_id, policy_version, policy_sha256,"
            + " as_of, input_fingerprint, code_version, priors, created_at, customers)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Header columns, as every header query selects them. */
    public static final String RUN_COLUMNS = "run_id, policy_id, policy_version, policy_sha256, as_of,"
            + " input_fingerprint, code_version, priors, created_at, customers";

    /** Every header, oldest first. */
    public static final String SELECT_RUNS = "SELECT " + RUN_COLUMNS + " FROM runs ORDER BY run_id";

    /** One header by id. */
    public static final String SELECT_RUN = "SELECT " + RUN_COLUMNS + " FROM runs WHERE run_id = ?";

    /** The latest header as of a date, any policy and input. */
    public static final String SELECT_LATEST =
            "SELECT " + RUN_COLUMNS + " FROM runs WHERE as_of = ? ORDER BY run_id DESC LIMIT 1";

    /** The latest header as of a date for a policy's content and an input fingerprint. */
    public static final String SELECT_LATEST_MATCHING = "SELECT " + RUN_COLUMNS
            + " FROM runs WHERE as_of = ? AND policy_sha256 = ? AND input_fingerprint = ?"
            + " ORDER BY run_id DESC LIMIT 1";

    /** A run's results, by customer id. */
    public static final String SELECT_RESULTS = "SELECT * FROM run_results WHERE run_id = ? ORDER BY customer_id";

    /** One customer's result in a run. */
    public static final String SELECT_RESULT = "SELECT * FROM run_results WHERE run_id = ? AND customer_id = ?";

    /** A run's counts by tier and stage, with conflicts and overrides. */
    public static final String SELECT_COUNTS = "SELECT tier, stage, COUNT(*),"
            + " SUM(CASE WHEN conflicts > 0 THEN 1 ELSE 0 END), SUM(conflicts),"
            + " SUM(CASE WHEN overridden THEN 1 ELSE 0 END)"
            + " FROM run_results WHERE run_id = ? GROUP BY tier, stage";

    private RunsSql() {}

    /** Adds the column of a feature that the table lacks (a feature added to the code after it was made). */
    public static String addFeatureColumn(FeatureId feature) {
        return "ALTER TABLE run_results ADD COLUMN IF NOT EXISTS " + feature.code() + " " + FEATURE_TYPE;
    }

    /** Inserts a result; parameters in the order of {@link #resultColumnNames()}. */
    public static String insertResult() {
        List<String> names = resultColumnNames();
        return "INSERT INTO run_results (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", Collections.nCopies(names.size(), "?")) + ")";
    }

    /** The names of every {@code run_results} column this code writes: the fixed ones, then the features. */
    public static List<String> resultColumnNames() {
        List<String> names = new ArrayList<>();
        RESULT_COLUMNS.forEach(c -> names.add(c.name()));
        for (FeatureId feature : FeatureId.values()) {
            names.add(feature.code());
        }
        return names;
    }

    /** Codes in a multi-valued cell: the lower-case codes joined by {@value #SEPARATOR}. */
    public static String join(List<? extends Enum<?>> values) {
        int size = values.size();
        if (size == 0) {
            return "";
        }
        // sized once: a run's reason cells hold some 400 characters, and growing the builder copied them repeatedly
        String[] codes = new String[size];
        int length = size - 1;
        for (int i = 0; i < size; i++) {
            codes[i] = code(values.get(i));
            length += codes[i].length();
        }
        StringBuilder cell = new StringBuilder(length);
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                cell.append(SEPARATOR);
            }
            cell.append(codes[i]);
        }
        return cell.toString();
    }

    /** The codes of a multi-valued cell read back with {@code parse}. */
    public static <E> List<E> split(String cell, Function<String, E> parse) {
        if (cell == null || cell.isEmpty()) {
            return List.of();
        }
        List<E> values = new ArrayList<>();
        for (String code : cell.split(SEPARATOR, -1)) {
            values.add(parse.apply(code));
        }
        return values;
    }

    /** The length in UTF-8 bytes of the cell {@link #join} makes of {@code values}. */
    public static int joinedLength(List<? extends Enum<?>> values) {
        return values.isEmpty() ? 0 : joinedLength(values, CODE_BYTES.get(enumType(values)));
    }

    private static int joinedLength(List<? extends Enum<?>> values, byte[][] table) {
        int size = values.size();
        int length = Math.max(0, size - 1);
        for (int i = 0; i < size; i++) {
            length += table[values.get(i).ordinal()].length;
        }
        return length;
    }

    /**
     * Writes the UTF-8 bytes of the cell {@link #join} makes of {@code values} at the start of {@code into}, which
     * holds at least {@link #joinedLength} bytes: the same cell without making a string of it.
     */
    public static void joinInto(List<? extends Enum<?>> values, byte[] into) {
        if (!values.isEmpty()) {
            joinInto(values, CODE_BYTES.get(enumType(values)), into);
        }
    }

    private static int joinInto(List<? extends Enum<?>> values, byte[][] table, byte[] into) {
        int at = 0;
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                into[at++] = SEPARATOR_BYTE;
            }
            byte[] code = table[values.get(i).ordinal()];
            System.arraycopy(code, 0, into, at, code.length);
            at += code.length;
        }
        return at;
    }

    private static Class<?> enumType(List<? extends Enum<?>> values) {
        return values.get(0).getDeclaringClass();
    }

    /** A reason cell as stored: the reasons' numbers ({@code reason-numbers.txt}) in order, joined by ';'. */
    public static String joinReasons(List<ReasonCode> reasons) {
        StringBuilder cell = new StringBuilder(reasons.size() * 3);
        for (int i = 0; i < reasons.size(); i++) {
            if (i > 0) {
                cell.append(SEPARATOR);
            }
            cell.append(ReasonNumbers.number(reasons.get(i)));
        }
        return cell.toString();
    }

    /**
     * Writes the bytes of the cell {@link #joinReasons} makes of {@code reasons} at the start of {@code into}, which
     * holds at least {@link #reasonsCapacity} bytes for them; returns how many.
     */
    public static int joinReasonsInto(List<ReasonCode> reasons, byte[] into) {
        return joinInto(reasons, ReasonNumbers.bytesByOrdinal(), into);
    }

    /** Bytes that hold the cell {@link #joinReasons} makes of any {@code count} reasons. */
    public static int reasonsCapacity(int count) {
        return count * (ReasonNumbers.MAX_DIGITS + 1);
    }

    /**
     * The reasons of a stored reason cell: numbers as {@link #joinReasons} writes them, or, in runs stored before
     * reasons were numbered, their lower-case codes.
     */
    public static List<ReasonCode> splitReasons(String cell) {
        if (cell == null || cell.isEmpty()) {
            return List.of();
        }
        if (Character.isDigit(cell.charAt(0))) {
            return split(cell, number -> ReasonNumbers.reason(Integer.parseInt(number)));
        }
        return split(cell, code -> ReasonCode.valueOf(code.toUpperCase(Locale.ROOT)));
    }

    /** The UTF-8 bytes of {@link #code}: a cell of one code without making its string. */
    public static byte[] codeBytes(Enum<?> value) {
        return CODE_BYTES.get(value.getDeclaringClass())[value.ordinal()];
    }

    private static final byte SEPARATOR_BYTE = (byte) SEPARATOR.charAt(0);

    /** Each enum type's codes by ordinal as UTF-8 bytes. */
    private static final ClassValue<byte[][]> CODE_BYTES = new ClassValue<>() {
        @Override
        protected byte[][] computeValue(Class<?> type) {
            String[] codes = CODES.get(type);
            byte[][] bytes = new byte[codes.length][];
            for (int i = 0; i < codes.length; i++) {
                bytes[i] = codes[i].getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            return bytes;
        }
    };

    /** The stored code of an enum constant: its {@link Coded#code()}, else its name in lower case. */
    public static String code(Enum<?> value) {
        return CODES.get(value.getDeclaringClass())[value.ordinal()];
    }

    /** Each enum type's codes by ordinal, computed once: writing a run asks for them millions of times. */
    private static final ClassValue<String[]> CODES = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            Object[] constants = type.getEnumConstants();
            String[] codes = new String[constants.length];
            for (int i = 0; i < constants.length; i++) {
                Enum<?> value = (Enum<?>) constants[i];
                codes[i] = value instanceof Coded coded
                        ? coded.code()
                        : value.name().toLowerCase(Locale.ROOT);
            }
            return codes;
        }
    };

    private static String createResults() {
        StringBuilder ddl = new StringBuilder("CREATE TABLE IF NOT EXISTS run_results (");
        for (Column column : RESULT_COLUMNS) {
            ddl.append(column.name()).append(' ').append(column.type()).append(", ");
        }
        FeatureId[] features = FeatureId.values();
        for (int i = 0; i < features.length; i++) {
            ddl.append(features[i].code()).append(' ').append(FEATURE_TYPE);
            ddl.append(i + 1 < features.length ? ", " : ")");
        }
        return ddl.toString();
    }
}
