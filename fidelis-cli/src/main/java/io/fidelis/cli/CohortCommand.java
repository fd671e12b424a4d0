package io.fidelis.cli;

import io.fidelis.core.evaluation.CohortStanding;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import io.fidelis.store.RunClasses;
import io.fidelis.store.RunCounts;
import io.fidelis.store.RunHeader;
import io.fidelis.store.Runs;
import io.fidelis.store.Store;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fidelis cohort --onboarded-from D1 --onboarded-to D2 --at DATE}: where the customers whose relationship
 * started in a period stand in a later run, by tier and stage.
 */
@Command(
        name = "cohort",
        mixinStandardHelpOptions = true,
        description = {
            "Where the customers whose relationship started in a period (their onboarded_on, or when empty their"
                    + " first loan or interaction) stand in stored runs: how many are in each loyalty tier and"
                    + " lifecycle stage, and how many the run does not hold.",
            "For example where this quarter's new customers stand a year later: --onboarded-from 2025-07-01"
                    + " --onboarded-to 2025-09-30 --at 2026-09-30.",
            "Give the runs by date (--at: the latest run as of that date) or by id (--run); both may repeat.",
            "Exit codes: 0 printed, 1 no book or no such run, 2 wrong command line."
        })
final class CohortCommand extends BookCommand {

    @Option(
            names = "--onboarded-from",
            required = true,
            paramLabel = "yyyy-MM-dd",
            converter = GenerateCommand.IsoDate.class,
            description = "the cohort: customers whose relationship started on or after this date ...")
    LocalDate onboardedFrom;

    @Option(
            names = "--onboarded-to",
            required = true,
            paramLabel = "yyyy-MM-dd",
            converter = GenerateCommand.IsoDate.class,
            description = "... and on or before this date")
    LocalDate onboardedTo;

    @Option(
            names = "--at",
            paramLabel = "yyyy-MM-dd",
            converter = GenerateCommand.IsoDate.class,
            description = "a run to look at: the latest one as of this date (repeatable)")
    List<LocalDate> at = new ArrayList<>();

    @Option(names = "--run", paramLabel = "ID", description = "a run to look at, by id (repeatable)")
    List<Long> runIds = new ArrayList<>();

    @Override
    int execute(PrintWriter out, PrintWriter err) {
        if (onboardedFrom.isAfter(onboardedTo)) {
            throw CommandFailure.usage("--onboarded-from " + onboardedFrom + " is after --onboarded-to " + onboardedTo
                    + "; give the earlier date first");
        }
        if (at.isEmpty() && runIds.isEmpty()) {
            throw CommandFailure.usage("give the run to look at with --at DATE (or --run ID)");
        }
        try (Store book = openBook()) {
            Runs runs = book.runs();
            List<RunHeader> looked = new ArrayList<>();
            for (LocalDate date : at) {
                looked.add(StoredRuns.asOf(runs, workspace, date));
            }
            for (long runId : runIds) {
                looked.add(StoredRuns.byId(runs, workspace, runId));
            }
            Set<String> members =
                    book.cohorts().startedBetween(onboardedFrom, onboardedTo).keySet();
            out.printf(
                    Locale.ROOT,
                    "Cohort 客户群: %,d customers whose relationship started from %s to %s%n",
                    members.size(),
                    onboardedFrom,
                    onboardedTo);
            if (members.isEmpty()) {
                out.println("No customer of the book started then: nothing to show.");
                return Main.OK;
            }
            RunClasses classes = book.runClasses();
            for (RunHeader run : looked) {
                LocalDate asOf = run.provenance().asOf();
                CohortStanding.Counter counter = CohortStanding.counting(asOf, members);
                classes.forEachPlaced(
                        run.runId(), placed -> counter.add(placed.customerId(), placed.tier(), placed.stage()));
                CohortStanding standing = counter.standing();
                out.println();
                out.printf("At %s:%n", StoredRuns.describe(run));
                if (asOf.isBefore(onboardedTo)) {
                    out.printf(
                            "Note: the run is as of %s, before the end of the period; members who started later are"
                                    + " new or not yet in it.%n",
                            asOf);
                }
                RunReport.tierByStage(out, counts(standing));
                out.printf(Locale.ROOT, "Not in the run 不在该运行: %,d of %,d%n", standing.absent(), standing.members());
                out.println(shares(standing));
            }
            return Main.OK;
        }
    }

    private static RunCounts counts(CohortStanding standing) {
        Map<Tier, Map<Stage, Long>> cells = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            Map<Stage, Long> row = new EnumMap<>(Stage.class);
            for (Stage stage : Stage.values()) {
                row.put(stage, standing.count(tier, stage));
            }
            cells.put(tier, row);
        }
        return new RunCounts(cells, 0, 0, 0);
    }

    private static String shares(CohortStanding standing) {
        StringBuilder line = new StringBuilder("Shares of those in the run 占比:");
        for (Tier tier : Tier.values()) {
            line.append("  ").append(tier.code()).append(' ').append(TextTable.percent(standing.share(tier)));
        }
        line.append("  |");
        for (Stage stage : Stage.values()) {
            line.append("  ").append(stage.code()).append(' ').append(TextTable.percent(standing.share(stage)));
        }
        return line.toString();
    }
}
