package io.fidelis.cli;

import static io.fidelis.cli.Cli.AS_OF;
import static io.fidelis.cli.Cli.CUSTOMERS;
import static io.fidelis.cli.Cli.results;
import static io.fidelis.cli.Cli.runId;
import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.classification.DatedClassifier;
import io.fidelis.core.classification.ReasonCode;
import io.fidelis.store.RunHeader;
import io.fidelis.store.RunProvenance;
import io.fidelis.store.RunResult;
import io.fidelis.store.duckdb.DuckDbBookStore;
import io.fidelis.store.duckdb.DuckDbRuns;
import io.fidelis.store.policy.PolicyYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClassifyCommandTest {

    private static final Set<ReasonCode> HYSTERESIS = EnumSet.of(
            ReasonCode.TIER_HELD_BY_HYSTERESIS, ReasonCode.UPGRADE_PENDING, ReasonCode.CREDIT_EVENT_DOWNGRADES_AT_ONCE);

    @TempDir
    static Path temp;

    private static Path workspace;

    @BeforeAll
    static void importABook() {
        workspace = Cli.generatedWorkspace(temp, 11);
    }

    private static Cli.Result classify(String... options) {
        List<String> args = new ArrayList<>(List.of("classify", "--workspace", workspace.toString()));
        args.addAll(Arrays.asList(options));
        return Cli.run(args.toArray(String[]::new));
    }

    /** The numbers of a table row that starts with {@code label}. */
    private static long[] row(String out, String label) {
        String line = out.lines()
                .filter(l -> l.startsWith(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label + " in\n" + out));
        return Arrays.stream(line.substring(label.length()).trim().split("\\s+"))
                .mapToLong(n -> Long.parseLong(n.replace(",", "")))
                .toArray();
    }

    @Test
    void classifyPrintsTheRunHeaderAndATierByStageTableThatAddsUpToTheBook() {
        Cli.Result result = classify("--as-of", AS_OF);

        assertThat(result.exit()).as(result.err()).isEqualTo(Main.OK);
        assertThat(result.out())
                .contains(CUSTOMERS + " customers as of " + AS_OF)
                .containsPattern("policy +default@\\S+ +sha256:[0-9a-f]{64}")
                .containsPattern("input +sha256:[0-9a-f]{64}")
                .contains("code      fidelis ")
                .contains("priors    chained month-ends 2026-07-31, 2026-08-31")
                .contains("new 新客户", "active 活跃客户", "dormant 沉睡客户", "churned 流失客户")
                .contains("Guardrail conflicts");
        long[] high = row(result.out(), "high loyalty 高忠诚度");
        long[] medium = row(result.out(), "medium loyalty 中忠诚度");
        long[] low = row(result.out(), "low loyalty 低忠诚度");
        long[] total = row(result.out(), "total 合计");
        for (int column = 0; column < total.length; column++) {
            assertThat(high[column] + medium[column] + low[column]).isEqualTo(total[column]);
        }
        for (long[] tier : List.of(high, medium, low, total)) {
            assertThat(Arrays.stream(tier, 0, 4).sum()).isEqualTo(tier[4]);
        }
        assertThat(total[4]).isEqualTo(CUSTOMERS);
        assertThat(result.err()).contains("classify 100%");
    }

    @Test
    void classifyingAgainMakesANewRunWithTheSameResults() {
        long first = runId(classify("--as-of", AS_OF));
        long second = runId(classify("--as-of", AS_OF));

        assertThat(second).isGreaterThan(first);
        try (DuckDbBookStore book = DuckDbBookStore.open(workspace)) {
            DuckDbRuns runs = DuckDbRuns.of(book);
            RunProvenance one = runs.run(first).orElseThrow().provenance();
            RunProvenance two = runs.run(second).orElseThrow().provenance();
            assertThat(two.createdAt()).isAfterOrEqualTo(one.createdAt());
            assertThat(new RunProvenance(
                            two.policyId(),
                            two.policyVersion(),
                            two.policySha256(),
                            two.asOf(),
                            two.inputFingerprint(),
                            two.codeVersion(),
                            two.priors(),
                            one.createdAt()))
                    .isEqualTo(one);
            assertThat(one.inputFingerprint()).isEqualTo(book.inputFingerprint());
            assertThat(results(runs, second)).hasSize(CUSTOMERS).isEqualTo(results(runs, first));
        }
    }

    @Test
    void theRunIsTheSameWhateverTheNumberOfThreadsOrRangesAndEqualsClassifyingOneByOne() throws Exception {
        LocalDate asOf = LocalDate.parse(AS_OF);
        try (DuckDbBookStore book = DuckDbBookStore.open(workspace)) {
            DuckDbRuns runs = DuckDbRuns.of(book);
            DatedClassifier evaluation = new DatedClassifier(PolicyYaml.shipped("default"), asOf, Map.of());
            RunProvenance provenance = new RunProvenance(
                    "default",
                    evaluation.policy().version(),
                    "sha256:test",
                    asOf,
                    book.inputFingerprint(),
                    "test",
                    evaluation.priors(),
                    Instant.EPOCH);
            List<RunResult> oneByOne = new ArrayList<>();
            book.forEachHistory(history -> oneByOne.add(RunResult.of(evaluation.classify(history))));

            RunHeader single = new ClassifyPortfolio(book, runs, evaluation, 1).run(provenance, done -> {});
            RunHeader three = new ClassifyPortfolio(book, runs, evaluation, 3).run(provenance, done -> {});
            RunHeader smallRanges = new ClassifyPortfolio(book, runs, evaluation, 2, 7).run(provenance, done -> {});
            RunHeader unsplit =
                    new ClassifyPortfolio(new UnsplitBook(book), runs, evaluation, 2).run(provenance, done -> {});

            assertThat(results(runs, single.runId())).isEqualTo(oneByOne);
            assertThat(results(runs, three.runId())).isEqualTo(oneByOne);
            assertThat(results(runs, smallRanges.runId())).isEqualTo(oneByOne);
            assertThat(results(runs, unsplit.runId())).isEqualTo(oneByOne);
        }
    }

    @Test
    void hysteresisOfTheDefaultPolicyShowsInTheReasonsAndTheSeedCasePolicyHasNone() {
        long withHysteresis = runId(classify("--as-of", AS_OF));
        Cli.Result seedCase = classify("--as-of", AS_OF, "--policy", "seed-case");

        assertThat(seedCase.out()).contains("priors    none (hysteresis off)");
        try (DuckDbBookStore book = DuckDbBookStore.open(workspace)) {
            DuckDbRuns runs = DuckDbRuns.of(book);
            assertThat(results(runs, withHysteresis))
                    .anySatisfy(r -> assertThat(r.tierReasons()).containsAnyElementsOf(HYSTERESIS));
            assertThat(results(runs, runId(seedCase)))
                    .allSatisfy(r -> assertThat(r.tierReasons()).doesNotContainAnyElementsOf(HYSTERESIS));
        }
    }

    @Test
    void aWorkspaceWithoutABookAsksForAnImportAndIsNotCreated(@TempDir Path empty) {
        Path nowhere = empty.resolve("workspace");

        Cli.Result result = Cli.run("classify", "--as-of", AS_OF, "--workspace", nowhere.toString());

        assertThat(result.exit()).isEqualTo(Main.DATA_ERRORS);
        assertThat(result.err()).contains("import a book first: fidelis import DIR");
        assertThat(nowhere).doesNotExist();
    }

    @Test
    void aBookWithoutCustomersAsksForAnImport(@TempDir Path empty) {
        Path fresh = empty.resolve("workspace");
        DuckDbBookStore.open(fresh).close();

        Cli.Result result = Cli.run("classify", "--as-of", AS_OF, "--workspace", fresh.toString());

        assertThat(result.exit()).isEqualTo(Main.DATA_ERRORS);
        assertThat(result.err()).contains("has no customers; import a book first: fidelis import DIR");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30", "30/09/2026", "2026-9-30", "tomorrow"})
    void aBadDateIsAUsageError(String date) {
        Cli.Result result = classify("--as-of", date);

        assertThat(result.exit()).isEqualTo(Main.USAGE);
        assertThat(result.err()).contains("'" + date + "' is not a date like 2026-09-30");
    }

    @Test
    void anAsOfDateOrASeriesIsRequired() {
        Cli.Result result = classify();

        assertThat(result.exit()).isEqualTo(Main.USAGE);
        assertThat(result.err())
                .contains("give --as-of DATE, or --from DATE --to DATE --every month for one run per month-end");
    }

    @Test
    void anUnknownPolicyIsAUsageError() {
        Cli.Result result = classify("--as-of", AS_OF, "--policy", "lenient");

        assertThat(result.exit()).isEqualTo(Main.USAGE);
        assertThat(result.err())
                .contains(
                        "--policy lenient is neither a file nor a shipped policy (default, seed-case, activity-model)");
    }

    @Test
    void aBrokenPolicyFileIsADataErrorNamingTheFile(@TempDir Path folder) throws IOException {
        Path policy = Files.writeString(folder.resolve("broken.yaml"), "id: broken\nversion: 1\n");

        Cli.Result result = classify("--as-of", AS_OF, "--policy", policy.toString());

        assertThat(result.exit()).isEqualTo(Main.DATA_ERRORS);
        assertThat(result.err()).contains("the policy cannot be used", policy.toString());
    }
}
