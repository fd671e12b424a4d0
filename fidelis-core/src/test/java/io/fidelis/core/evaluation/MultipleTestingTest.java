package io.fidelis.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MultipleTestingTest {

    @Test
    void holmMultipliesTheSortedPValuesByTheTestsLeftAndKeepsThemMonotone() {
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02.
        // Sorted 0.005 x 4 = 0.02, 0.01 x 3 = 0.03, 0.03 x 2 = 0.06, 0.04 x 1 = 0.04 raised to 0.06.
        double[] adjusted = MultipleTesting.holm(0.01, 0.04, 0.03, 0.005);

        assertThat(adjusted[0]).isCloseTo(0.03, within(1e-12));
        assertThat(adjusted[1]).isCloseTo(0.06, within(1e-12));
        assertThat(adjusted[2]).isCloseTo(0.06, within(1e-12));
        assertThat(adjusted[3]).isCloseTo(0.02, within(1e-12));
    }

    @Test
    void adjustedPValuesAreCappedAtOne() {
        assertThat(MultipleTesting.holm(0.5, 0.6, 0.9)).containsExactly(1.0, 1.0, 1.0);
    }

    @Test
    void oneTestIsLeftAsItIs() {
        assertThat(MultipleTesting.holm(0.04)).containsExactly(0.04);
        assertThat(MultipleTesting.holm()).isEmpty();
    }

    @Test
    void aValueOutsideZeroToOneIsRejected() {
        assertThatThrownBy(() -> MultipleTesting.holm(0.2, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.5");
    }
}
