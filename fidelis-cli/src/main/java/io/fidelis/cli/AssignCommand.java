package io.fidelis.cli;

import io.fidelis.core.classification.ReasonCode;
import io.fidelis.core.evaluation.ArmCounts;
import io.fidelis.core.evaluation.Assignment;
import io.fidelis.core.evaluation.Assignments;
import io.fidelis.core.evaluation.StratifiedAssignment;
import io.fidelis.core.policy.Stage;
import io.fidelis.store.ArmAssignment;
import io.fidelis.store.AssignmentSet;
import io.fidelis.store.AssignmentSource;
import io.fidelis.store.AssignmentsFile;
import io.fidelis.store.NewAssignmentSet;
import io.fidelis.store.Reject;
import io.fidelis.store.RunHeader;
import io.fidelis.store.Runs;
import io.fidelis.store.Store;
import io.fidelis.store.StrategyAssignments;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fidelis assign}: puts the customers of a classification run into treatment and control for a strategy's
 * evaluation, randomised within strata (tier|stage), or imports arms assigned elsewhere.
 */
@Command(
        name = "assign",
        mixinStandardHelpOptions = true,
        description = {
            "Puts the customers of the classification run as of --as-of (the latest one for that date, or --run)"
                    + " into treatment and control for the strategy --strategy: randomised within each tier|stage"
                    + " stratum, reproducible from --seed (drawn and printed when not given). Churned customers and"
                    + " those not yet customers on that date are left out unless --include-churned.",
            "With --import FILE, stores the arms a lender assigned elsewhere instead: a CSV file with columns"
                    + " customer_id,strategy_id,arm[,assigned_on,stratum] (e.g. the generator's assignments.csv),"
                    + " checked row by row; a single rejected row and nothing is stored.",
            "Assignments are never changed: assigning a strategy again is refused unless --replace, which stores a"
                    + " new set that supersedes the old one (kept for audit).",
            "Exit codes: 0 assigned, 1 no book or run, rejected rows or strategy already assigned, 2 wrong command"
                    + " line."
        })
final class AssignCommand extends BookCommand {

    static final Pattern STRATEGY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    @Option(names = "--strategy", paramLabel = "ID", description = "the strategy evaluated, e.g. worked-case")
    String strategyId;

    @Option(
            names = "--as-of",
            paramLabel = "yyyy-MM-dd",
            converter = GenerateCommand.IsoDate.class,
            description = "the date of the assignment: the strategy's start; the run classified as of it is used")
    LocalDate asOf;

    @Option(
            names = "--share",
            paramLabel = "S",
            defaultValue = "0.5",
            description =
                    "share of each stratum put in treatment, strictly between 0 and 1 (default: ${DEFAULT-VALUE})")
    double share;

    @Option(names = "--seed", paramLabel = "S", description = "the random seed (default: drawn, printed and stored)")
    Long seed;

    @Option(
            names = "--run",
            paramLabel = "RUN_ID",
            description = "the classification run to assign (default: the latest as of --as-of)")
    Long runId;

    @Option(names = "--include-churned", description = "also assign customers churned on the date")
    boolean includeChurned;

    @Option(names = "--import", paramLabel = "FILE", description = "import the arms from a file instead of randomising")
    Path importFile;

    @Option(names = "--replace", description = "supersede the strategy's current assignments (they stay stored)")
    boolean replace;

    @Override
    int execute(PrintWriter out, PrintWriter err) {
        if (importFile != null) {
            if (strategyId != null || asOf != null || seed != null || runId != null || includeChurned) {
                throw CommandFailure.usage("--import takes the strategy ids, dates and strata from the file: give"
                        + " only --import FILE, --replace and --workspace");
            }
            return importFile(out);
        }
        if (strategyId == null || (asOf == null && runId == null)) {
            throw CommandFailure.usage("give --strategy ID and --as-of DATE (or --run RUN_ID), or --import FILE");
        }
        if (!STRATEGY_ID.matcher(strategyId).matches()) {
            throw CommandFailure.usage("--strategy '" + strategyId + "' must be 1 to 64 letters, digits, '.', '_' or"
                    + " '-', starting with a letter or digit");
        }
        if (!(share > 0 && share < 1)) {
            throw CommandFailure.usage("--share " + share + " must be strictly between 0 and 1, e.g. 0.5");
        }
        return randomise(out);
    }

    private int randomise(PrintWriter out) {
        try (Store book = openBook()) {
            Runs runs = book.runs();
            RunHeader run = run(runs);
            StrategyAssignments store = book.strategyAssignments();
            refuseIfAssigned(store, List.of(strategyId));
            LocalDate date = run.provenance().asOf();
            Map<String, String> strata = new HashMap<>();
            long[] left = new long[2];
            runs.forEachResult(run.runId(), result -> {
                if (result.stageReasons().contains(ReasonCode.STAGE_NEW_NOT_YET_STARTED)) {
                    left[0]++;
                } else if (result.stage() == Stage.CHURNED && !includeChurned) {
                    left[1]++;
                } else {
                    strata.put(
                            result.customerId(),
                            result.tier().code() + "|" + result.stage().code());
                }
            });
            if (strata.isEmpty()) {
                throw CommandFailure.data("run " + run.runId() + " has no customer to assign on " + date);
            }
            long usedSeed = seed != null ? seed : new SecureRandom().nextLong();
            Assignments assignments = StratifiedAssignment.assign(strata, share, usedSeed, strategyId);
            List<ArmAssignment> rows = new ArrayList<>(assignments.size());
            for (Assignment assignment : assignments.all()) {
                rows.add(new ArmAssignment(assignment.customerId(), assignment.arm(), date, assignment.stratum()));
            }
            AssignmentSet set = store.save(
                            List.of(new NewAssignmentSet(
                                    strategyId,
                                    AssignmentSource.RANDOMISED,
                                    run.runId(),
                                    date,
                                    usedSeed,
                                    share,
                                    null,
                                    null,
                                    book.inputFingerprint(),
                                    Main.codeVersion(),
                                    Instant.now(),
                                    rows)),
                            replace)
                    .get(0);
            out.printf(
                    Locale.ROOT,
                    "Assignment set %d: strategy %s, %,d customers of run %d as of %s, randomised within tier|stage"
                            + " strata%n",
                    set.setId(),
                    strategyId,
                    set.customers(),
                    run.runId(),
                    date);
            out.printf(
                    Locale.ROOT, "  seed      %d%s%n", usedSeed, seed == null ? " (drawn; give --seed to choose)" : "");
            out.printf(Locale.ROOT, "  share     %s in treatment%n", share);
            out.printf("  input     %s%n", set.inputFingerprint());
            out.printf("  code      fidelis %s%n", set.codeVersion());
            if (set.replaces() != null) {
                out.printf("  replaces  set %d (still stored)%n", set.replaces());
            }
            if (left[0] + left[1] > 0) {
                out.printf(
                        Locale.ROOT,
                        "  left out  %,d churned%s, %,d not yet customers on %s%n",
                        left[1],
                        includeChurned ? "" : " (--include-churned to assign them)",
                        left[0],
                        date);
            }
            out.println();
            printCounts(out, store.counts(set.setId()));
            out.printf("Evaluate it later: fidelis evaluate --strategy %s --start %s%n", strategyId, date);
            return Main.OK;
        }
    }

    private RunHeader run(Runs runs) {
        if (runId != null) {
            RunHeader run = runs.run(runId)
                    .orElseThrow(() -> CommandFailure.data(
                            "no run " + runId + " in " + workspace + "; fidelis classify --as-of DATE makes one"));
            if (asOf != null && !asOf.equals(run.provenance().asOf())) {
                throw CommandFailure.usage(
                        "run " + runId + " is as of " + run.provenance().asOf() + ", not --as-of " + asOf
                                + "; leave --as-of out or give the run of that date");
            }
            return run;
        }
        return runs.latest(asOf)
                .orElseThrow(() -> CommandFailure.data("no classification run as of " + asOf + " in " + workspace
                        + ": classify first (fidelis classify --as-of " + asOf + "), then assign"));
    }

    private void refuseIfAssigned(StrategyAssignments store, List<String> strategies) {
        if (replace) {
            return;
        }
        for (String strategy : strategies) {
            Optional<AssignmentSet> current = store.current(strategy);
            if (current.isPresent()) {
                AssignmentSet set = current.get();
                throw CommandFailure.data("strategy " + strategy + " is already assigned (set " + set.setId() + ", "
                        + describe(set) + ", " + set.treatment() + " treatment / " + set.control() + " control);"
                        + " assignments are not changed once made: evaluate it, use another --strategy id, or pass"
                        + " --replace to supersede it (the old set stays stored)");
            }
        }
    }

    static String describe(AssignmentSet set) {
        if (set.source() == AssignmentSource.IMPORTED) {
            return "imported from " + set.fileName();
        }
        return "randomised from run " + set.runId() + " with seed " + set.seed();
    }

    private int importFile(PrintWriter out) {
        if (!Files.isRegularFile(importFile)) {
            throw CommandFailure.usage(
                    importFile + " is not a file" + (Files.exists(importFile) ? "" : " (it does not exist)"));
        }
        try (Store book = openBook()) {
            StrategyAssignments store = book.strategyAssignments();
            AssignmentsFile.Read read = AssignmentsFile.read(importFile, store.customerIds()::contains);
            read.warnings().forEach(w -> out.println("Warning: " + w));
            if (!read.valid()) {
                out.printf(
                        Locale.ROOT,
                        "%s NOT imported: %,d rejected row%s; nothing was stored. Fix the file and import it again.%n",
                        importFile,
                        read.rejectCount(),
                        read.rejectCount() == 1 ? "" : "s");
                for (Reject reject : read.rejects()) {
                    out.println("  " + reject.describe());
                }
                if (read.rejectCount() > read.rejects().size()) {
                    out.printf(
                            Locale.ROOT,
                            "  ... and %,d more%n",
                            read.rejectCount() - read.rejects().size());
                }
                return Main.DATA_ERRORS;
            }
            if (read.byStrategy().isEmpty()) {
                throw CommandFailure.data(importFile + " holds no assignment: nothing was stored");
            }
            refuseIfAssigned(store, List.copyOf(read.byStrategy().keySet()));
            List<NewAssignmentSet> sets = new ArrayList<>();
            Instant now = Instant.now();
            read.byStrategy()
                    .forEach((strategy, rows) -> sets.add(new NewAssignmentSet(
                            strategy,
                            AssignmentSource.IMPORTED,
                            null,
                            commonDate(rows),
                            null,
                            null,
                            read.file(),
                            read.sha256(),
                            book.inputFingerprint(),
                            Main.codeVersion(),
                            now,
                            rows)));
            for (AssignmentSet set : store.save(sets, replace)) {
                out.printf(
                        Locale.ROOT,
                        "Assignment set %d: strategy %s, %,d customers imported from %s%s%n",
                        set.setId(),
                        set.strategyId(),
                        set.customers(),
                        importFile,
                        set.assignedOn() == null ? "" : ", assigned on " + set.assignedOn());
                out.printf("  file      %s%n", set.fileSha256());
                out.printf("  input     %s%n", set.inputFingerprint());
                if (set.replaces() != null) {
                    out.printf("  replaces  set %d (still stored)%n", set.replaces());
                }
                out.println();
                printCounts(out, store.counts(set.setId()));
            }
            return Main.OK;
        } catch (IOException e) {
            throw CommandFailure.data("cannot read " + importFile + ": " + e.getMessage());
        }
    }

    private static LocalDate commonDate(List<ArmAssignment> rows) {
        LocalDate date = rows.get(0).assignedOn();
        for (ArmAssignment row : rows) {
            if (date == null || !date.equals(row.assignedOn())) {
                return null;
            }
        }
        return date;
    }

    /** Customers per stratum and arm, with totals. */
    static void printCounts(PrintWriter out, SortedMap<String, ArmCounts> counts) {
        TextTable table = new TextTable("stratum 分层", "treatment 处理组", "control 对照组", "total 合计");
        long treatment = 0;
        long control = 0;
        for (Map.Entry<String, ArmCounts> entry : counts.entrySet()) {
            ArmCounts arms = entry.getValue();
            table.row(entry.getKey(), count(arms.treatment()), count(arms.control()), count(arms.total()));
            treatment += arms.treatment();
            control += arms.control();
        }
        table.row("total 合计", count(treatment), count(control), count(treatment + control));
        table.print(out, "");
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
