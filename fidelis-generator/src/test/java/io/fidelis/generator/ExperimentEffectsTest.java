package io.fidelis.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's worked case, simulated on a book of 20,000 customers and measured from the files alone: the arms differ
 * by the effects as given (churn -30%, high-tier default -20%, medium satisfaction +0.3) within their sampling error,
 * and by nothing beyond it when the effects are zero. Tolerances are 4 standard errors, so each check fails by chance
 * about once in 16,000 runs, and the book is seeded, so it either always passes or always fails.
 */
class ExperimentEffectsTest {

    private static final int CUSTOMERS = 20_000;
    private static final long SEED = 20_261_115;
    private static final LocalDate END = LocalDate.of(2026, 9, 30);
    private static final LocalDate START = LocalDate.of(2025, 9, 30);

    @TempDir
    static Path temp;

    private static ExperimentBook worked;
    private static String workedJson;
    private static ExperimentBook none;
    private static String noneJson;

    @BeforeAll
    static void generate() throws IOException {
        GeneratorSettings settings = new GeneratorSettings(CUSTOMERS, SEED, END, 3);
        Effects effects = Effects.parse("churn=-0.30,high_default=-0.20,medium_satisfaction=+0.3");
        new BookGenerator(settings, new Experiment("worked-case", START, 0.5, effects))
                .writeTo(temp.resolve("worked"), done -> {});
        new BookGenerator(settings, new Experiment("worked-case", START, 0.5, Effects.NONE))
                .writeTo(temp.resolve("none"), done -> {});
        worked = ExperimentBook.read(temp.resolve("worked"));
        workedJson = Files.readString(temp.resolve("worked/generation.json"));
        none = ExperimentBook.read(temp.resolve("none"));
        noneJson = Files.readString(temp.resolve("none/generation.json"));
    }

    @Test
    void churnOfTheTreatedIsSeventyPercentOfTheControls() {
        ExperimentBook.RateRatio churn = worked.churn();

        // About 700 churners per arm: the log ratio is known to +/- 0.06.
        assertThat(churn.controlEvents()).isGreaterThan(500);
        assertThat(Math.log(churn.ratio())).isCloseTo(Math.log(0.7), within(4 * churn.logStandardError()));
        assertThat(ExperimentBook.jsonNumber(workedJson, "churn", "ratio")).isCloseTo(0.7, within(0.05));
    }

    @Test
    void defaultOfHighTierTreatedIsEightyPercentOfTheControls() {
        ExperimentBook.RateRatio defaults = worked.highDefault();

        // Only about 1,400 high-tier customers per arm with a 3% default rate: some 40 defaults per arm leave the log
        // ratio uncertain to +/- 0.25, so 4 standard errors accept ratios from about 0.3 to 2. The sharp checks of the
        // mechanism are that high_default=-1 removes every default of the treated (ExperimentTest) and that the
        // generator's own count of prevented defaults is close to 20% (below).
        assertThat(defaults.controlEvents()).isGreaterThan(20);
        assertThat(Math.log(defaults.ratio())).isCloseTo(Math.log(0.8), within(4 * defaults.logStandardError()));
        double without = ExperimentBook.jsonNumber(workedJson, "high_default", "events_without");
        double prevented = without - ExperimentBook.jsonNumber(workedJson, "high_default", "events_with");
        // Each default is prevented with probability 0.2: binomial standard error sqrt(0.2 * 0.8 / n).
        assertThat(prevented / without).isCloseTo(0.2, within(4 * Math.sqrt(0.2 * 0.8 / without)));
    }

    @Test
    void mediumTierTreatedAreThreeTenthsOfAPointMoreSatisfied() {
        ExperimentBook.MeanDifference satisfaction = worked.mediumSatisfaction();

        assertThat(satisfaction.treatedAnswers()).isGreaterThan(2_000);
        assertThat(satisfaction.difference()).isCloseTo(0.3, within(4 * satisfaction.se()));
        assertThat(ExperimentBook.jsonNumber(workedJson, "medium_satisfaction", "difference"))
                .isCloseTo(0.3, within(0.03));
    }

    @Test
    void withZeroEffectsTheArmsDifferOnlyByChance() {
        ExperimentBook.RateRatio churn = none.churn();
        ExperimentBook.RateRatio defaults = none.highDefault();
        ExperimentBook.MeanDifference satisfaction = none.mediumSatisfaction();

        assertThat(Math.log(churn.ratio())).isCloseTo(0, within(4 * churn.logStandardError()));
        assertThat(Math.log(defaults.ratio())).isCloseTo(0, within(4 * defaults.logStandardError()));
        assertThat(satisfaction.difference()).isCloseTo(0, within(4 * satisfaction.se()));
    }

    @Test
    void theFilesGiveTheOutcomesTheGeneratorRecorded() {
        // With zero effects every assigned customer's written story is its story without the strategy, so measuring
        // the files must reproduce the generator's counts exactly: the definitions agree.
        ExperimentBook.RateRatio churn = none.churn();
        ExperimentBook.RateRatio defaults = none.highDefault();
        ExperimentBook.MeanDifference satisfaction = none.mediumSatisfaction();

        assertThat(churn.treatedEvents() + churn.controlEvents())
                .isEqualTo((long) ExperimentBook.jsonNumber(noneJson, "churn", "events_without"));
        assertThat(churn.treated() + churn.control())
                .isEqualTo((long) ExperimentBook.jsonNumber(noneJson, "churn", "customers"));
        assertThat(defaults.treatedEvents() + defaults.controlEvents())
                .isEqualTo((long) ExperimentBook.jsonNumber(noneJson, "high_default", "events_without"));
        assertThat(satisfaction.treatedAnswers() + satisfaction.controlAnswers())
                .isEqualTo((long) ExperimentBook.jsonNumber(noneJson, "medium_satisfaction", "answers_without"));
        assertThat(ExperimentBook.jsonNumber(noneJson, "churn", "ratio")).isEqualTo(1.0);
        assertThat(ExperimentBook.jsonNumber(noneJson, "medium_satisfaction", "difference"))
                .isEqualTo(0.0);
    }

    @Test
    void theEffectsAsGivenAndTheirDefinitionsAreRecorded() {
        assertThat(workedJson)
                .contains("\"strategy_id\": \"worked-case\"")
                .contains("\"start\": \"2025-09-30\"")
                .contains("\"window_end\": \"2026-09-30\"")
                .contains("\"treatment_share\": 0.5")
                .contains("\"effects_as_given\": {\"churn\": -0.30, \"high_default\": -0.20,"
                        + " \"medium_satisfaction\": 0.3}")
                .contains("\"churn\": \"churned in the window if (a) customers.closed_on")
                .contains("\"high_default\": \"defaulted in the window if")
                .contains("\"medium_satisfaction\": \"every survey answer")
                .contains("\"satisfaction_answers_capped\": 0");
        assertThat(worked.strategyId).isEqualTo("worked-case");
        assertThat(new BigDecimal(ExperimentBook.jsonText(workedJson, "generator_version")))
                .isEqualByComparingTo(GeneratorSettings.GENERATOR_VERSION);
    }
}
