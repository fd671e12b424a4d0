package io.fidelis.cli;

import io.fidelis.store.RunCounts;
import io.fidelis.store.RunHeader;
import io.fidelis.store.RunProvenance;
import io.fidelis.store.duckdb.DuckDbBookStore;
import io.fidelis.store.duckdb.DuckDbOverrides;
import io.fidelis.store.duckdb.DuckDbRuns;
import io.fidelis.store.policy.PolicyException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fidelis classify --as-of DATE}: classifies every customer and stores the results as a new run. */
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
            "Exit codes: 0 classified, 1 no book or a bad policy, 2 wrong command line."
        })
final class ClassifyCommand extends BookCommand {

    @Option(
            names = "--as-of",
            required = true,
            paramLabel = "yyyy-MM-dd",
            converter = GenerateCommand.IsoDate.class,
            description = "the date to classify as of: nothing dated after it is read")
    LocalDate asOf;

    @Mixin
    PolicyOption policy;

    @Override
    int execute(PrintWriter out, PrintWriter err) throws PolicyException {
        PolicyOption.Loaded loaded = policy.load();
        try (DuckDbBookStore book = openBook()) {
            long started = System.nanoTime();
            RunHeader run = classify(book, loaded, asOf);
            double seconds = (System.nanoTime() - started) / 1e9;
            RunCounts counts = DuckDbRuns.of(book).counts(run.runId());
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

    /** Classifies the book as of {@code asOf} into a new run, with a progress bar on stderr. */
    static RunHeader classify(DuckDbBookStore book, PolicyOption.Loaded loaded, LocalDate asOf) {
        DuckDbRuns runs = DuckDbRuns.of(book);
        Evaluation evaluation =
                new Evaluation(loaded.policy(), asOf, DuckDbOverrides.of(book).inForce(asOf));
        RunProvenance provenance = new RunProvenance(
                loaded.policy().id(),
                loaded.policy().version(),
                loaded.sha256(),
                asOf,
                book.inputFingerprint(),
                Main.codeVersion(),
                evaluation.priors(),
                Instant.now());
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        long customers = customers(book);
        try (ProgressBar bar = progressBar(customers)) {
            RunHeader run = new ClassifyPortfolio(book, runs, evaluation, workers).run(provenance, bar::stepTo);
            bar.stepTo(run.customers());
            return run;
        }
    }

    private static ProgressBar progressBar(long customers) {
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName("classify")
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
