package io.fidelis.store;

import io.fidelis.core.domain.Coded;
import io.fidelis.core.evaluation.Arm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a file of assignments made elsewhere ({@code customer_id,strategy_id,arm[,assigned_on,stratum]}, e.g. the
 * generator's {@code assignments.csv}) and checks every row: the columns are there, the arm is {@code treatment} or
 * {@code control}, the strategy id is well formed, the date is a {@code yyyy-MM-dd} date, the customer is in the book,
 * and no customer appears twice for one strategy. Each problem is a {@link Reject} with file, line and column; a file
 * with any reject is not to be stored at all.
 *
 * <p>Form: UTF-8 (a byte order mark is skipped), comma or tab (whichever the header holds more of), one row per line
 * (a quoted cell may hold the delimiter but not a line break), column names in any case and order, blank lines
 * skipped, other columns ignored with a warning.
 */
public final class AssignmentsFile {

    /** Columns every file must have. */
    public static final List<String> REQUIRED = List.of("customer_id", "strategy_id", "arm");

    /** Columns a file may have. */
    public static final List<String> OPTIONAL = List.of("assigned_on", "stratum");

    /** Rejects listed at most; further ones are counted. */
    public static final int MAX_LISTED = 100;

    private static final Pattern STRATEGY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /**
     * What a file held.
     *
     * @param file the file's name as shown in rejects
     * @param sha256 SHA-256 of its bytes, {@code sha256:<hex>}
     * @param byStrategy the good rows by strategy id, in file order of first appearance
     * @param rejects the first {@value #MAX_LISTED} rejects, in file order
     * @param rejectCount every reject
     * @param warnings things worth telling that are not errors
     */
    public record Read(
            String file,
            String sha256,
            Map<String, List<ArmAssignment>> byStrategy,
            List<Reject> rejects,
            long rejectCount,
            List<String> warnings) {

        /** Whether the file had no reject: only then may it be stored. */
        public boolean valid() {
            return rejectCount == 0;
        }

        /** Rows read without a reject. */
        public long rows() {
            return byStrategy.values().stream().mapToLong(List::size).sum();
        }
    }

    private AssignmentsFile() {}

    /**
     * Reads and checks {@code file}.
     *
     * @param isCustomer whether a customer id is in the book
     * @throws IOException when the file cannot be read at all
     */
    public static Read read(Path file, Predicate<String> isCustomer) throws IOException {
        return new Reading(file.getFileName().toString(), isCustomer).read(file);
    }

    private static final class Reading {
        private final String name;
        private final Predicate<String> isCustomer;
        private final List<Reject> rejects = new ArrayList<>();
        private long rejectCount;
        private final List<String> warnings = new ArrayList<>();
        private final Map<String, List<ArmAssignment>> byStrategy = new LinkedHashMap<>();
        private final Map<String, Long> firstLine = new HashMap<>();

        Reading(String name, Predicate<String> isCustomer) {
            this.name = name;
            this.isCustomer = isCustomer;
        }

        Read read(Path file) throws IOException {
            MessageDigest digest = sha256();
            try (InputStream bytes = new DigestInputStream(Files.newInputStream(file), digest);
                    BufferedReader lines = new BufferedReader(new InputStreamReader(
                            bytes,
                            StandardCharsets.UTF_8
                                    .newDecoder()
                                    .onMalformedInput(CodingErrorAction.REPORT)
                                    .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
                readLines(lines);
                // digest every byte, even those after a header that stopped the reading
                lines.transferTo(java.io.Writer.nullWriter());
            } catch (CharacterCodingException e) {
                reject(0, null, null, "file.encoding", "the file is not UTF-8: save it as UTF-8 and import it again");
            }
            return new Read(
                    name,
                    "sha256:" + HexFormat.of().formatHex(digest.digest()),
                    byStrategy,
                    rejects,
                    rejectCount,
                    warnings);
        }

        private void readLines(BufferedReader lines) throws IOException {
            String header = lines.readLine();
            if (header == null) {
                reject(
                        1,
                        null,
                        null,
                        "file.empty",
                        "the file is empty: it needs a header " + String.join(",", REQUIRED));
                return;
            }
            if (header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            CSVFormat format = CSVFormat.RFC4180
                    .builder()
                    .setDelimiter(count(header, '\t') > count(header, ',') ? '\t' : ',')
                    .get();
            Map<String, Integer> columns = columns(parse(header, format, 1), format);
            if (columns == null) {
                return;
            }
            long line = 1;
            for (String text = lines.readLine(); text != null; text = lines.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                List<String> cells = parse(text, format, line);
                if (cells != null) {
                    row(cells, columns, line);
                }
            }
        }

        private Map<String, Integer> columns(List<String> header, CSVFormat format) {
            if (header == null) {
                return null;
            }
            Map<String, Integer> columns = new HashMap<>();
            List<String> ignored = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                String column = header.get(i).strip().toLowerCase(Locale.ROOT);
                if (!REQUIRED.contains(column) && !OPTIONAL.contains(column)) {
                    ignored.add(header.get(i).strip());
                    continue;
                }
                if (columns.putIfAbsent(column, i) != null) {
                    reject(1, column, null, "header.duplicate_column", "the column " + column + " is named twice");
                }
            }
            for (String required : REQUIRED) {
                if (!columns.containsKey(required)) {
                    reject(
                            1,
                            required,
                            null,
                            "header.missing_column",
                            "the required column " + required + " is missing; the header must name "
                                    + String.join(", ", REQUIRED) + " (optionally " + String.join(", ", OPTIONAL)
                                    + "), separated by '"
                                    + format.getDelimiterString().replace("\t", "\\t") + "'");
                }
            }
            if (!ignored.isEmpty()) {
                warnings.add(name + ": ignoring columns that are not part of an assignments file: "
                        + String.join(", ", ignored));
            }
            return rejectCount == 0 ? columns : null;
        }

        private void row(List<String> cells, Map<String, Integer> columns, long line) {
            long before = rejectCount;
            String customer = required(cells, columns, "customer_id", line);
            String strategy = required(cells, columns, "strategy_id", line);
            String armText = required(cells, columns, "arm", line);
            Arm arm = null;
            if (armText != null) {
                try {
                    arm = Coded.parse(Arm.class, armText);
                } catch (IllegalArgumentException e) {
                    reject(line, "arm", armText, "arm.unknown", "the arm must be treatment or control");
                }
            }
            if (strategy != null && !STRATEGY_ID.matcher(strategy).matches()) {
                reject(
                        line,
                        "strategy_id",
                        strategy,
                        "strategy_id.format",
                        "a strategy id is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
                strategy = null;
            }
            LocalDate assignedOn = null;
            String date = optional(cells, columns, "assigned_on");
            if (date != null) {
                try {
                    assignedOn = LocalDate.parse(date);
                } catch (DateTimeParseException e) {
                    reject(line, "assigned_on", date, "date.format", "write the date as yyyy-MM-dd, e.g. 2025-09-30");
                }
            }
            if (customer != null && !isCustomer.test(customer)) {
                reject(
                        line,
                        "customer_id",
                        customer,
                        "reference.customer",
                        "no such customer in the book (ids are case-sensitive); import the book's customers first");
            }
            if (customer != null && strategy != null) {
                Long first = firstLine.putIfAbsent(strategy + "\u0000" + customer, line);
                if (first != null) {
                    reject(
                            line,
                            "customer_id",
                            customer,
                            "duplicate.customer",
                            "the customer is already assigned to strategy " + strategy + " on line " + first
                                    + "; a customer has one arm per strategy");
                }
            }
            if (rejectCount == before) {
                byStrategy
                        .computeIfAbsent(strategy, key -> new ArrayList<>())
                        .add(new ArmAssignment(customer, arm, assignedOn, optional(cells, columns, "stratum")));
            }
        }

        private String required(List<String> cells, Map<String, Integer> columns, String column, long line) {
            String value = optional(cells, columns, column);
            if (value == null) {
                reject(line, column, null, "required.empty", "the column " + column + " must not be empty");
            }
            return value;
        }

        private static String optional(List<String> cells, Map<String, Integer> columns, String column) {
            Integer index = columns.get(column);
            if (index == null || index >= cells.size()) {
                return null;
            }
            String value = cells.get(index).strip();
            return value.isEmpty() ? null : value;
        }

        private List<String> parse(String text, CSVFormat format, long line) {
            try (CSVParser parser = CSVParser.parse(text, format)) {
                List<CSVRecord> records = parser.getRecords();
                List<String> cells = new ArrayList<>();
                if (!records.isEmpty()) {
                    records.get(0).forEach(cells::add);
                }
                return cells;
            } catch (IOException | RuntimeException e) {
                reject(
                        line,
                        null,
                        text,
                        "row.quotes",
                        "the row's quotes do not close on the line: a cell in quotes must end with a quote on the same line");
                return null;
            }
        }

        private void reject(long line, String column, String value, String rule, String message) {
            rejectCount++;
            if (rejects.size() < MAX_LISTED) {
                rejects.add(new Reject(name, line, column, value, rule, message));
            }
        }

        private static long count(String text, char c) {
            return text.chars().filter(x -> x == c).count();
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }
    }
}
