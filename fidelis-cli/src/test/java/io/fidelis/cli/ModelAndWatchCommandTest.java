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

class ModelAndWatchCommandTest {

    @TempDir
    static Path temp;

    private static Path workspace;
    private static Cli.Result fitted;

    @BeforeAll
    static void fitTwoModels() {
        workspace = Cli.generatedWorkspace(temp, 41);
        fitted = Cli.run("model", "fit", "--as-of", Cli.AS_OF, "--workspace", workspace.toString());
        Cli.run("model", "fit", "--as-of", Cli.AS_OF, "--seed", "7", "--workspace", workspace.toString());
    }

    @Test
    void fitPrintsTheModelBesideItsBaselinesAndStoresItWithProvenance() {
        assertThat(fitted.exit()).as(fitted.err()).isZero();
        assertThat(fitted.out())
                .contains("Churn model churn-1 as of 2026-09-30")
                .contains("rule-based stage", "recency alone", "majority class", "score decile", "top decile");
        StoredModel stored = new ModelFiles(workspace).load("churn-1").orElseThrow();
        assertThat(stored.provenance().seed()).isEqualTo(42);
        assertThat(stored.provenance().policyId()).isEqualTo("default");
        assertThat(stored.provenance().inputFingerprint()).startsWith("sha256:");
    }

    @Test
    void explainWithAModelGivesTheScoreWatchGivesAndContributionsThatAddUp() throws Exception {
        StoredModel stored = new ModelFiles(workspace).load("churn-1").orElseThrow();
        PredictionBook.Series series = Cli.seriesAtAsOf(workspace, Outcome.CHURN);
        String customer = series.snapshots().get(7).customerId();
        double watched = stored.model().probability(series.observations().get(7));

        Cli.Result text = Cli.explainWithModel(workspace, customer, "churn-1");
        Cli.Result chinese = Cli.explainWithModel(workspace, customer, "latest", "--lang", "zh");
        Cli.Result json = Cli.explainWithModel(workspace, customer, "churn-1", "--json");

        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("Model churn-1 (churn within 6 months, logistic regression, exact)");
        assertThat(text.out()).containsPattern("the risk \\(log-odds [+-][0-9.]+\\)");
        assertThat(chinese.out()).contains("模型 churn-", "对数几率");
        JsonNode model = new ObjectMapper().readTree(json.out()).get("model");
        double sum = model.get("intercept").asDouble();
        for (JsonNode contribution : model.get("contributions")) {
            sum += contribution.get("log_odds").asDouble();
        }
        assertThat(sum).isCloseTo(model.get("log_odds").asDouble(), within(1e-9));
        assertThat(model.get("probability").asDouble())
                .isCloseTo(1 / (1 + Math.exp(-sum)), within(1e-12))
                .isCloseTo(watched, within(1e-6));
    }

    @Test
    void listShowsBothModels() {
        Cli.Result listed = Cli.run("model", "list", "--workspace", workspace.toString());
        assertThat(listed.out()).contains("churn-1", "churn-2");
    }

    @Test
    void compareScoresChampionAndChallengerOnTheSameMonths() {
        Cli.Result compared = Cli.run(
                "model", "compare", "churn-1", "churn-2", "--as-of", Cli.AS_OF, "--workspace", workspace.toString());
        assertThat(compared.exit()).as(compared.err()).isZero();
        assertThat(compared.out()).contains("champion", "challenger", "2026-03-31");
    }

    @Test
    void monitorGivesStabilityBandsAndAucByMonth() {
        Cli.Result monitored = Cli.run(
                "model",
                "monitor",
                "--as-of",
                Cli.AS_OF,
                "--against",
                "2025-09-30",
                "--workspace",
                workspace.toString());
        assertThat(monitored.exit()).as(monitored.err()).isZero();
        assertThat(monitored.out())
                .contains("feature", "PSI", "band", "month-end", "AUC")
                .containsPattern("Score at " + Cli.AS_OF + " against the training reference: PSI \\d+\\.\\d{3} \\("
                        + "(stable|moderate shift|major shift)\\)");
    }

    @Test
    void watchListsRisingCustomersWithReasonsAndActionsInBothLanguages() {
        Cli.Result english = Cli.run("watch", "--as-of", Cli.AS_OF, "--top", "3", "--workspace", workspace.toString());
        assertThat(english.exit()).as(english.err()).isZero();
        assertThat(english.out()).contains("rose most", "raises the risk", "suggested: ");
        Cli.Result chinese = Cli.run(
                "watch", "--as-of", Cli.AS_OF, "--top", "3", "--lang", "zh", "--workspace", workspace.toString());
        assertThat(chinese.out()).contains("流失概率上升最多", "提高风险", "建议：");
    }

    @Test
    void aDefaultModelIsFittedAndWatchedByItsKind() {
        Cli.Result fit =
                Cli.run("model", "fit", "--kind", "default", "--as-of", Cli.AS_OF, "--workspace", workspace.toString());
        assertThat(fit.exit()).as(fit.err()).isZero();
        assertThat(fit.out()).contains("Default model default-1 as of 2026-09-30");
        Cli.Result watched = Cli.run(
                "watch", "--kind", "default", "--as-of", Cli.AS_OF, "--top", "2", "--workspace", workspace.toString());
        assertThat(watched.exit()).as(watched.err()).isZero();
        assertThat(watched.out()).contains("default probability rose most", "(model default-1)");
    }

    @Test
    void anUnknownKindIsAUsageError() {
        Cli.Result result =
                Cli.run("model", "fit", "--kind", "fraud", "--as-of", Cli.AS_OF, "--workspace", workspace.toString());
        assertThat(result.exit()).isEqualTo(Main.USAGE);
        assertThat(result.err()).contains("churn, default");
    }

    @Test
    void aDateThatIsNotAMonthEndIsAUsageError() {
        Cli.Result result = Cli.run("watch", "--as-of", "2026-09-15", "--workspace", workspace.toString());
        assertThat(result.exit()).isEqualTo(Main.USAGE);
        assertThat(result.err()).contains("not a month-end", "2026-09-30");
    }
}
