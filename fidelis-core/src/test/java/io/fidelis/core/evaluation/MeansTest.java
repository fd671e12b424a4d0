package io.fidelis.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

class MeansTest {

    private static final EstimationSettings ANY_SIZE = EstimationSettings.of(1);

    // Student's sleep data (Cushny and Peebles 1905), hours of extra sleep under two drugs.
    private static final double[] DRUG_ONE = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
    private static final double[] DRUG_TWO = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};

    @Test
    void welchReproducesRsSleepExample() {
        // R: t.test(extra ~ group, data = sleep): t = -1.8608, df = 17.776, p-value = 0.07939,
        // 95 percent confidence interval -3.3654832 0.2054832.
        Estimate welch = estimate(Means.difference(Sample.of("one", DRUG_ONE), Sample.of("two", DRUG_TWO), ANY_SIZE));

        assertThat(welch.point()).isCloseTo(-1.58, within(1e-12));
        assertThat(welch.lower()).isCloseTo(-3.3654832, within(5e-8));
        assertThat(welch.upper()).isCloseTo(0.2054832, within(5e-8));
        assertThat(welch.pValue()).hasValueCloseTo(0.07939, within(5e-6));
        assertThat(welch.method()).isEqualTo(Method.WELCH_T);
    }

    @Test
    void welchAgreesWithCommonsMathsUnequalVarianceTTest() {
        double[] satisfactionAfter = {4, 5, 3, 4, 4, 5, 2, 4, 5, 4, 3, 5};
        double[] satisfactionBefore = {3, 4, 2, 3, 4, 3, 3, 2, 4, 3};

        Estimate welch = estimate(Means.difference(
                Sample.of("after", satisfactionAfter), Sample.of("before", satisfactionBefore), ANY_SIZE));

        TTest independent = new TTest();
        assertThat(welch.pValue())
                .hasValueCloseTo(independent.tTest(satisfactionAfter, satisfactionBefore), within(1e-9));
        double t = independent.t(satisfactionAfter, satisfactionBefore);
        double standardError = welch.point() / t;
        assertThat((welch.upper() - welch.lower()) / 2 / standardError)
                .as("half-width in standard errors is a t quantile a little above 1.96")
                .isBetween(2.0, 2.2);
    }

    @Test
    void meanOfOneGroupHasAStudentTInterval() {
        // scipy.stats.t.interval(0.95, 6, loc=3.571429, scale=sem) = (2.668872, 4.473986).
        Estimate mean = estimate(Means.mean(Sample.of("high|before", 3, 4, 4, 5, 3, 2, 4), ANY_SIZE));

        assertThat(mean.point()).isCloseTo(25.0 / 7, within(1e-12));
        assertThat(mean.lower()).isCloseTo(2.668872, within(1e-6));
        assertThat(mean.upper()).isCloseTo(4.473986, within(1e-6));
        assertThat(mean.pValue()).isEmpty();
    }

    @Test
    void constantGroupsGiveAZeroWidthInterval() {
        Estimate same = estimate(Means.difference(Sample.of("a", 4, 4, 4), Sample.of("b", 4, 4), ANY_SIZE));

        assertThat(same.lower()).isEqualTo(0);
        assertThat(same.upper()).isEqualTo(0);
        assertThat(same.pValue()).hasValue(1);
    }

    @Test
    void aMeanNeedsTwoUnitsWhateverTheMinimum() {
        Finding finding = Means.difference(Sample.of("one answer", 5), Sample.of("two answers", 4, 5), ANY_SIZE);

        assertThat(finding).isInstanceOf(InsufficientData.class);
        InsufficientData insufficient = (InsufficientData) finding;
        assertThat(insufficient.minimumGroupSize()).isEqualTo(2);
        assertThat(insufficient.tooSmall()).containsExactly(new GroupSize("one answer", 1));
    }

    @Test
    void theMinimumOfTheSettingsApplies() {
        Finding finding = Means.mean(Sample.of("five answers", 1, 2, 3, 4, 5), EstimationSettings.of(6));

        assertThat(finding).isInstanceOf(InsufficientData.class);
        assertThat(((InsufficientData) finding).minimumGroupSize()).isEqualTo(6);
    }

    @Test
    void netPromoterAnswersScoreSoThatTheMeanIsTheNps() {
        // 3 promoters (9, 10, 9), 1 passive (7), 2 detractors (6, 0): NPS = (3 - 2) / 6 * 100 = 16.67 points.
        Sample nps = Sample.netPromoterScores("medium", 9, 10, 9, 7, 6, 0);

        assertThat(nps.mean()).isCloseTo(100.0 / 6, within(1e-12));
        assertThat(nps.values()).containsExactly(100, 100, 100, 0, -100, -100);
        assertThatThrownBy(() -> Sample.netPromoterScores("g", 11))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("11");
    }

    @Test
    void nonFiniteValuesAreRejected() {
        assertThatThrownBy(() -> Sample.of("g", 1, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not finite");
    }

    private static Estimate estimate(Finding finding) {
        return finding.estimate().orElseThrow(() -> new AssertionError("expected an estimate, got " + finding));
    }
}
