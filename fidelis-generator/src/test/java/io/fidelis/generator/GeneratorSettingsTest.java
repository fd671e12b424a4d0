package io.fidelis.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeneratorSettingsTest {

    @ParameterizedTest(name = "{0} customers over {1} years: {2}")
    @CsvSource({
        "0, 3, 'customers must be between 1 and 9999999, was 0'",
        "-5, 3, 'customers must be between 1 and 9999999, was -5'",
        "10000000, 3, 'customers must be between 1 and 9999999, was 10000000'",
        "10, 0, 'years must be between 1 and 20, was 0'",
        "10, 21, 'years must be between 1 and 20, was 21'"
    })
    void outOfRangeSettingsAreRejectedWithTheLimits(int customers, int years, String message) {
        assertThatThrownBy(() -> new GeneratorSettings(customers, 1, GeneratorSettings.DEFAULT_END, years))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void periodStartsTheGivenYearsBeforeTheEnd() {
        GeneratorSettings settings = new GeneratorSettings(1, 1, LocalDate.of(2026, 9, 30), 3);

        assertThat(settings.windowStart()).isEqualTo(LocalDate.of(2023, 9, 30));
    }

    @Test
    void archetypeSharesAddUpToAHundredPercent() {
        int total = 0;
        for (Archetype archetype : Archetype.values()) {
            total += archetype.sharePercent();
        }
        assertThat(total).isEqualTo(100);
    }
}
