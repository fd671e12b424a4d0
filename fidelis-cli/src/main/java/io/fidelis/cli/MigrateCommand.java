package io.fidelis.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fidelis.core.classification.Language;
import io.fidelis.core.classification.Messages;
import io.fidelis.core.domain.Coded;
import io.fidelis.core.evaluation.MigrationMatrix;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import io.fidelis.store.RunClasses;
import io.fidelis.store.RunHeader;
import io.fidelis.store.RunProvenance;
import io.fidelis.store.Runs;
import io.fidelis.store.Store;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fidelis migrate --from-run A --to-run B [--by tier|stage]}: how customers moved between two runs. */
@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        description = {
            "Prints how customers moved between two stored runs: a matrix of counts (rows: the class in the first"
                    + " run, columns: the class in the second) and the same rows as shares.",
            "Customers in only one of the runs are counted in the 'absent' row (new since the first run) or column"
                    + " (gone by the second), so that the counts add up to every customer of either run.",
            "Give each run by id (--from-run, --to-run) or by date (--from, --to: the latest run as of that date).",
            "Exit codes: 0 printed, 1 no book or no such run, 2 wrong command line."
        })
final class MigrateCommand extends BookCommand {

    /** What a customer's class is: its loyalty tier or its lifecycle stage. */
    enum By {
        TIER,
        STAGE
    }

    /** {@code tier} or {@code stage}, in any case. */
    static final class ByConverter implements CommandLine.ITypeConverter<By> {
        @Override
        public By convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "tier" -> By.TIER;
                case "stage" -> By.STAGE;
                default -> throw new CommandLine.TypeConversionException("'" + value + "' is not one of tier, stage");
            };
        }
    }

    @Option(names = "--from-run", paramLabel = "ID", description = "the first run, by id")
    Long fromRun;

    @Option(names = "--to-run", paramLabel = "ID", description = "the second run, by id")
    Long toRun;

    @Option(
            names = "--from",
            paramLabel = "yyyy-MM-dd",
            converter = GenerateCommand.IsoDate.class,
            description = "the first run: the latest one as of this date")
    LocalDate from;

    @Option(
            names = "--to",
            paramLabel = "yyyy-MM-dd",
            converter = GenerateCommand.IsoDate.class,
            description = "the second run: the latest one as of this date")
    LocalDate to;

    @Option(
            names = "--by",
            paramLabel = "tier|stage",
            defaultValue = "tier",
            converter = ByConverter.class,
            description = "classes by loyalty tier or by lifecycle stage (default: ${DEFAULT-VALUE})")
    By by;

    @Option(names = "--json", description = "print JSON (codes, counts and shares) instead of tables")
    boolean json;

    @Override
    int execute(PrintWriter out, PrintWriter err) {
        if ((fromRun == null) == (from == null)) {
            throw CommandFailure.usage("give the first run with either --from-run ID or --from DATE");
        }
        if ((toRun == null) == (to == null)) {
            throw CommandFailure.usage("give the second run with either --to-run ID or --to DATE");
        }
        try (Store book = openBook()) {
            Runs runs = book.runs();
            RunHeader first = fromRun != null
                    ? StoredRuns.byId(runs, workspace, fromRun)
                    : StoredRuns.asOf(runs, workspace, from);
            RunHeader second =
                    toRun != null ? StoredRuns.byId(runs, workspace, toRun) : StoredRuns.asOf(runs, workspace, to);
            LocalDate firstDate = first.provenance().asOf();
            LocalDate secondDate = second.provenance().asOf();
            if (secondDate.isBefore(firstDate)) {
                throw CommandFailure.usage(StoredRuns.describe(first) + " is after " + StoredRuns.describe(second)
                        + "; give the earlier run first");
            }
            RunClasses classes = book.runClasses();
            MigrationMatrix matrix = MigrationMatrix.between(
                    firstDate, classOf(classes, first), secondDate, classOf(classes, second), order());
            if (json) {
                out.println(json(first, second, matrix));
            } else {
                print(out, first, second, matrix);
            }
            return Main.OK;
        }
    }

    private Map<String, String> classOf(RunClasses classes, RunHeader run) {
        Map<String, String> classOf = new HashMap<>();
        classes.forEachPlaced(
                run.runId(),
                placed -> classOf.put(
                        placed.customerId(),
                        by == By.TIER ? placed.tier().code() : placed.stage().code()));
        return classOf;
    }

    private List<String> order() {
        Coded[] values = by == By.TIER ? Tier.values() : Stage.values();
        return Arrays.stream(values).map(Coded::code).toList();
    }

    private void print(PrintWriter out, RunHeader first, RunHeader second, MigrationMatrix matrix) {
        out.printf(
                "Migration by %s %s: from %s to %s%n",
                by == By.TIER ? "loyalty tier" : "lifecycle stage",
                by == By.TIER ? "忠诚度等级迁移" : "生命周期阶段迁移",
                StoredRuns.describe(first),
                StoredRuns.describe(second));
        out.printf(
                Locale.ROOT,
                "%,d customers in either run: %,d only in run %d (gone), %,d only in run %d (new)%n",
                matrix.total(),
                matrix.columnTotal(MigrationMatrix.ABSENT),
                first.runId(),
                matrix.rowTotal(MigrationMatrix.ABSENT),
                second.runId());
        if (!first.provenance().policySha256().equals(second.provenance().policySha256())) {
            out.printf(
                    "Note: the runs were computed under different policies (%s and %s); the moves mix changes of the"
                            + " customers with changes of the policy.%n",
                    first.provenance().policyLabel(), second.provenance().policyLabel());
        }
        out.println();
        out.printf("Customers 客户数 (rows: run %d, columns: run %d)%n", first.runId(), second.runId());
        table(matrix, true).print(out);
        out.println();
        out.println("Row shares 行占比 (each row adds up to 100%)");
        table(matrix, false).print(out);
    }

    private static TextTable table(MigrationMatrix matrix, boolean counts) {
        List<String> labels = matrix.labels();
        List<String> english = new ArrayList<>(List.of(""));
        List<String> chinese = new ArrayList<>(List.of(""));
        for (String label : labels) {
            english.add(label);
            chinese.add(chinese(label));
        }
        if (counts) {
            english.add("total");
            chinese.add("合计");
        }
        TextTable table = new TextTable().heading(english).heading(chinese);
        for (String from : labels) {
            List<String> row = new ArrayList<>();
            row.add(from + " " + chinese(from));
            for (String to : labels) {
                row.add(
                        counts
                                ? TextTable.number(matrix.count(from, to))
                                : TextTable.percent(matrix.rowShare(from, to)));
            }
            if (counts) {
                row.add(TextTable.number(matrix.rowTotal(from)));
            }
            table.row(row);
        }
        if (counts) {
            List<String> totals = new ArrayList<>(List.of("total 合计"));
            for (String to : labels) {
                totals.add(TextTable.number(matrix.columnTotal(to)));
            }
            totals.add(TextTable.number(matrix.total()));
            table.row(totals);
        }
        return table;
    }

    /** The Chinese label of a tier or stage code, or of {@link MigrationMatrix#ABSENT}. */
    static String chinese(String code) {
        if (code.equals(MigrationMatrix.ABSENT)) {
            return "不在该运行";
        }
        for (Tier tier : Tier.values()) {
            if (tier.code().equals(code)) {
                return Messages.label(tier, Language.CHINESE);
            }
        }
        return Messages.label(Coded.parse(Stage.class, code), Language.CHINESE);
    }

    private String json(RunHeader first, RunHeader second, MigrationMatrix matrix) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("by", by.name().toLowerCase(Locale.ROOT));
        run(root.putObject("from"), first);
        run(root.putObject("to"), second);
        ArrayNode labels = root.putArray("labels");
        matrix.labels().forEach(labels::add);
        ArrayNode counts = root.putArray("counts");
        ArrayNode shares = root.putArray("row_shares");
        ArrayNode rowTotals = root.putArray("row_totals");
        ArrayNode columnTotals = root.putArray("column_totals");
        for (String from : matrix.labels()) {
            ArrayNode countRow = counts.addArray();
            ArrayNode shareRow = shares.addArray();
            for (String to : matrix.labels()) {
                countRow.add(matrix.count(from, to));
                double share = matrix.rowShare(from, to);
                if (Double.isNaN(share)) {
                    shareRow.addNull();
                } else {
                    shareRow.add(share);
                }
            }
            rowTotals.add(matrix.rowTotal(from));
            columnTotals.add(matrix.columnTotal(from));
        }
        root.put("total", matrix.total());
        try {
            return mapper.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    private static void run(ObjectNode node, RunHeader run) {
        RunProvenance p = run.provenance();
        node.put("run_id", run.runId());
        node.put("as_of", p.asOf().toString());
        node.put("policy_id", p.policyId());
        node.put("policy_version", p.policyVersion());
        node.put("policy_sha256", p.policySha256());
        node.put("input_fingerprint", p.inputFingerprint());
        node.put("customers", run.customers());
    }
}
