package io.fidelis.cli;

import io.fidelis.core.evaluation.EstimationSettings;
import io.fidelis.core.evaluation.MigrationMatrix;
import io.fidelis.core.policy.Tier;
import io.fidelis.store.AssignmentSet;
import io.fidelis.store.RunClasses;
import io.fidelis.store.RunCounts;
import io.fidelis.store.RunHeader;
import io.fidelis.store.Runs;
import io.fidelis.store.Store;
import io.fidelis.store.StrategyAssignments;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fidelis report --out DIR}: one self-contained HTML page and one workbook of a run and its context. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Writes report.html (one self-contained page: inline CSS and SVG charts, no network) and report.xlsx into"
                    + " DIR: the as-of run's provenance and customers by tier and stage, the trend over the stored"
                    + " month-end runs, the tier migration from the run a year before, and the evaluation of every"
                    + " strategy with assignments (effects with 95% intervals).",
            "Exit codes: 0 written, 1 no book, no run or a file that cannot be written, 2 wrong command line."
        })
final class ReportCommand extends BookCommand {

    /** Which labels the page shows. */
    enum Lang {
        EN,
        ZH,
        BOTH
    }

    /** {@code en}, {@code zh} or {@code both}, in any case. */
    static final class LangConverter implements CommandLine.ITypeConverter<Lang> {
        @Override
        public Lang convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "en" -> Lang.EN;
                case "zh" -> Lang.ZH;
                case "both" -> Lang.BOTH;
                default -> throw new CommandLine.TypeConversionException("'" + value + "' is not one of en, zh, both");
            };
        }
    }

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the folder to write into")
    Path out;

    @Option(
            names = "--as-of",
            paramLabel = "yyyy-MM-dd",
            converter = GenerateCommand.IsoDate.class,
            description = "the run reported: the latest as of this date (default: the latest run)")
    LocalDate asOf;

    @Option(
            names = "--lang",
            paramLabel = "en|zh|both",
            defaultValue = "both",
            converter = LangConverter.class,
            description = "labels in English, Chinese or both (default: ${DEFAULT-VALUE})")
    Lang lang;

    /** A strategy's evaluation as the report shows it. */
    record StrategyEvaluation(String strategyId, EvaluateStrategy.Result result) {}

    /** Everything the report shows. */
    record Data(
            RunHeader run,
            RunCounts counts,
            List<RunHeader> trendRuns,
            List<RunCounts> trendCounts,
            RunHeader migrationFrom,
            MigrationMatrix migration,
            List<StrategyEvaluation> evaluations) {}

    @Override
    int execute(PrintWriter stdout, PrintWriter err) {
        try (Store book = openBook()) {
            Data data = collect(book);
            try {
                Files.createDirectories(out);
                Path html = out.resolve("report.html");
                Files.writeString(html, new ReportHtml(lang).render(data));
                Path xlsx = out.resolve("report.xlsx");
                ReportXlsx.write(xlsx, data);
                stdout.printf("Report of %s written: %s and %s%n", StoredRuns.describe(data.run()), html, xlsx);
            } catch (IOException e) {
                throw CommandFailure.data("cannot write the report into " + out + ": " + e.getMessage());
            }
            return Main.OK;
        }
    }

    private Data collect(Store book) {
        Runs runs = book.runs();
        List<RunHeader> all = runs.runs();
        if (all.isEmpty()) {
            throw CommandFailure.data("no run in " + workspace + "; classify first: fidelis classify --as-of DATE"
                    + " (or a series: fidelis classify --from DATE --to DATE --every month)");
        }
        LocalDate date = asOf != null
                ? asOf
                : all.stream()
                        .map(r -> r.provenance().asOf())
                        .max(LocalDate::compareTo)
                        .orElseThrow();
        RunHeader run = StoredRuns.asOf(runs, workspace, date);
        LocalDate runDate = run.provenance().asOf();
        // the latest run of each month-end up to the reported run's date: runs() is oldest first
        TreeMap<LocalDate, RunHeader> monthEnds = new TreeMap<>();
        for (RunHeader r : all) {
            LocalDate d = r.provenance().asOf();
            if (d.equals(YearMonth.from(d).atEndOfMonth()) && !d.isAfter(runDate)) {
                monthEnds.put(d, r);
            }
        }
        List<RunHeader> trendRuns = monthEnds.size() >= 2 ? new ArrayList<>(monthEnds.values()) : List.of();
        List<RunCounts> trendCounts = new ArrayList<>();
        trendRuns.forEach(r -> trendCounts.add(runs.counts(r.runId())));
        Optional<RunHeader> yearBefore = runs.latest(runDate.minusYears(1));
        MigrationMatrix migration = null;
        if (yearBefore.isPresent() && yearBefore.get().runId() != run.runId()) {
            RunClasses classes = book.runClasses();
            migration = MigrationMatrix.between(
                    yearBefore.get().provenance().asOf(),
                    tiers(classes, yearBefore.get()),
                    runDate,
                    tiers(classes, run),
                    Arrays.stream(Tier.values()).map(Tier::code).toList());
        }
        return new Data(
                run,
                runs.counts(run.runId()),
                trendRuns,
                trendCounts,
                migration == null ? null : yearBefore.get(),
                migration,
                evaluations(book, runs));
    }

    private static Map<String, String> tiers(RunClasses classes, RunHeader run) {
        Map<String, String> tierOf = new HashMap<>();
        classes.forEachPlaced(
                run.runId(),
                placed -> tierOf.put(placed.customerId(), placed.tier().code()));
        return tierOf;
    }

    /** Each strategy's current assignments evaluated as {@code fidelis evaluate} does, from the day assigned. */
    private static List<StrategyEvaluation> evaluations(Store book, Runs runs) {
        StrategyAssignments assignments = book.strategyAssignments();
        Map<String, AssignmentSet> current = new LinkedHashMap<>();
        assignments.sets().forEach(set -> current.put(set.strategyId(), set));
        List<StrategyEvaluation> evaluations = new ArrayList<>();
        for (AssignmentSet set : current.values()) {
            if (set.assignedOn() == null) {
                continue;
            }
            try {
                evaluations.add(new StrategyEvaluation(
                        set.strategyId(),
                        new EvaluateStrategy(book, runs, assignments)
                                .evaluate(set.strategyId(), set.assignedOn(), 12, 12, EstimationSettings.of(30))));
            } catch (CommandFailure e) {
                // a strategy that cannot be evaluated is left out of the report, as evaluate would refuse it
            }
        }
        return evaluations;
    }
}
