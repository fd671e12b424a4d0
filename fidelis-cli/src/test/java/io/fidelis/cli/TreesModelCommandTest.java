package io.fidelis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fidelis.predict.ModelFiles;
import io.fidelis.predict.Outcome;
import io.fidelis.predict.StoredModel;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Boosted trees through the commands: fitted and stored by {@code model fit --algorithm trees}, then listed, explained,
 * watched, compared with a logistic champion and monitored like a logistic model.
 */
class TreesModelCommandTest {

    @TempDir
    static Path temp;

    private static Path workspace;
    private static Cli.Result logistic;
    private static Cli.Result trees;

    @BeforeAll
    static void fitALogisticAndATreesDefaultModel() {
        workspace = Cli.generatedWorkspace(temp, 43);
        logistic =
                Cli.run("model", "fit", "--kind", "default", "--as-of", Cli.AS_OF, "--workspace", workspace.toString());
        trees = fitTrees();
        System.out.println(trees.out());
    }

    /** {@code fidelis model fit --kind default --algorithm trees} on the test workspace. */
    private static Cli.Result fitTrees() {
        return Cli.run(
                "model",
                "fit",
                "--kind",
                "default",
                "--algorithm",
                "trees",
                "--as-of",
                Cli.AS_OF,
                "--workspace",
                workspace.toString());
    }

    @Test
    void fitStoresTreesWithTheirSettingsBaselinesAndReference() {
        assertThat(logistic.exit()).as(logistic.err()).isZero();
        assertThat(trees.exit()).as(trees.err()).isZero();
        assertThat(trees.out())
                .contains("Default model default-2 as of 2026-09-30")
                .contains("Algorithm: boosted trees (300 trees, depth 4, eta 0.05, 1 thread)")
                .contains(
                        "boosted trees (credit-risk short list)", "recency alone", "rule-based stage", "majority class")
                .contains("default-2.json (trees, policy default");
        StoredModel stored = new ModelFiles(workspace).load("default-2").orElseThrow();
        assertThat(stored.algorithm()).isEqualTo("trees");
        assertThat(stored.model()).isNull();
        assertThat(stored.trees().settings().trees()).isEqualTo(300);
        assertThat(stored.provenance().seed()).isEqualTo(42);
        assertThat(stored.provenance().inputFingerprint()).startsWith("sha256:");
        assertThat(stored.heldOutAuc()).containsKeys("recency alone", "rule-based stage", "majority class");
        assertThat(stored.referenceScoreShares()).isNotEmpty();
    }

    @Test
    void theSameFitAgainStoresTheSameTrees() {
        Cli.Result refit = fitTrees();
        assertThat(refit.exit()).as(refit.err()).isZero();
        ModelFiles files = new ModelFiles(workspace);
        String first = files.load("default-2").orElseThrow().trees().booster();
        java.util.regex.Matcher id =
                java.util.regex.Pattern.compile("Default model (default-\\d+)").matcher(refit.out());
        assertThat(id.find()).isTrue();
        assertThat(id.group(1)).isNotEqualTo("default-2");
        String second = files.load(id.group(1)).orElseThrow().trees().booster();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void listShowsEachModelsAlgorithm() {
        Cli.Result listed = Cli.run("model", "list", "--workspace", workspace.toString());
        assertThat(listed.out()).containsPattern("default-1\\s+logistic").containsPattern("default-2\\s+trees");
    }

    @Test
    void explainWithTreesGivesTreeShapContributionsThatAddUpToTheMargin() throws Exception {
        StoredModel stored = new ModelFiles(workspace).load("default-2").orElseThrow();
        PredictionBook.Series series = Cli.seriesAtAsOf(workspace, Outcome.DEFAULT);
        int borrower = 0;
        while (!Outcome.DEFAULT.atRisk(series.snapshots().get(borrower))) {
            borrower++;
        }
        String customer = series.snapshots().get(borrower).customerId();
        double watched = stored.scorer().probability(series.observations().get(borrower));

        Cli.Result text = Cli.explainWithModel(workspace, customer, "default-2");
        Cli.Result json = Cli.explainWithModel(workspace, customer, "default-2", "--json");

        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out())
                .contains("Model default-2 (default within 6 months, boosted trees, TreeSHAP)")
                .contains("expected over training");
        JsonNode model = new ObjectMapper().readTree(json.out()).get("model");
        assertThat(model.get("algorithm").asText()).isEqualTo("trees");
        double sum = model.get("intercept").asDouble();
        for (JsonNode contribution : model.get("contributions")) {
            sum += contribution.get("log_odds").asDouble();
        }
        // xgboost adds its 32-bit float contributions: they meet the margin to about 1e-6 of its size
        assertThat(sum).isCloseTo(model.get("log_odds").asDouble(), within(1e-4));
        assertThat(model.get("probability").asDouble())
                .isCloseTo(1 / (1 + Math.exp(-model.get("log_odds").asDouble())), within(1e-5))
                .isEqualTo(watched);
    }

    @Test
    void watchWorksWithATreesModel() {
        Cli.Result watched = Cli.run(
                "watch",
                "--model",
                "default-2",
                "--as-of",
                Cli.AS_OF,
                "--top",
                "3",
                "--workspace",
                workspace.toString());
        assertThat(watched.exit()).as(watched.err()).isZero();
        assertThat(watched.out()).contains("default probability rose most", "(model default-2)", "suggested: ");
    }

    @Test
    void compareScoresALogisticChampionAndATreesChallengerOnTheSameMonths() {
        Cli.Result compared = Cli.run(
                "model",
                "compare",
                "default-1",
                "default-2",
                "--as-of",
                Cli.AS_OF,
                "--workspace",
                workspace.toString());
        assertThat(compared.exit()).as(compared.err()).isZero();
        assertThat(compared.out())
                .containsPattern("default-1\\s+logistic\\s+champion")
                .containsPattern("default-2\\s+trees\\s+challenger")
                .contains("2026-03-31");
    }

    @Test
    void monitorWorksWithATreesModel() {
        Cli.Result monitored = Cli.run(
                "model",
                "monitor",
                "default-2",
                "--as-of",
                Cli.AS_OF,
                "--against",
                "2025-09-30",
                "--workspace",
                workspace.toString());
        assertThat(monitored.exit()).as(monitored.err()).isZero();
        assertThat(monitored.out())
                .contains("Model default-2 (trees)", "PSI", "month-end", "AUC")
                .containsPattern("Score at " + Cli.AS_OF + " against the training reference: PSI \\d+\\.\\d{3} \\("
                        + "(stable|moderate shift|major shift)\\)");
    }

    @Test
    void anUnknownAlgorithmIsAUsageErrorNamingTheChoices() {
        Cli.Result result = Cli.run(
                "model", "fit", "--algorithm", "forest", "--as-of", Cli.AS_OF, "--workspace", workspace.toString());
        assertThat(result.exit()).isEqualTo(Main.USAGE);
        assertThat(result.err()).contains("logistic, trees");
    }
}
