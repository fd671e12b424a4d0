package io.fidelis.cli;

import static io.fidelis.cli.Cli.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fidelis.core.classification.ReasonCode;
import io.fidelis.core.features.FeatureId;
import io.fidelis.store.RunHeader;
import io.fidelis.store.RunResult;
import io.fidelis.store.duckdb.DuckDbBookStore;
import io.fidelis.store.duckdb.DuckDbRuns;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The activity model end to end: classify, explain and export under a policy with {@code stages.activity_model}
 * (the shipped activity-model policy with Dormant below P(alive) 0.30 and Churned below 0.03, so that a 300-customer
 * book has customers it moves), against the default policy on the same book.
 */
class ActivityModelCommandTest {

    private static final Set<ReasonCode> MODEL_REASONS =
            Set.of(ReasonCode.STAGE_DORMANT_ACTIVITY_MODEL, ReasonCode.CHURNED_ACTIVITY_MODEL);

    @TempDir
    static Path temp;

    private static Path workspace;
    private static Path policy;
    private static List<RunResult> standard;
    private static List<RunResult> withModel;
    private static RunHeader withModelHeader;

    @BeforeAll
    static void classifyTheBookWithAndWithoutTheModel() throws Exception {
        workspace = Cli.generatedWorkspace(temp, 23);
        String shipped;
        try (InputStream in = ActivityModelCommandTest.class.getResourceAsStream("/policies/activity-model.yaml")) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        policy = temp.resolve("wider.yaml");
        Files.writeString(
                policy,
                shipped.replace("{feature: p_alive, below: 0.10}", "{feature: p_alive, below: 0.30}")
                        .replace("{feature: p_alive, below: 0.01}", "{feature: p_alive, below: 0.03}"));
        long standardRun = Cli.runId(classify("--policy", "default"));
        long modelRun = Cli.runId(classify("--policy", policy.toString()));
        try (DuckDbBookStore book = DuckDbBookStore.open(workspace)) {
            DuckDbRuns runs = DuckDbRuns.of(book);
            standard = Cli.results(runs, standardRun);
            withModel = Cli.results(runs, modelRun);
            withModelHeader = runs.run(modelRun).orElseThrow();
        }
    }

    private static Cli.Result classify(String... options) {
        List<String> args = new ArrayList<>(List.of("classify", "--as-of", AS_OF, "--workspace", workspace.toString()));
        args.addAll(List.of(options));
        Cli.Result result = Cli.run(args.toArray(String[]::new));
        assertThat(result.exit()).as(result.err()).isEqualTo(Main.OK);
        return result;
    }

    private static Cli.Result explain(String customerId, String... options) {
        List<String> args = new ArrayList<>(List.of(
                "explain",
                customerId,
                "--as-of",
                AS_OF,
                "--workspace",
                workspace.toString(),
                "--policy",
                policy.toString()));
        args.addAll(List.of(options));
        Cli.Result result = Cli.run(args.toArray(String[]::new));
        assertThat(result.exit()).as(result.err()).isEqualTo(Main.OK);
        return result;
    }

    private static RunResult aMovedCustomer() {
        for (int i = 0; i < withModel.size(); i++) {
            if (withModel.get(i).stage() != standard.get(i).stage()) {
                return withModel.get(i);
            }
        }
        throw new AssertionError("the activity model moved nobody");
    }

    @Test
    void theModelOnlyMovesStagesAndEveryMoveSaysSo() {
        int moved = 0;
        for (int i = 0; i < standard.size(); i++) {
            RunResult before = standard.get(i);
            RunResult after = withModel.get(i);
            assertThat(after.customerId()).isEqualTo(before.customerId());
            assertThat(after.tier()).as(after.customerId()).isEqualTo(before.tier());
            assertThat(after.score()).isEqualTo(before.score());
            if (after.stage() != before.stage()) {
                moved++;
                assertThat(after.stageReasons()).as(after.customerId()).containsAnyElementsOf(MODEL_REASONS);
                assertThat(after.feature(FeatureId.P_ALIVE).get()).isLessThan(0.30);
            } else {
                assertThat(after.stageReasons()).doesNotContainAnyElementsOf(MODEL_REASONS);
            }
        }
        assertThat(moved).isPositive();
    }

    @Test
    void theFeaturesAreStoredWithTheModelAndMissingWithoutIt() {
        assertThat(standard)
                .allSatisfy(
                        r -> assertThat(r.feature(FeatureId.P_ALIVE).present()).isFalse());
        long present = withModel.stream()
                .filter(r -> r.feature(FeatureId.P_ALIVE).present())
                .count();
        assertThat(present).isGreaterThan(Cli.CUSTOMERS * 9L / 10);
        assertThat(withModel)
                .allSatisfy(r -> assertThat(
                                r.feature(FeatureId.EXPECTED_ACTIVITY_26W).present())
                        .isEqualTo(r.feature(FeatureId.P_ALIVE).present()));
    }

    @Test
    void theRunsProvenanceCarriesTheFittedParameters() {
        assertThat(withModelHeader.provenance().priors())
                .contains("activity model BG/NBD as of " + AS_OF + " on ")
                .containsPattern("r=[0-9.]+ alpha=[0-9.]+ a=[0-9.]+ b=[0-9.]+ log-likelihood=-[0-9.]+");
    }

    @Test
    void explainShowsTheModelsFeaturesInEnglishChineseAndJsonWithTheStoredValues() throws Exception {
        RunResult moved = aMovedCustomer();

        Cli.Result english = explain(moved.customerId());
        Cli.Result chinese = explain(moved.customerId(), "--lang", "zh");
        JsonNode json = new ObjectMapper()
                .readTree(explain(moved.customerId(), "--json").out());

        assertThat(english.out())
                .contains("Activity model (BG/NBD):", "probability still active (BG/NBD): ")
                .containsAnyOf("Dormant by the activity model", "Churned by the activity model");
        assertThat(chinese.out()).contains("活跃度模型（BG/NBD）", "仍活跃的概率（BG/NBD）");
        JsonNode pAlive = json.at("/activity_model/features/0");
        assertThat(pAlive.get("feature").asText()).isEqualTo("p_alive");
        // explain fits the model on the same book as of the same date: the value classify stored
        assertThat(pAlive.get("value").asDouble())
                .isEqualTo(moved.feature(FeatureId.P_ALIVE).get());
        assertThat(json.get("stage").get("stage").asText())
                .isEqualTo(moved.stage().code());
    }

    @Test
    void exportCarriesTheFeaturesAsColumns() throws Exception {
        Path file = temp.resolve("model.csv");
        Cli.Result exported = Cli.run(
                "export",
                "--run",
                Long.toString(withModelHeader.runId()),
                "--format",
                "csv",
                "--out",
                file.toString(),
                "--workspace",
                workspace.toString());
        assertThat(exported.exit()).as(exported.err()).isEqualTo(Main.OK);
        RunResult moved = aMovedCustomer();

        try (CSVParser csv = CSVParser.parse(
                file,
                StandardCharsets.UTF_8,
                CSVFormat.RFC4180.builder().setHeader().build())) {
            for (CSVRecord record : csv) {
                if (record.get("customer_id").equals(moved.customerId())) {
                    assertThat(Double.parseDouble(record.get("p_alive")))
                            .isEqualTo(moved.feature(FeatureId.P_ALIVE).get());
                    assertThat(record.get("expected_activity_26w")).isNotEmpty();
                    return;
                }
            }
        }
        throw new AssertionError("customer " + moved.customerId() + " not exported");
    }

    @Test
    void aSeriesRefusesThePolicyRatherThanClassifyWithoutTheModel() {
        Cli.Result series = Cli.run(
                "classify",
                "--from",
                "2026-07-01",
                "--to",
                AS_OF,
                "--workspace",
                workspace.toString(),
                "--policy",
                "activity-model");

        assertThat(series.exit()).isEqualTo(Main.USAGE);
        assertThat(series.err()).contains("stages.activity_model", "--as-of");
    }
}
