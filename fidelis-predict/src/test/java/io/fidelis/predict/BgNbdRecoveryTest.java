package io.fidelis.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fidelis.core.prediction.ActivitySummary;
import io.fidelis.core.prediction.BgNbd;
import io.fidelis.core.prediction.BgNbdParameters;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fit recovers the parameters of customers drawn from the model itself (day rounding biases alpha a little). */
class BgNbdRecoveryTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void fitRecoversKnownParameters(long seed) {
        BgNbdParameters truth = new BgNbdParameters(0.25, 4.0, 0.8, 2.5);
        List<ActivitySummary> customers = SimulatedActivity.draw(truth, 30_000, 156, seed);
        BgNbdParameters fitted = BgNbd.fit(customers).parameters();
        assertThat(fitted.r()).isCloseTo(truth.r(), within(0.02));
        assertThat(fitted.alpha()).isCloseTo(truth.alpha(), within(0.6));
        assertThat(fitted.a()).isCloseTo(truth.a(), within(0.15));
        assertThat(fitted.b()).isCloseTo(truth.b(), within(0.6));
    }
}
