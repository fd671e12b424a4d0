package io.fidelis.cli;

import io.fidelis.core.classification.Classifier;
import io.fidelis.core.classification.DatedClassifier;
import io.fidelis.core.classification.ManualOverride;
import io.fidelis.core.classification.MonthlySeries;
import io.fidelis.core.policy.Policy;
import io.fidelis.store.RecordedOverride;
import io.fidelis.store.RunCounts;
import io.fidelis.store.RunHeader;
import io.fidelis.store.RunProvenance;
import io.fidelis.store.Runs;
import io.fidelis.store.Store;
import io.fidelis.store.policy.PolicyException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fidelis classify --as-of DATE}: classifies every customer and stores the results as a new run; {@code
 * --from D1 --to D2 --every month} does it at every month-end from D1 to D2 in one pass over the book.
 */
@Command(
        name = "classify",
        mixinStandardHelpOptions = true,
        description = {
            "Classifies every customer of the workspace's book as of a date: loyalty tier with score and reasons,"
                    + " lifecycle stage, strategy actions and guardrail conflicts, with the manual overrides in force.",
            "Stores the results as a new, immutable run with its provenance (policy and its SHA-256, as-of date,"
                    + " input fingerprint, code version), and prints the customers by tier and stage.",
            "With the policy's hysteresis on, each customer's previous monthly evaluations are recomputed at the"
                    + " month-ends before the date.",
            "With --from D1 --to D2 --every month instead of --as-of: one run per month-end from D1 to D2 (both"
                    + " included), computed in one pass over the book and committed together, equal to"
                    + " classifying each month-end alone; prints a trend table.",
            "Exit codes: 0 classified, 1 no book or a bad policy, 2 wrong command line."
        })
final class ClassifyCommand extends BookCommand {

    /** How often a series classifies. */
    enum Every {
        MONTH
    }

    /** {@code month}, in any case. */
    static final class EveryConverter implements CommandLine.ITypeConverter<Every> {
        @Override
        public Every convert(String value) {
            if (value.strip().equalsIgnoreCase("month")) {
                return Every.MONTH;
            }
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a supported interval: month (one run per month-end)");
        }
    }

    @Option(
            names = "--as-of",
            paramLabel = "yyyy-MM-dd",
            converter = GenerateCommand.IsoDate.class,
            description = "the date to classify as of: nothing dated after it is read")
    LocalDate asOf;

    @Option(
            names = "--from",
            paramLabel = "yyyy-MM-dd",
            converter = GenerateCommand.IsoDate.class,
            description = "a series instead of --as-of: the first month-end on or after this date ...")
    LocalDate from;

    @Option(
            names = "--to",
            paramLabel = "yyyy-MM-dd",
            converter = GenerateCommand.IsoDate.class,
            description = "... to the last month-end on or before this date")
    LocalDate to;

    @Option(
            names = "--every",
            paramLabel = "month",
            defaultValue = "month",
            converter = EveryConverter.class,
            description = "the interval of a series: month, one run per month-end (default)")
    Every every;

    @Mixin
    PolicyOption policy;

    @Override
    int execute(PrintWriter out, PrintWriter err) throws PolicyException {
        List<LocalDate> series = seriesDates();
        PolicyOption.Loaded loaded = policy.load();
        try (Store book = openBook()) {
            if (series != null) {
                return printSeries(out, book, loaded, series);
            }
            long started = System.nanoTime();
            RunHeader run = classify(book, loaded, asOf);
            double seconds = (System.nanoTime() - started) / 1e9;
            RunCounts counts = book.runs().counts(run.runId());
            RunReport.header(out, run);
            out.println();
            RunReport.tierByStage(out, counts);
            out.println();
            RunReport.conflictsAndOverrides(out, counts);
            out.printf(
                    Locale.ROOT,
                    "Classified in %.1f s. Explain one: fidelis explain CUSTOMER_ID --as-of %s%n",
                    seconds,
                    asOf);
            return Main.OK;
        }
    }

    /** The month-ends of a series, or null for a single date; checks that exactly one of the two is asked for. */
    private List<LocalDate> seriesDates() {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        boolean seriesAsked = from != null || to != null || parsed.hasMatchedOption("--every");
        if (asOf != null && seriesAsked) {
            throw CommandFailure.usage(
                    "give either --as-of DATE or a series --from DATE --to DATE --every month, not both");
        }
        if (asOf != null) {
            return null;
        }
        if (!seriesAsked) {
            throw CommandFailure.usage(
                    "give --as-of DATE, or --from DATE --to DATE --every month for one run per month-end");
        }
        if (from == null || to == null) {
            throw CommandFailure.usage("a series needs both --from DATE and --to DATE");
        }
        if (from.isAfter(to)) {
            throw CommandFailure.usage("--from " + from + " is after --to " + to + "; give the earlier date first");
        }
        List<LocalDate> dates = MonthlySeries.monthEnds(from, to);
        if (dates.isEmpty()) {
            throw CommandFailure.usage("no month-end from " + from + " to " + to
                    + "; a series has one run per last day of a month, e.g. --to "
                    + YearMonth.from(to).atEndOfMonth());
        }
        return dates;
    }

    /** Classifies the series and prints its runs' shared provenance and trend table. */
    private int printSeries(PrintWriter out, Store book, PolicyOption.Loaded loaded, List<LocalDate> dates) {
        long started = System.nanoTime();
        List<RunHeader> runs = classifySeries(book, loaded, dates);
        double seconds = (System.nanoTime() - started) / 1e9;
        Runs stored = book.runs();
        List<RunCounts> counts = new ArrayList<>(runs.size());
        for (RunHeader run : runs) {
            counts.add(stored.counts(run.runId()));
        }
        RunReport.seriesHeader(out, runs);
        out.println();
        RunReport.trend(out, runs, counts);
        out.println();
        out.printf(
                Locale.ROOT,
                "Classified %d month-ends in %.1f s, stored as runs %d to %d (each run whole, all committed together)."
                        + " Compare two: fidelis migrate --from %s --to %s%n",
                runs.size(),
                seconds,
                runs.get(0).runId(),
                runs.get(runs.size() - 1).runId(),
                runs.get(Math.max(0, runs.size() - 13)).provenance().asOf(),
                runs.get(runs.size() - 1).provenance().asOf());
        return Main.OK;
    }

    /** Classifies the book at each month-end of {@code dates} into one new run each, with a progress bar. */
    static List<RunHeader> classifySeries(Store book, PolicyOption.Loaded loaded, List<LocalDate> dates) {
        Policy policy = loaded.policy();
        PopulationStep.refuseActivityModel(
                policy, "a series", "classify each month-end with --as-of, which fits the model as of that date");
        Map<String, List<ManualOverride>> overrides = new HashMap<>();
        for (RecordedOverride recorded : book.overrides().all()) {
            overrides
                    .computeIfAbsent(recorded.override().customerId(), id -> new ArrayList<>())
                    .add(recorded.override());
        }
        Instant createdAt = Instant.now();
        String input = book.inputFingerprint();
        List<RunProvenance> provenances = new ArrayList<>(dates.size());
        for (LocalDate date : dates) {
            provenances.add(new RunProvenance(
                    policy.id(),
                    policy.version(),
                    loaded.sha256(),
                    date,
                    input,
                    Main.codeVersion(),
                    DatedClassifier.priors(policy, date),
                    createdAt));
        }
        MonthlySeries series = new MonthlySeries(new Classifier(policy), dates);
        ClassifySeries classify = new ClassifySeries(book, book.runSeries(), series, overrides, workers());
        try (ProgressBar bar = progressBar("classify " + dates.size() + " dates", customers(book))) {
            List<RunHeader> runs = classify.run(provenances, bar::stepTo);
            bar.stepTo(runs.get(0).customers());
            return runs;
        }
    }

    /** Classifies the book as of {@code asOf} into a new run, with a progress bar on stderr. */
    static RunHeader classify(Store book, PolicyOption.Loaded loaded, LocalDate asOf) {
        Runs runs = book.runs();
        DatedClassifier evaluation = PopulationStep.classifier(
                book, loaded.policy(), asOf, book.overrides().inForce(asOf));
        RunProvenance provenance = new RunProvenance(
                loaded.policy().id(),
                loaded.policy().version(),
                loaded.sha256(),
                asOf,
                book.inputFingerprint(),
                Main.codeVersion(),
                evaluation.priors(),
                Instant.now());
        try (ProgressBar bar = progressBar("classify", customers(book))) {
            RunHeader run = new ClassifyPortfolio(book, runs, evaluation, workers()).run(provenance, bar::stepTo);
            bar.stepTo(run.customers());
            return run;
        }
    }

    private static int workers() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    private static ProgressBar progressBar(String task, long customers) {
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(customers)
                .setUnit(" customers", 1)
                .setUpdateIntervalMillis(500);
        if (System.console() == null) {
            // logs and CI: plain ASCII without colour codes, on the stderr of the moment
            builder.setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err));
        } else {
            builder.setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK);
        }
        return builder.build();
    }
}
