package io.fidelis.cli;

import io.fidelis.core.domain.Customer;
import io.fidelis.core.evaluation.Consistency;
import io.fidelis.core.evaluation.Estimate;
import io.fidelis.core.evaluation.EstimationSettings;
import io.fidelis.store.RunHeader;
import io.fidelis.store.Runs;
import io.fidelis.store.Store;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fidelis consistency}: tier and action rates by industry, region and size, with large gaps flagged. */
@Command(
        name = "consistency",
        mixinStandardHelpOptions = true,
        description = {
            "Checks that tiers and actions are given at similar rates across industries, regions and company sizes:"
                    + " for every segment, the share of high- and low-loyalty customers and of customers given a"
                    + " loyalty benefit or a risk restriction, against all other customers, with a 95% interval.",
            "A gap is flagged (!) when it is at least --gap and its interval excludes zero: a place to look, not a"
                    + " verdict (explain a few of the segment's customers to see why).",
            "Reads the latest stored run as of --as-of, or --run."
        })
final class ConsistencyCommand extends BookCommand {

    private static final List<String> DIMENSIONS = List.of("industry", "region", "size");

    @Option(
            names = "--as-of",
            paramLabel = "yyyy-MM-dd",
            converter = GenerateCommand.IsoDate.class,
            description = "the latest run as of this date")
    LocalDate asOf;

    @Option(names = "--run", paramLabel = "ID", description = "the run, by id")
    Long runId;

    @Option(
            names = "--gap",
            defaultValue = "0.10",
            paramLabel = "SHARE",
            description = "the smallest gap of shares worth flagging, 0..1 (default: ${DEFAULT-VALUE})")
    double gap;

    @Option(
            names = "--min-group",
            defaultValue = "30",
            paramLabel = "N",
            description = "segments smaller than this get no number (default: ${DEFAULT-VALUE})")
    int minGroup;

    @Option(names = "--flagged-only", description = "print only the flagged gaps")
    boolean flaggedOnly;

    @Override
    int execute(PrintWriter out, PrintWriter err) {
        if ((asOf == null) == (runId == null)) {
            throw CommandFailure.usage("give the run: --as-of DATE or --run ID");
        }
        if (!(gap >= 0 && gap <= 1) || minGroup < 1) {
            throw CommandFailure.usage("--gap takes a share from 0 to 1 and --min-group a whole number from 1");
        }
        try (Store book = openBook()) {
            Runs runs = book.runs();
            RunHeader run =
                    runId != null ? StoredRuns.byId(runs, workspace, runId) : StoredRuns.asOf(runs, workspace, asOf);
            Map<String, Map<String, String>> segments = new HashMap<>();
            book.forEachCustomer(customer -> segments.put(customer.id(), segmentsOf(customer)));
            List<Consistency.Member> members = new ArrayList<>();
            runs.forEachResult(
                    run.runId(),
                    result -> members.add(new Consistency.Member(
                            segments.getOrDefault(result.customerId(), Map.of()), result.tier(), result.actions())));
            List<Consistency.Row> rows = Consistency.check(members, DIMENSIONS, EstimationSettings.of(minGroup), gap);
            print(out, run, rows);
            return Main.OK;
        }
    }

    private static Map<String, String> segmentsOf(Customer customer) {
        Map<String, String> segments = new HashMap<>();
        segments.put("industry", customer.industry());
        segments.put("region", customer.region());
        segments.put("size", customer.size() == null ? null : customer.size().code());
        return segments;
    }

    private void print(PrintWriter out, RunHeader run, List<Consistency.Row> rows) {
        out.println("Consistency check 一致性检查: " + StoredRuns.describe(run));
        out.printf(
                Locale.ROOT,
                "Each segment against all other customers; flagged (!) when the gap is at least %.0f points and its"
                        + " 95%% interval excludes zero; 'n/a' below %d customers.%n",
                100 * gap,
                minGroup);
        long flagged = rows.stream().filter(Consistency.Row::flagged).count();
        for (String dimension : DIMENSIONS) {
            out.println();
            TextTable table = new TextTable(
                    dimension, "customers 客户", "measure 指标", "segment 该组", "others 其他", "gap (pts) 差距", "");
            for (Consistency.Row row : rows) {
                if (!row.dimension().equals(dimension) || (flaggedOnly && !row.flagged())) {
                    continue;
                }
                table.row(
                        row.segment(),
                        TextTable.number(row.customers()),
                        label(row.measure()),
                        TextTable.percent(row.segmentRate()),
                        TextTable.percent(row.restRate()),
                        row.difference().estimate().map(ConsistencyCommand::gap).orElse("n/a"),
                        row.flagged() ? "!" : "");
            }
            table.print(out, "  ");
        }
        out.println();
        out.printf(Locale.ROOT, "%d gap(s) flagged.%n", flagged);
    }

    private static String gap(Estimate e) {
        return String.format(Locale.ROOT, "%+.1f [%+.1f, %+.1f]", 100 * e.point(), 100 * e.lower(), 100 * e.upper());
    }

    private static String label(Consistency.Measure measure) {
        return switch (measure) {
            case HIGH_TIER -> "high loyalty 高忠诚度";
            case LOW_TIER -> "low loyalty 低忠诚度";
            case LOYALTY_BENEFIT -> "loyalty benefit 忠诚度优惠";
            case RISK_RESTRICTION -> "risk restriction 风险限制";
        };
    }
}
