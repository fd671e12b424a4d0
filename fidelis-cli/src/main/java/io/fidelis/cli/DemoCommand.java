package io.fidelis.cli;

import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import io.fidelis.generator.GeneratorSettings;
import io.fidelis.generator.Truth;
import io.fidelis.store.RunHeader;
import io.fidelis.store.RunResult;
import io.fidelis.store.Runs;
import io.fidelis.store.duckdb.DuckDbBookStore;
import io.fidelis.store.duckdb.DuckDbRuns;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fidelis demo}: the seed's story end to end on the embedded database, through the same commands a user runs:
 * three years of a lender's book, in which a strategy started a year before the end for a randomised half of the
 * customers (the seed's worked case, with effects the generator knows); classification as of the end date with three
 * customers explained; the monthly history and how customers moved over the strategy's year; the evaluation of the
 * strategy against its control group, with intervals; the report (HTML and Excel); and the agreement with the classes
 * the generator intended.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the main job on the embedded database: generates three years of a synthetic book of corporate"
                    + " borrowers in which the seed's strategies started a year before the end for a randomised half"
                    + " of the customers, imports it, classifies every customer as of the end date, explains three of"
                    + " them, classifies every month-end, shows how customers moved over the strategy's year,"
                    + " evaluates the strategy against its control group, writes the HTML and Excel report, and"
                    + " compares the classes with those the generator intended (truth.csv).",
            "Each step is the command of the same name; the demo prints which one, so you can run it yourself."
        })
final class DemoCommand implements Callable<Integer> {

    /** The seed's worked case: the strategy the demo's book simulates. */
    static final String STRATEGY = "worked-case";

    /** Its true effects: churn hazard -30%, high-tier default -20%, medium-tier satisfaction +0.3. */
    static final String EFFECTS = "churn=-0.30,high_default=-0.20,medium_satisfaction=+0.3";

    @Option(
            names = "--customers",
            defaultValue = "5000",
            paramLabel = "N",
            description = "customers in the generated book (default: ${DEFAULT-VALUE})")
    int customers;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--workspace",
            paramLabel = "W",
            defaultValue = "fidelis-workspace",
            description = "where the book and its runs are kept (default: ${DEFAULT-VALUE} in the current folder)")
    Path workspace;

    @Option(
            names = "--lang",
            defaultValue = "en",
            paramLabel = "en|zh",
            description = "language of the explanations (default: ${DEFAULT-VALUE})")
    String lang;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path book = workspace.resolve("demo-book");
        LocalDate asOf = GeneratorSettings.DEFAULT_END;
        LocalDate strategyStart = asOf.minusYears(1);

        List<List<String>> steps = List.of(
                List.of(
                        "generate",
                        "--customers",
                        Integer.toString(customers),
                        "--seed",
                        Long.toString(seed),
                        "--out",
                        book.toString(),
                        "--strategy-start",
                        strategyStart.toString(),
                        "--strategy-id",
                        STRATEGY,
                        "--effects",
                        EFFECTS,
                        "--force"),
                List.of("import", book.toString(), "--workspace", workspace.toString()),
                List.of("classify", "--as-of", asOf.toString(), "--workspace", workspace.toString()));
        int step = 0;
        for (List<String> command : steps) {
            int code = run(out, err, ++step, command);
            if (code != Main.OK) {
                return code;
            }
        }

        Classified classified = readRun(asOf, Truth.read(book));
        for (String customerId : classified.chosen()) {
            int code = run(
                    out,
                    err,
                    ++step,
                    List.of(
                            "explain",
                            customerId,
                            "--as-of",
                            asOf.toString(),
                            "--lang",
                            lang,
                            "--workspace",
                            workspace.toString()));
            if (code != Main.OK) {
                return code;
            }
        }
        List<List<String>> evidence = List.of(
                List.of(
                        "classify",
                        "--from",
                        YearMonth.from(asOf).minusMonths(35).atEndOfMonth().toString(),
                        "--to",
                        asOf.toString(),
                        "--every",
                        "month",
                        "--workspace",
                        workspace.toString()),
                List.of(
                        "migrate",
                        "--from",
                        strategyStart.toString(),
                        "--to",
                        asOf.toString(),
                        "--workspace",
                        workspace.toString()),
                List.of(
                        "assign",
                        "--import",
                        book.resolve("assignments.csv").toString(),
                        "--replace",
                        "--workspace",
                        workspace.toString()),
                List.of(
                        "evaluate",
                        "--strategy",
                        STRATEGY,
                        "--start",
                        strategyStart.toString(),
                        "--workspace",
                        workspace.toString()),
                List.of(
                        "report",
                        "--out",
                        workspace.resolve("report").toString(),
                        "--as-of",
                        asOf.toString(),
                        "--workspace",
                        workspace.toString()));
        for (List<String> command : evidence) {
            int code = run(out, err, ++step, command);
            if (code != Main.OK) {
                return code;
            }
        }
        out.println("The generator put these effects into the treated half: " + EFFECTS + " (realised values in "
                + book.resolve("generation.json") + ").");
        banner(out, ++step, "agreement with the classes the generator intended (" + book.resolve("truth.csv") + ")");
        out.printf(
                Locale.ROOT,
                "Of %,d customers, the tier agrees with the generator's intention for %.1f%% and the stage for %.1f%%."
                        + "%nThe generator's classes are a story, not a law: new customers have a short history,"
                        + " which the seed calls low loyalty, and steady payers sit near the high band's edge.%n",
                classified.compared(),
                100.0 * classified.tiersAgreeing() / classified.compared(),
                100.0 * classified.stagesAgreeing() / classified.compared());
        out.println();
        out.println("Done. The workspace is " + workspace.toAbsolutePath() + "; try: fidelis export --as-of " + asOf
                + " --format csv --out customers.csv --workspace " + workspace);
        out.flush();
        return Main.OK;
    }

    private int run(PrintWriter out, PrintWriter err, int step, List<String> command) {
        banner(out, step, "fidelis " + String.join(" ", command));
        CommandLine cli = Main.commandLine();
        cli.setOut(out);
        cli.setErr(err);
        int code = cli.execute(command.toArray(String[]::new));
        out.flush();
        if (code != Main.OK) {
            err.println("fidelis demo: step " + step + " failed with exit code " + code);
        }
        return code;
    }

    private static void banner(PrintWriter out, int step, String what) {
        out.println();
        out.println("=== " + step + ". " + what);
        out.println();
        out.flush();
    }

    /**
     * What the demo needs of the run as of {@code asOf}, read in one pass: the three customers to explain, and how
     * many customers' tier and stage agree with the generator's intention.
     */
    private record Classified(List<String> chosen, long compared, long tiersAgreeing, long stagesAgreeing) {}

    /** A high-loyalty active customer, a medium one, a low-loyalty churned one; and the agreement with truth.csv. */
    private Classified readRun(LocalDate asOf, Map<String, Truth.Intended> truth) {
        Map<String, String> firstOfKind = new LinkedHashMap<>();
        long[] counts = new long[3];
        try (DuckDbBookStore store = DuckDbBookStore.open(workspace)) {
            Runs runs = DuckDbRuns.of(store);
            RunHeader run = runs.latest(asOf).orElseThrow();
            runs.forEachResult(run.runId(), result -> {
                String kind = kind(result);
                if (kind != null) {
                    firstOfKind.putIfAbsent(kind, result.customerId());
                }
                Truth.Intended intended = truth.get(result.customerId());
                if (intended != null) {
                    counts[0]++;
                    if (Tier.valueOf(intended.tier().toUpperCase(Locale.ROOT)) == result.tier()) {
                        counts[1]++;
                    }
                    if (Stage.valueOf(intended.stage().toUpperCase(Locale.ROOT)) == result.stage()) {
                        counts[2]++;
                    }
                }
            });
        }
        List<String> chosen = new ArrayList<>(3);
        for (List<String> preference :
                List.of(List.of("high/active"), List.of("medium/dormant", "medium/active"), List.of("low/churned"))) {
            preference.stream()
                    .map(firstOfKind::get)
                    .filter(id -> id != null)
                    .findFirst()
                    .ifPresent(chosen::add);
        }
        return new Classified(chosen, counts[0], counts[1], counts[2]);
    }

    private static String kind(RunResult result) {
        String kind = result.tier().name().toLowerCase(Locale.ROOT) + "/"
                + result.stage().name().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "high/active", "medium/dormant", "medium/active", "low/churned" -> kind;
            default -> null;
        };
    }
}
