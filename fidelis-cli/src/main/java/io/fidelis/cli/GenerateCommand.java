package io.fidelis.cli;

import io.fidelis.generator.Archetype;
import io.fidelis.generator.BookGenerator;
import io.fidelis.generator.Effects;
import io.fidelis.generator.Experiment;
import io.fidelis.generator.ExperimentSummary;
import io.fidelis.generator.GenerationSummary;
import io.fidelis.generator.GeneratorSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code fidelis generate}: writes a synthetic corporate loan book with the intended class of every customer. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a synthetic corporate loan book in the input contract's CSV format "
                    + "(customers, loans, installments, complaints, surveys, interactions),",
            "plus truth.csv (archetype and intended tier and stage of every customer) and generation.json.",
            "With --strategy-start, also simulates a randomised strategy evaluation (the seed's worked case):",
            "assignments.csv holds the arms, generation.json the true effects and the outcome definitions.",
            "The same arguments always give the same bytes."
        })
final class GenerateCommand implements Callable<Integer> {

    /** Files a book consists of: rewriting a previous book in the same folder needs no --force. */
    private static final Set<String> BOOK_FILES = Set.of(
            "customers.csv",
            "loans.csv",
            "installments.csv",
            "complaints.csv",
            "surveys.csv",
            "interactions.csv",
            "truth.csv",
            Experiment.ASSIGNMENTS_FILE,
            BookGenerator.PARAMETERS_FILE);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--customers",
            required = true,
            paramLabel = "N",
            description = "Number of customers, 1 to " + GeneratorSettings.MAX_CUSTOMERS + ".")
    int customers;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "Random seed (any whole number).")
    long seed;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "Folder to write into; created if missing.")
    Path out;

    @Option(
            names = "--end",
            defaultValue = "2026-09-30",
            paramLabel = "yyyy-MM-dd",
            converter = IsoDate.class,
            description = "As-of date of the book: nothing dated after it is written. Default: ${DEFAULT-VALUE}.")
    LocalDate end;

    @Option(
            names = "--years",
            defaultValue = "3",
            paramLabel = "Y",
            description = "Years covered, ending at --end, 1 to " + GeneratorSettings.MAX_YEARS
                    + ". Default: ${DEFAULT-VALUE}.")
    int years;

    @Option(
            names = "--strategy-start",
            paramLabel = "yyyy-MM-dd",
            converter = IsoDate.class,
            description = "Simulate a strategy evaluation: on this date customers not churned are randomised to"
                    + " treatment or control within their tier|stage, and the effects apply to the treated from the"
                    + " next day. Must lie in the period and at least 6 months before --end.")
    LocalDate strategyStart;

    @Option(
            names = "--treatment-share",
            paramLabel = "SHARE",
            description = "Share of each stratum assigned to treatment, strictly between 0 and 1. Default: 0.5.")
    Double treatmentShare;

    @Option(
            names = "--effects",
            paramLabel = "LIST",
            description = "True effects on the treated, e.g. churn=-0.30,high_default=-0.20,medium_satisfaction=+0.3"
                    + " (relative changes -1..0 of churn and of high-tier default; shift -0.8..0.8 of medium-tier"
                    + " satisfaction). Keys left out are 0. Default: all 0.")
    String effects;

    @Option(
            names = "--strategy-id",
            paramLabel = "ID",
            description = "Name of the simulated strategy (letters, digits, . _ -). Default: "
                    + Experiment.DEFAULT_STRATEGY_ID + ".")
    String strategyId;

    @Option(
            names = "--force",
            description = "Write even if the folder holds other files (they would be read as part of the book).")
    boolean force;

    @Override
    public Integer call() {
        GeneratorSettings settings = settings();
        BookGenerator generator = generator(settings);
        checkFolder();
        PrintWriter stdout = spec.commandLine().getOut();
        long started = System.nanoTime();
        GenerationSummary summary;
        try (ProgressBar bar = new ProgressBarBuilder()
                .setTaskName("generate")
                .setInitialMax(customers)
                .setUnit(" customers", 1)
                .setUpdateIntervalMillis(500)
                // Without a terminal (logs, CI) plain ASCII: no colour codes in the log.
                .setStyle(System.console() == null ? ProgressBarStyle.ASCII : ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .build()) {
            summary = generator.writeTo(out, bar::stepTo);
        } catch (IOException e) {
            spec.commandLine()
                    .getErr()
                    .printf(
                            "fidelis generate: could not write the book to %s: %s%n"
                                    + "Check that the folder is writable and the disk has space, then run again.%n",
                            out, e);
            return Main.DATA_ERRORS;
        }
        printSummary(stdout, summary, (System.nanoTime() - started) / 1e9);
        return Main.OK;
    }

    private GeneratorSettings settings() {
        try {
            return new GeneratorSettings(customers, seed, end, years);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid arguments: " + e.getMessage());
        }
    }

    private BookGenerator generator(GeneratorSettings settings) {
        if (strategyStart == null) {
            if (treatmentShare != null || effects != null || strategyId != null) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--treatment-share, --effects and --strategy-id describe a strategy evaluation: add"
                                + " --strategy-start DATE");
            }
            return new BookGenerator(settings);
        }
        try {
            Experiment experiment = new Experiment(
                    strategyId == null ? Experiment.DEFAULT_STRATEGY_ID : strategyId,
                    strategyStart,
                    treatmentShare == null ? 0.5 : treatmentShare,
                    effects == null ? Effects.NONE : Effects.parse(effects));
            return new BookGenerator(settings, experiment);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid arguments: " + e.getMessage());
        }
    }

    private void checkFolder() {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--out " + out + " is a file, not a folder: give a folder to write the book into");
        }
        if (force || !Files.isDirectory(out)) {
            return;
        }
        List<String> others = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(out)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!BOOK_FILES.contains(name)) {
                    others.add(name);
                }
            }
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--out " + out + " cannot be read: " + e.getMessage());
        }
        if (!others.isEmpty()) {
            others.sort(null);
            String shown = String.join(", ", others.subList(0, Math.min(5, others.size())))
                    + (others.size() > 5 ? ", ..." : "");
            throw new ParameterException(
                    spec.commandLine(),
                    "--out " + out + " already holds other files (" + shown + "), which a reader would take as part"
                            + " of the book: choose an empty folder or add --force");
        }
    }

    private static void printSummary(PrintWriter stdout, GenerationSummary summary, double seconds) {
        GeneratorSettings settings = summary.settings();
        stdout.printf(
                Locale.ROOT,
                "Wrote a book of %,d customers (seed %d, %s to %s) in %.1f s:%n",
                settings.customers(),
                settings.seed(),
                settings.windowStart(),
                settings.end(),
                seconds);
        for (GenerationSummary.WrittenFile file : summary.files()) {
            stdout.printf(Locale.ROOT, "  %-18s %,13d rows %10s%n", file.name(), file.rows(), size(file.path()));
        }
        stdout.printf(Locale.ROOT, "  %-18s %29s%n", summary.parameters().getFileName(), size(summary.parameters()));
        stdout.printf("Truth mix (archetype: customers, share, intended tier/stage):%n");
        for (Map.Entry<Archetype, Integer> entry :
                summary.customersByArchetype().entrySet()) {
            Archetype archetype = entry.getKey();
            stdout.printf(
                    Locale.ROOT,
                    "  %-22s %,11d %6.1f%%  %s/%s%n",
                    archetype.code(),
                    entry.getValue(),
                    100.0 * entry.getValue() / settings.customers(),
                    archetype.tier().code(),
                    archetype.stage().code());
        }
        summary.experimentSummary().ifPresent(experiment -> printExperiment(stdout, experiment));
        stdout.printf("Folder: %s%n", summary.parameters().getParent());
        stdout.flush();
    }

    private static void printExperiment(PrintWriter stdout, ExperimentSummary summary) {
        stdout.printf(
                Locale.ROOT,
                "Strategy '%s' from %s, outcomes to %s: %,d treatment, %,d control (%s).%n",
                summary.experiment().strategyId(),
                summary.experiment().start(),
                summary.windowEnd(),
                summary.treatment(),
                summary.control(),
                summary.assignments().getFileName());
        stdout.printf(
                Locale.ROOT,
                "True effects given: %s; realised in this book (every assigned customer without -> with):%n",
                summary.experiment().effects());
        ExperimentSummary.Realised churn = summary.churn();
        ExperimentSummary.Realised defaults = summary.highDefault();
        ExperimentSummary.Realised satisfaction = summary.mediumSatisfaction();
        stdout.printf(
                Locale.ROOT,
                "  churn                %6.2f%% -> %6.2f%%  ratio %.3f  (%,d customers)%n",
                100 * churn.without(),
                100 * churn.with(),
                churn.ratio(),
                churn.customers());
        stdout.printf(
                Locale.ROOT,
                "  high-tier default    %6.2f%% -> %6.2f%%  ratio %.3f  (%,d customers)%n",
                100 * defaults.without(),
                100 * defaults.with(),
                defaults.ratio(),
                defaults.customers());
        stdout.printf(
                Locale.ROOT,
                "  medium satisfaction  %7.3f -> %7.3f  difference %+.3f  (%,d customers)%n",
                satisfaction.without(),
                satisfaction.with(),
                satisfaction.difference(),
                satisfaction.customers());
    }

    private static String size(Path file) {
        try {
            double bytes = Files.size(file);
            if (bytes >= 1e9) {
                return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
            }
            return bytes >= 1e6
                    ? String.format(Locale.ROOT, "%.1f MB", bytes / 1e6)
                    : String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
        } catch (IOException e) {
            return "?";
        }
    }

    /** Strict {@code yyyy-MM-dd} dates, with a message that says what was expected. */
    static final class IsoDate implements CommandLine.ITypeConverter<LocalDate> {
        private static final DateTimeFormatter FORMAT =
                DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value, FORMAT);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a date like 2026-09-30");
            }
        }
    }
}
