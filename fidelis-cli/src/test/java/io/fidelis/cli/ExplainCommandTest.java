package io.fidelis.cli;

import static io.fidelis.cli.Cli.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fidelis.core.classification.Language;
import io.fidelis.core.classification.Messages;
import io.fidelis.core.classification.ReasonCode;
import io.fidelis.core.domain.Coded;
import io.fidelis.core.features.FeatureId;
import io.fidelis.core.policy.Tier;
import io.fidelis.store.RunResult;
import io.fidelis.store.RunsSql;
import io.fidelis.store.duckdb.DuckDbBookStore;
import io.fidelis.store.duckdb.DuckDbRuns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {

    @TempDir
    static Path temp;

    private static Path workspace;
    private static List<RunResult> run;

    /** Imports a book and classifies it, so that explanations can be checked against the stored run. */
    @BeforeAll
    static void classifyABook() {
        workspace = Cli.generatedWorkspace(temp, 23);
        Cli.Result classified = Cli.run("classify", "--as-of", AS_OF, "--workspace", workspace.toString());
        Matcher id = Pattern.compile("Run (\\d+): ").matcher(classified.out());
        assertThat(id.find()).as(classified.err()).isTrue();
        run = new ArrayList<>();
        try (DuckDbBookStore book = DuckDbBookStore.open(workspace)) {
            DuckDbRuns.of(book).forEachResult(Long.parseLong(id.group(1)), run::add);
        }
    }

    private static Cli.Result explain(String customerId, String... options) {
        List<String> args = new ArrayList<>(List.of("explain", customerId, "--workspace", workspace.toString()));
        args.addAll(List.of(options));
        return Cli.run(args.toArray(String[]::new));
    }

    private static JsonNode json(String customerId) throws Exception {
        Cli.Result result = explain(customerId, "--as-of", AS_OF, "--json");
        assertThat(result.exit()).as(result.err()).isEqualTo(Main.OK);
        return new ObjectMapper().readTree(result.out());
    }

    private static RunResult aCustomerWithoutSurveys() {
        return run.stream()
                .filter(r -> !r.feature(FeatureId.SATISFACTION_MEAN).present())
                .findFirst()
                .orElseThrow(() -> new AssertionError("the generated book has no customer without surveys"));
    }

    @Test
    void explainInEnglishShowsTierScoreContributionsReasonsStageAndActions() {
        RunResult customer = run.get(0);

        Cli.Result result = explain(customer.customerId(), "--as-of", AS_OF);

        assertThat(result.exit()).as(result.err()).isEqualTo(Main.OK);
        assertThat(result.out())
                .contains("Customer " + customer.customerId())
                .contains("As of " + AS_OF)
                .contains("Tier: " + Messages.label(customer.tier(), Language.ENGLISH))
                .contains("Contributions:", "Why this tier:", "Why this stage:", "intended:", "applied:")
                .contains("Stage: " + Messages.label(customer.stage(), Language.ENGLISH))
                .contains("Override: none");
    }

    @Test
    void explainInChineseUsesChineseLabelsAndReasons() {
        RunResult customer = run.get(1);

        Cli.Result result = explain(customer.customerId(), "--as-of", AS_OF, "--lang", "zh");

        assertThat(result.exit()).as(result.err()).isEqualTo(Main.OK);
        assertThat(result.out())
                .contains("忠诚度等级: " + Messages.label(customer.tier(), Language.CHINESE))
                .contains("生命周期阶段: " + Messages.label(customer.stage(), Language.CHINESE))
                .contains("评分贡献", "等级原因")
                .contains(Messages.template(customer.stageReasons().get(0), Language.CHINESE)
                        .replaceAll("\\{\\d}.*", ""));
    }

    @Test
    void jsonCarriesTheSameReasonCodesAsTheStoredRun() throws Exception {
        for (RunResult customer : run.subList(0, 5)) {
            JsonNode explained = json(customer.customerId());

            assertThat(explained.at("/customer/customer_id").asText()).isEqualTo(customer.customerId());
            assertThat(explained.at("/tier/tier").asText())
                    .isEqualTo(customer.tier().code());
            assertThat(explained.at("/stage/stage").asText())
                    .isEqualTo(customer.stage().code());
            List<ReasonCode> tierReasons = new ArrayList<>();
            explained
                    .get("tier_reasons")
                    .forEach(r -> tierReasons.add(
                            ReasonCode.valueOf(r.get("code").asText().toUpperCase(java.util.Locale.ROOT))));
            assertThat(tierReasons).isEqualTo(customer.tierReasons()).isNotEmpty();
            assertThat(explained.at("/stage_reasons/0/code").asText())
                    .isEqualTo(RunsSql.code(customer.stageReasons().get(0)));
            assertThat(explained.at("/actions/applied/pricing_bps").asInt())
                    .isEqualTo(customer.actions().pricingBps());
            assertThat(explained.at("/policy/sha256").asText()).startsWith("sha256:");
            assertThat(explained.get("override").isNull()).isTrue();
        }
    }

    @Test
    void aMissingFeatureIsShownAsUnknownAndNotScored() throws Exception {
        RunResult customer = aCustomerWithoutSurveys();

        JsonNode explained = json(customer.customerId());
        Cli.Result text = explain(customer.customerId(), "--as-of", AS_OF);

        JsonNode satisfaction = null;
        for (JsonNode contribution : explained.get("contributions")) {
            if (contribution.get("feature").asText().equals("satisfaction_mean")) {
                satisfaction = contribution;
            }
        }
        assertThat(satisfaction).isNotNull();
        assertThat(satisfaction.get("present").asBoolean()).isFalse();
        assertThat(satisfaction.get("value").isNull()).isTrue();
        assertThat(satisfaction.get("value_text").asText()).isEqualTo("unknown");
        assertThat(satisfaction.get("points").asDouble()).isZero();
        assertThat(text.out()).containsPattern("mean satisfaction +unknown +not scored");
    }

    @Test
    void theScoreBandMatchesTheScoreTier() throws Exception {
        JsonNode explained = json(run.get(2).customerId());

        double score = explained.at("/tier/score").asDouble();
        Tier scoreTier =
                Coded.parse(Tier.class, explained.at("/tier/score_tier").asText());
        assertThat(score)
                .isBetween(
                        explained.at("/tier/band/min").asDouble(),
                        explained.at("/tier/band/below").asDouble());
        assertThat(scoreTier).isEqualTo(run.get(2).scoreTier());
    }

    @Test
    void anUnknownCustomerIsADataError() {
        Cli.Result result = explain("NOBODY", "--as-of", AS_OF);

        assertThat(result.exit()).isEqualTo(Main.DATA_ERRORS);
        assertThat(result.err()).contains("no customer 'NOBODY' in the book");
    }

    @Test
    void anUnknownLanguageIsAUsageError() {
        Cli.Result result = explain(run.get(0).customerId(), "--as-of", AS_OF, "--lang", "fr");

        assertThat(result.exit()).isEqualTo(Main.USAGE);
        assertThat(result.err()).contains("'fr' is not one of en, zh");
    }

    @Test
    void aBadDateIsAUsageError() {
        Cli.Result result = explain(run.get(0).customerId(), "--as-of", "2026-09-31");

        assertThat(result.exit()).isEqualTo(Main.USAGE);
    }
}
