package io.fidelis.store.csv;

import io.fidelis.core.classification.ManualOverride;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import io.fidelis.store.FilesInPlace;
import io.fidelis.store.Reject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The overrides file: manual overrides carried out of a workspace (e.g. to the Spark job), one row per override in the
 * order recorded, which matters: of several in force for one customer, the later row wins.
 *
 * <p>UTF-8, header {@code customer_id,tier,stage,reason,author,effective_from,expires_on}, RFC 4180 quotes (a reason
 * may hold commas, quotes and line breaks). {@code tier} and {@code stage} are codes as the CLI takes them (empty: not
 * overridden; at least one is set); dates are {@code yyyy-MM-dd} (the contract's other date forms are read too);
 * {@code effective_from} may be empty (any date before {@code expires_on}), and {@code expires_on} is exclusive. Header
 * names in any case and order; {@code tier}, {@code stage} and {@code effective_from} may be left out of it.
 *
 * <p>Read strictly, whole or not at all: any problem (a column missing or unknown, an unknown code, a bad date, an
 * expiry not after the start, a row that sets nothing) is a {@link Reject} naming the file, line and column, and the
 * file is refused with all of them ({@link OverridesFileException}), so that no override of a broken file is applied.
 */
public final class OverridesCsv {

    /** The columns, in the order written. */
    public static final List<String> COLUMNS =
            List.of("customer_id", "tier", "stage", "reason", "author", "effective_from", "expires_on");

    /** The columns every file's header must name. */
    public static final List<String> REQUIRED = List.of("customer_id", "reason", "author", "expires_on");

    /** Rejects listed at most; further ones are counted. */
    public static final int MAX_LISTED = 100;

    static final String UNKNOWN_COLUMN = "header.unknown_column";
    static final String NOTHING_SET = "override.nothing_set";
    static final String EXPIRES_NOT_AFTER_FROM = "override.expires_not_after_from";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setHeader(COLUMNS.toArray(String[]::new))
            .get();

    private static final CellForm TIER = CellForms.code(Tier.class);
    private static final CellForm STAGE = CellForms.code(Stage.class);
    private static final CellForm DATE = CellForms.date();

    /**
     * A file read without a problem.
     *
     * @param file the file's name as shown in messages
     * @param sha256 SHA-256 of its bytes, {@code sha256:<hex>}, for provenance
     * @param overrides every row's override, in file order
     */
    public record Read(String file, String sha256, List<ManualOverride> overrides) {

        public Read {
            overrides = List.copyOf(overrides);
        }
    }

    private OverridesCsv() {}

    /** Reads {@code file}; see {@link #read(InputStream, String)}. */
    public static Read read(Path file) throws IOException, OverridesFileException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        }
    }

    /**
     * Reads and checks an overrides file from {@code in} (not closed).
     *
     * @param name what messages show as the file
     * @throws OverridesFileException when any row or the header breaks a rule: nothing of the file is to be used
     * @throws IOException when it cannot be read at all
     */
    public static Read read(InputStream in, String name) throws IOException, OverridesFileException {
        MessageDigest digest = sha256();
        // malformed bytes become U+FFFD, which the scanner flags, so that the reject names the line and column
        InputStreamReader chars = new InputStreamReader(new DigestInputStream(in, digest), StandardCharsets.UTF_8);
        Reading reading = new Reading(name);
        List<ManualOverride> overrides = reading.read(CsvScanner.start(chars));
        if (reading.rejectCount > 0) {
            throw new OverridesFileException(name, reading.rejects, reading.rejectCount);
        }
        return new Read(name, "sha256:" + HexFormat.of().formatHex(digest.digest()), overrides);
    }

    /**
     * Writes {@code overrides} to {@code file} in their order: UTF-8 without byte order mark, RFC 4180 (CRLF, quotes
     * only where needed). The file is written beside its destination and moved into place.
     */
    public static void write(List<ManualOverride> overrides, Path file) throws IOException {
        FilesInPlace.write(file, bytes -> {
            Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
            write(overrides, out);
        });
    }

    /** Writes {@code overrides} to {@code out} (flushed, not closed), header first. */
    public static void write(List<ManualOverride> overrides, Writer out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, FORMAT);
        for (ManualOverride o : overrides) {
            csv.printRecord(
                    o.customerId(),
                    o.tier() == null ? null : o.tier().code(),
                    o.stage() == null ? null : o.stage().code(),
                    o.reason(),
                    o.author(),
                    o.effectiveFrom(),
                    o.expiresOn());
        }
        csv.flush();
    }

    /** One file's reading: the header bound to the columns, then every row checked. */
    private static final class Reading {
        private final String name;
        private final List<Reject> rejects = new ArrayList<>();
        private long rejectCount;
        private final Cell cell = new Cell();
        private final int[] index = new int[COLUMNS.size()];
        private int headerSize;

        Reading(String name) {
            this.name = name;
            Arrays.fill(index, -1);
        }

        List<ManualOverride> read(CsvScanner scanner) throws IOException {
            List<ManualOverride> overrides = new ArrayList<>();
            if (!scanner.next()) {
                reject(
                        1,
                        null,
                        null,
                        RuleIds.HEADER_MISSING_COLUMN,
                        "the file is empty: expected the header " + String.join(",", COLUMNS));
                return overrides;
            }
            if (!header(scanner)) {
                return overrides;
            }
            while (scanner.next()) {
                ManualOverride override = row(scanner);
                if (override != null) {
                    overrides.add(override);
                }
            }
            return overrides;
        }

        private boolean header(CsvScanner scanner) {
            long line = scanner.rowLine();
            headerSize = scanner.fieldCount();
            Map<String, Integer> seen = new HashMap<>();
            List<String> written = new ArrayList<>();
            for (int i = 0; i < headerSize; i++) {
                String column = scanner.field(i).strip();
                written.add(column);
                String lower = column.toLowerCase(Locale.ROOT);
                int position = COLUMNS.indexOf(lower);
                if (position < 0) {
                    reject(
                            line,
                            column.isEmpty() ? "(column " + (i + 1) + ")" : column,
                            null,
                            UNKNOWN_COLUMN,
                            "an overrides file has no such column; the columns are " + String.join(",", COLUMNS)
                                    + ": rename or remove it");
                } else if (seen.containsKey(lower)) {
                    reject(
                            line,
                            lower,
                            null,
                            RuleIds.HEADER_DUPLICATE_COLUMN,
                            "the header names " + lower + " twice (columns " + (seen.get(lower) + 1) + " and " + (i + 1)
                                    + "): keep one of them");
                } else {
                    seen.put(lower, i);
                    index[position] = i;
                }
            }
            for (String required : REQUIRED) {
                if (!seen.containsKey(required)) {
                    reject(
                            line,
                            required,
                            null,
                            RuleIds.HEADER_MISSING_COLUMN,
                            "the header has no column " + required + ", which every overrides file must have; the"
                                    + " header must be " + String.join(",", COLUMNS) + " (tier, stage and"
                                    + " effective_from may be left out); the header read was: "
                                    + String.join(" | ", written));
                }
            }
            return rejectCount == 0;
        }

        /** The row's override, or null after rejecting it. */
        private ManualOverride row(CsvScanner row) {
            long line = row.rowLine();
            String problem = RowReader.structureProblem(row, headerSize);
            if (problem != null) {
                reject(line, null, null, problem, RowReader.structureMessage(problem, row, headerSize));
                return null;
            }
            long before = rejectCount;
            String customer = text(row, 0, false);
            Tier tier = (Tier) value(row, 1, TIER, false);
            Stage stage = (Stage) value(row, 2, STAGE, false);
            String reason = text(row, 3, true);
            String author = text(row, 4, true);
            LocalDate from = (LocalDate) value(row, 5, DATE, false);
            LocalDate expires = (LocalDate) value(row, 6, DATE, true);
            if (rejectCount > before) {
                return null;
            }
            if (tier == null && stage == null) {
                reject(
                        line,
                        null,
                        null,
                        NOTHING_SET,
                        "tier and stage are both empty, so the row overrides nothing: set tier (high, medium, low),"
                                + " stage (new, active, dormant, churned) or both, or remove the row");
            }
            if (from != null && !expires.isAfter(from)) {
                reject(
                        line,
                        "expires_on",
                        shown(row, 6),
                        EXPIRES_NOT_AFTER_FROM,
                        "the override expires on " + expires + ", not after its effective_from " + from
                                + ": it applies from effective_from (inclusive) until expires_on (exclusive), so"
                                + " expires_on must be later; fix either date");
            }
            if (rejectCount > before) {
                return null;
            }
            try {
                return new ManualOverride(customer, tier, stage, reason, author, from, expires);
            } catch (IllegalArgumentException e) {
                reject(line, null, null, RuleIds.RECORD_INVALID, e.getMessage());
                return null;
            }
        }

        /** The cell of column {@code position}, stripped, or null when the header has no such column. */
        private Cell cell(CsvScanner row, int position) {
            int i = index[position];
            if (i < 0) {
                return null;
            }
            cell.set(row.chars(), row.start(i), row.end(i));
            if (row.replacement() && cell.contains('\uFFFD')) {
                reject(
                        row.rowLine(),
                        COLUMNS.get(position),
                        cell.shown(),
                        RuleIds.ENCODING,
                        "bytes that are not valid UTF-8 (shown as \uFFFD): save the file as UTF-8");
                return null;
            }
            return cell;
        }

        /**
         * A required text cell, stripped; with {@code asQuoted}, a quoted cell keeps its blanks as written, so that a
         * reason the writer quoted for its blanks comes back unchanged.
         */
        private String text(CsvScanner row, int position, boolean asQuoted) {
            Cell cell = cell(row, position);
            if (cell == null) {
                return null;
            }
            if (cell.isEmpty()) {
                required(row, position, null);
                return null;
            }
            return asQuoted && row.quoted(index[position]) ? row.field(index[position]) : cell.text();
        }

        private Object value(CsvScanner row, int position, CellForm form, boolean required) {
            Cell cell = cell(row, position);
            if (cell == null) {
                return null;
            }
            if (cell.isEmpty()) {
                if (required) {
                    required(row, position, form.expected());
                }
                return null;
            }
            try {
                return form.read(cell, null);
            } catch (BadCell bad) {
                reject(row.rowLine(), COLUMNS.get(position), cell.shown(), bad.rule(), bad.getMessage());
                return null;
            }
        }

        private void required(CsvScanner row, int position, String expected) {
            String column = COLUMNS.get(position);
            reject(
                    row.rowLine(),
                    column,
                    null,
                    RuleIds.REQUIRED,
                    "the cell is empty but " + column + " is required"
                            + (expected == null ? "" : ": expected " + expected));
        }

        private String shown(CsvScanner row, int position) {
            int i = index[position];
            return cell.set(row.chars(), row.start(i), row.end(i)).shown();
        }

        private void reject(long line, String column, String value, String rule, String message) {
            rejectCount++;
            if (rejects.size() < MAX_LISTED) {
                rejects.add(new Reject(name, line, column, value, rule, message));
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
