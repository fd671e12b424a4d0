package io.fidelis.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CurveTest {

    @ParameterizedTest(name = "linear {0}..{1} at {2} earns {3}")
    @CsvSource({
        "0.8, 1.0, 0.9, 0.5",
        "0.8, 1.0, 0.7, 0.0",
        "0.8, 1.0, 1.2, 1.0",
        "90, 0, 0, 1.0",
        "90, 0, 45, 0.5",
        "90, 0, 120, 0.0",
    })
    void linearCurvesAreClampedBetweenWorstAndBest(double worst, double best, double value, double fraction) {
        assertThat(new Curve.Linear(worst, best).fraction(value)).isEqualTo(fraction);
    }

    @ParameterizedTest(name = "steps at {0} earn {1}")
    @CsvSource({"-1, 0.1", "0, 0.1", "0.79, 0.1", "0.80, 0.5", "0.949, 0.5", "0.95, 1.0", "2, 1.0"})
    void aStepsCurvePaysTheLastStepReached(double value, double fraction) {
        Curve curve =
                new Curve.Steps(List.of(new Curve.Step(0, 0.1), new Curve.Step(0.80, 0.5), new Curve.Step(0.95, 1.0)));

        assertThat(curve.fraction(value)).isEqualTo(fraction);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "rising steps, 0, 0.5, 1, true, false, true",
        "falling steps, 1, 0.5, 0, false, true, false",
        "a dip, 1, 0, 1, false, false, true",
    })
    void stepsKnowTheirDirection(
            String name,
            double first,
            double second,
            double third,
            boolean nonDecreasing,
            boolean nonIncreasing,
            boolean rewardsHigh) {
        Curve curve =
                new Curve.Steps(List.of(new Curve.Step(0, first), new Curve.Step(1, second), new Curve.Step(2, third)));

        assertThat(curve.nonDecreasing()).isEqualTo(nonDecreasing);
        assertThat(curve.nonIncreasing()).isEqualTo(nonIncreasing);
        assertThat(curve.rewardsHighValues()).isEqualTo(rewardsHigh);
    }
}
