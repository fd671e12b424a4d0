package io.fidelis.core.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HypergeometricTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.1, 0.5, 0.9, 0.99})
    void oneOneTwoIsMinusLogOfOneMinusZOverZ(double z) {
        double expected = z == 0 ? 1 : -Math.log(1 - z) / z;
        assertThat(Hypergeometric.f21(1, 1, 2, z)).isCloseTo(expected, within(1e-10));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.3, 0.8, 0.95})
    void withBEqualToCItIsABinomialSeries(double z) {
        assertThat(Hypergeometric.f21(0.7, 2.5, 2.5, z)).isCloseTo(Math.pow(1 - z, -0.7), within(1e-10));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.0, 1.5})
    void outsideTheUnitIntervalIsRefused(double z) {
        assertThatThrownBy(() -> Hypergeometric.f21(1, 1, 2, z)).isInstanceOf(IllegalArgumentException.class);
    }
}
