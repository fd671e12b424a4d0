package io.fidelis.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fidelis.core.evaluation.PopulationStability.Band;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PopulationStabilityTest {

    /** (0.1-0.25)ln(0.4) + (0.2-0.25)ln(0.8) + (0.3-0.25)ln(1.2) + (0.4-0.25)ln(1.6) = 0.228217. */
    @Test
    void workedExampleOfFourBins() {
        PopulationStability psi =
                PopulationStability.ofShares(new double[] {0.25, 0.25, 0.25, 0.25}, new double[] {0.1, 0.2, 0.3, 0.4});
        assertThat(psi.index()).isCloseTo(0.228217, within(1e-6));
        assertThat(psi.band()).isEqualTo(Band.MODERATE_SHIFT);
    }

    @Test
    void identicalSamplesAreStable() {
        double[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        PopulationStability psi = PopulationStability.ofValues(values, values.clone(), 5);
        assertThat(psi.index()).isZero();
        assertThat(psi.band()).isEqualTo(Band.STABLE);
    }

    @Test
    void aShiftedSampleIsAMajorShift() {
        double[] reference = new double[100];
        double[] current = new double[100];
        for (int i = 0; i < 100; i++) {
            reference[i] = i;
            current[i] = i + 50;
        }
        assertThat(PopulationStability.ofValues(reference, current, 10).band()).isEqualTo(Band.MAJOR_SHIFT);
    }

    @ParameterizedTest
    @CsvSource({"0.0, STABLE", "0.0999, STABLE", "0.10, MODERATE_SHIFT", "0.25, MODERATE_SHIFT", "0.2501, MAJOR_SHIFT"})
    void bandsAreCutAtTenAndTwentyFiveHundredths(double index, Band band) {
        assertThat(new PopulationStability(index, Band.of(index)).band()).isEqualTo(band);
    }
}
