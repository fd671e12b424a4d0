package io.fidelis.cli;

import static io.fidelis.cli.ExperimentBook.START;
import static io.fidelis.cli.ExperimentBook.STRATEGY;
import static io.fidelis.cli.ExperimentBook.fidelis;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;

    private static ExperimentBook experiment;
    private static Path workspace;

    @BeforeAll
    static void generateImportAndAssign() {
        experiment = ExperimentBook.generate(temp, 1_000, 61);
        workspace = experiment.freshWorkspace();
        Cli.Result assigned = fidelis(
                workspace, "assign", "--import", experiment.assignmentsFile().toString());
        assertThat(assigned.exit()).as(assigned.out() + assigned.err()).isEqualTo(Main.OK);
    }

    private static Cli.Result evaluate(Path workspace, String... options) {
        List<String> args = new ArrayList<>(List.of("evaluate", "--strategy", STRATEGY, "--start", START));
        args.addAll(List.of(options));
        return fidelis(workspace, args.toArray(String[]::new));
    }

    private static JsonNode json(String... options) throws IOException {
        List<String> all = new ArrayList<>(List.of(options));
        all.add("--json");
        Cli.Result result = evaluate(workspace, all.toArray(String[]::new));
        assertThat(result.exit()).as(result.err()).isEqualTo(Main.OK);
        return JSON.readTree(result.out());
    }

    @Test
    void theTableShowsEveryOutcomeByTierAndArmWithItsProvenance() {
        Cli.Result result = evaluate(workspace, "--min-group", "10");

        assertThat(result.exit()).as(result.err()).isEqualTo(Main.OK);
        assertThat(result.out())
                .contains("Evaluation of strategy worked-case 策略评估")
                .contains("before 之前 (2024-09-30, 2025-09-30], after 之后 (2025-09-30, 2026-09-30]")
                .contains("imported from assignments.csv (sha256:")
                .contains("input       sha256:")
                .contains("code        fidelis ")
                .contains("Default rate 违约率", "Mean satisfaction 平均满意度", "Net promoter score 净推荐值")
                .contains("Churn rate 流失率", "Reactivation of dormant customers 沉睡客户唤醒率")
                .contains("high loyalty 高忠诚度", "treatment 处理组", "control 对照组")
                .contains("difference-in-differences 双重差分");
    }

    @Test
    void belowTheMinimumGroupSizeItSaysNotEnoughDataInsteadOfANumber() {
        Cli.Result result = evaluate(workspace, "--min-group", "100000");

        assertThat(result.exit()).as(result.err()).isEqualTo(Main.OK);
        assertThat(result.out()).contains("not enough data (n=").doesNotContainPattern("\\d\\.\\d% \\[");
    }

    @Test
    void theJsonHoldsEveryEstimateWithItsIntervalAndPValue() throws IOException {
        JsonNode result = json("--min-group", "10");

        JsonNode provenance = result.get("provenance");
        assertThat(provenance.get("strategy_id").asText()).isEqualTo(STRATEGY);
        assertThat(provenance.get("start").asText()).isEqualTo(START);
        assertThat(provenance.at("/before/text").asText()).isEqualTo("(2024-09-30, 2025-09-30]");
        assertThat(provenance.at("/assignment/source").asText()).isEqualTo("imported");
        assertThat(provenance.at("/assignment/file_sha256").asText()).startsWith("sha256:");
        assertThat(provenance.at("/assignment/seed").isNull()).isTrue();
        assertThat(provenance.get("input_fingerprint").asText()).startsWith("sha256:");
        assertThat(provenance.get("code_version").asText()).isNotBlank();
        assertThat(result.get("outcomes"))
                .extracting(o -> o.get("outcome").asText())
                .containsExactly("default_rate", "satisfaction", "nps", "churn", "reactivation");

        JsonNode churn = EvaluationHonestyTest.group(result, "churn", "all");
        JsonNode difference = churn.get("treatment_minus_control_after");
        assertThat(difference.get("status").asText()).isEqualTo("estimate");
        assertThat(difference.get("lower").asDouble())
                .isLessThanOrEqualTo(difference.get("point").asDouble());
        assertThat(difference.get("upper").asDouble())
                .isGreaterThanOrEqualTo(difference.get("point").asDouble());
        assertThat(difference.get("p_value").asDouble()).isBetween(0.0, 1.0);
        assertThat(difference.get("p_holm").asDouble())
                .isGreaterThanOrEqualTo(difference.get("p_value").asDouble());
        assertThat(difference.get("method").asText()).startsWith("newcombe_hybrid_score");
        assertThat(churn.at("/treatment_over_control_after/method").asText()).startsWith("risk_ratio_katz");
        assertThat(churn.at("/difference_in_differences/method").asText()).isEqualTo("did_changes_welch");
        long customers = churn.at("/levels/treatment/after/customers").asLong()
                + churn.at("/levels/control/after/customers").asLong();
        assertThat(customers)
                .isEqualTo(Files.lines(experiment.assignmentsFile()).count() - 1);

        JsonNode satisfaction = EvaluationHonestyTest.group(result, "satisfaction", "medium");
        assertThat(satisfaction.at("/treatment_minus_control_after/method").asText())
                .isEqualTo("pooled_difference_cluster_welch");
        assertThat(satisfaction.has("treatment_over_control_after")).isFalse();
        assertThat(satisfaction.at("/levels/treatment/after/answers").asLong()).isPositive();
    }

    @Test
    void theJsonMarksGroupsBelowTheMinimum() throws IOException {
        JsonNode result = json("--min-group", "100000");

        JsonNode difference =
                EvaluationHonestyTest.group(result, "churn", "all").get("treatment_minus_control_after");
        assertThat(difference.get("status").asText()).isEqualTo("not_enough_data");
        assertThat(difference.get("text").asText()).startsWith("not enough data (n=");
        assertThat(difference.get("minimum_group_size").asInt()).isEqualTo(100000);
        assertThat(difference.has("point")).isFalse();
    }

    @Test
    void chartDataIsWrittenAsSeriesWithErrorBars() throws IOException {
        Path chart = temp.resolve("charts/evaluation.json");

        Cli.Result result = evaluate(workspace, "--min-group", "10", "--chart-data", chart.toString());

        assertThat(result.exit()).as(result.err()).isEqualTo(Main.OK);
        assertThat(result.out()).contains("Chart data written to " + chart);
        JsonNode data = JSON.readTree(Files.readString(chart, StandardCharsets.UTF_8));
        assertThat(data.at("/provenance/strategy_id").asText()).isEqualTo(STRATEGY);
        JsonNode charts = data.get("charts");
        assertThat(charts)
                .extracting(c -> c.get("id").asText())
                .contains(
                        "default_rate.levels",
                        "default_rate.effects",
                        "default_rate.ratio",
                        "satisfaction.levels",
                        "satisfaction.effects",
                        "churn.ratio",
                        "reactivation.levels");
        for (JsonNode c : charts) {
            assertThat(c.get("categories")).hasSize(4);
            for (JsonNode series : c.get("series")) {
                assertThat(series.get("data")).hasSize(4);
                for (JsonNode item : series.get("data")) {
                    JsonNode value = item.get("value");
                    assertThat(value).hasSize(4);
                    if (!value.get(1).isNull()) {
                        assertThat(value.get(2).asDouble())
                                .isLessThanOrEqualTo(value.get(1).asDouble());
                        assertThat(value.get(3).asDouble())
                                .isGreaterThanOrEqualTo(value.get(1).asDouble());
                    }
                }
            }
        }
        JsonNode churnLevels = charts.findParents("id").stream()
                .filter(c -> c.get("id").asText().equals("churn.levels"))
                .findFirst()
                .orElseThrow();
        assertThat(churnLevels.get("unit").asText()).isEqualTo("percent");
        assertThat(churnLevels.get("series")).hasSize(4);
    }

    @Test
    void withoutAssignmentsItSaysHowToAssign() {
        Path empty = experiment.freshWorkspace();

        Cli.Result result = evaluate(empty);

        assertThat(result.exit()).isEqualTo(Main.DATA_ERRORS);
        assertThat(result.err())
                .contains("no assignments for strategy worked-case")
                .contains("fidelis assign");
    }

    @Test
    void withoutStrataTheTiersComeFromTheRunAsOfTheStart() throws IOException {
        Path other = experiment.freshWorkspace();
        List<String> lines = Files.readAllLines(experiment.assignmentsFile(), StandardCharsets.UTF_8);
        List<String> withoutStrata = new ArrayList<>();
        for (String line : lines) {
            withoutStrata.add(line.substring(0, line.lastIndexOf(',', line.lastIndexOf(',') - 1)));
        }
        Path file = temp.resolve("no-strata.csv");
        Files.write(file, withoutStrata, StandardCharsets.UTF_8);
        assertThat(fidelis(other, "assign", "--import", file.toString()).exit()).isEqualTo(Main.OK);

        Cli.Result before = evaluate(other);
        fidelis(other, "classify", "--as-of", START);
        Cli.Result after = evaluate(other, "--min-group", "10");

        assertThat(before.exit()).isEqualTo(Main.DATA_ERRORS);
        assertThat(before.err()).contains("no classification run as of " + START);
        assertThat(after.exit()).as(after.err()).isEqualTo(Main.OK);
        assertThat(after.out()).contains("the strata recorded, else run 1 as of " + START);
        assertThat(after.out()).doesNotContain("Warning: the customers were assigned");
    }

    @Test
    void aStartOtherThanTheAssignmentDateIsWarnedAbout() {
        Cli.Result result =
                fidelis(workspace, "evaluate", "--strategy", STRATEGY, "--start", "2025-06-30", "--after-months", "6");

        assertThat(result.exit()).as(result.err()).isEqualTo(Main.OK);
        assertThat(result.out()).contains("Warning: the customers were assigned on " + START + ", not on --start");
    }
}
