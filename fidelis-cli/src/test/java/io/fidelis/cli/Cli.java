package io.fidelis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the fidelis command in this JVM and captures what it prints. */
final class Cli {

    /** What one command did: its exit code and its output. */
    record Result(int exit, String out, String err) {}

    /** Customers in the generated books of these tests: small, so that each test class stays within seconds. */
    static final int CUSTOMERS = 300;

    /** The generated book's end date, the as-of date the tests classify at. */
    static final String AS_OF = "2026-09-30";

    private Cli() {}

    static synchronized Result run(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    /** Generates a book of {@link #CUSTOMERS} customers and imports it into {@code folder}/workspace. */
    static Path generatedWorkspace(Path folder, long seed) {
        Path book = folder.resolve("book");
        Path workspace = folder.resolve("workspace");
        Result generated = run(
                "generate",
                "--customers",
                Integer.toString(CUSTOMERS),
                "--seed",
                Long.toString(seed),
                "--out",
                book.toString());
        assertThat(generated.exit()).as(generated.err()).isEqualTo(Main.OK);
        Result imported = run("import", book.toString(), "--workspace", workspace.toString());
        assertThat(imported.exit()).as(imported.out()).isEqualTo(Main.OK);
        return workspace;
    }

    /** The run id that {@code classify} printed ({@code Run N: ...}). */
    static long runId(Result result) {
        java.util.regex.Matcher run =
                java.util.regex.Pattern.compile("Run (\\d+): ").matcher(result.out());
        assertThat(run.find()).as(result.out()).isTrue();
        return Long.parseLong(run.group(1));
    }

    /** Every result of a stored run, in customer order. */
    static java.util.List<io.fidelis.store.RunResult> results(io.fidelis.store.Runs runs, long runId) {
        java.util.List<io.fidelis.store.RunResult> results = new java.util.ArrayList<>();
        runs.forEachResult(runId, results::add);
        return results;
    }

    /** The prediction series of the workspace's book at {@link #AS_OF}, labelled for {@code outcome}. */
    static PredictionBook.Series seriesAtAsOf(Path workspace, io.fidelis.predict.Outcome outcome) throws Exception {
        try (io.fidelis.store.duckdb.DuckDbBookStore book = io.fidelis.store.duckdb.DuckDbBookStore.open(workspace)) {
            return PredictionBook.series(
                    book,
                    io.fidelis.store.policy.PolicyYaml.shipped("default"),
                    java.time.LocalDate.parse(AS_OF),
                    java.time.LocalDate.parse(AS_OF),
                    io.fidelis.predict.ChurnModels.HORIZON_MONTHS,
                    outcome);
        }
    }

    /** {@code fidelis explain CUSTOMER --as-of AS_OF --model MODEL [more options]} on the workspace. */
    static Result explainWithModel(Path workspace, String customer, String model, String... more) {
        java.util.List<String> args =
                new java.util.ArrayList<>(java.util.List.of("explain", customer, "--as-of", AS_OF, "--model", model));
        args.addAll(java.util.List.of(more));
        args.add("--workspace");
        args.add(workspace.toString());
        return run(args.toArray(String[]::new));
    }
}
