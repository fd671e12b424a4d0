package io.fidelis.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExperimentSettingsTest {

    private static final GeneratorSettings BOOK = new GeneratorSettings(100, 1, LocalDate.of(2026, 9, 30), 3);

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "churn=-0.30,high_default=-0.20,medium_satisfaction=+0.3 | -0.30 | -0.20 | 0.3",
                "churn=-1                                                | -1    | 0     | 0",
                " MEDIUM_SATISFACTION = -0.8 , high_default=0             | 0     | 0     | -0.8",
                "high_default=-0.5                                       | 0     | -0.5  | 0"
            })
    void effectsAreReadAsKeyValuePairsWithMissingKeysZero(
            String text, String churn, String highDefault, String satisfaction) {
        Effects effects = Effects.parse(text);

        assertThat(effects.churn()).isEqualByComparingTo(churn);
        assertThat(effects.highDefault()).isEqualByComparingTo(highDefault);
        assertThat(effects.mediumSatisfaction()).isEqualByComparingTo(satisfaction);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "retention=-0.3                 | unknown effect 'retention': the keys are churn, high_default,"
                        + " medium_satisfaction",
                "churn                          | effect 'churn' is not key=value",
                "churn=-0.3,churn=-0.2          | effect 'churn' is given twice",
                "churn=minus                    | effect churn='minus' is not a number",
                "churn=0.1                      | churn=0.1 is not supported: give a relative change from -1 to 0",
                "high_default=-1.5              | high_default=-1.5 is not supported",
                "medium_satisfaction=0.9        | medium_satisfaction=0.9 is too large",
                "churn=-0.3,                    | effect '' is not key=value"
            })
    void badEffectsAreRejectedSayingWhatIsExpected(String text, String message) {
        assertThatThrownBy(() -> Effects.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "share {0}")
    @CsvSource({"0", "1", "-0.5", "1.5", "NaN"})
    void aShareOutsideZeroToOneIsRejected(double share) {
        assertThatThrownBy(() -> new Experiment("s", LocalDate.of(2025, 9, 30), share, Effects.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("treatment share " + share + " must be strictly between 0 and 1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"''", "with space", "-leading", "'a,b'", "\"q\""})
    void aStrategyIdMustBeSafeInACsvCell(String id) {
        assertThatThrownBy(() -> new Experiment(id, LocalDate.of(2025, 9, 30), 0.5, Effects.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strategy id");
    }

    @ParameterizedTest(name = "start {0}")
    @CsvSource({"2026-10-01", "2026-09-30", "2026-04-01", "2023-09-30", "2020-01-01"})
    void aStartOutsideThePeriodOrTooCloseToItsEndIsRejected(LocalDate start) {
        Experiment experiment = new Experiment("s", start, 0.5, Effects.NONE);

        assertThatThrownBy(() -> new BookGenerator(BOOK, experiment))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("strategy start " + start + " must lie after the start of the period (2023-09-30) and at"
                        + " least 6 months before its end (2026-09-30), so from 2023-10-01 to 2026-03-30; on or before"
                        + " 2025-09-30 for a full 12-month window");
    }

    @ParameterizedTest(name = "start {0}: window to {1}")
    @CsvSource({"2023-10-01, 2024-10-01", "2025-09-30, 2026-09-30", "2026-03-30, 2026-09-30", "2026-01-31, 2026-09-30"})
    void theOutcomeWindowIsTwelveMonthsOrUpToTheEnd(LocalDate start, LocalDate windowEnd) {
        Experiment experiment = new Experiment("s", start, 0.5, Effects.NONE);

        experiment.checkWithin(BOOK);

        assertThat(experiment.windowEnd(BOOK.end())).isEqualTo(windowEnd);
    }

    @Test
    void effectsAreWrittenBackAsGivenWithoutPlusSigns() {
        assertThat(Effects.parse("churn=-0.30,medium_satisfaction=+0.3"))
                .hasToString("churn=-0.30,high_default=0,medium_satisfaction=0.3");
        assertThat(Effects.parse("churn=0").none()).isTrue();
        assertThat(Effects.NONE.churn()).isEqualTo(BigDecimal.ZERO);
    }
}
