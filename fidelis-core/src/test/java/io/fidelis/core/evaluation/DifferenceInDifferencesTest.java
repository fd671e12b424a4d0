package io.fidelis.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DifferenceInDifferencesTest {

    private static final EstimationSettings ANY_SIZE = EstimationSettings.of(1);

    /** High tier defaults: treatment 20% -> 12%, control 20% -> 18%. */
    private static final Cells<BinarySample> DEFAULTS = new Cells<>(
            new BinarySample("high|treatment|before", 40, 200),
            new BinarySample("high|treatment|after", 24, 200),
            new BinarySample("high|control|before", 40, 200),
            new BinarySample("high|control|after", 36, 200));

    /** Medium tier satisfaction 1..5. */
    private static final Cells<Sample> SATISFACTION = new Cells<>(
            Sample.of("medium|treatment|before", 3, 4, 4, 5, 3, 2, 4),
            Sample.of("medium|treatment|after", 4, 5, 5, 4, 5, 4),
            Sample.of("medium|control|before", 3, 3, 4, 4, 5, 2),
            Sample.of("medium|control|after", 4, 3, 4, 5, 3, 3, 4, 2));

    @Test
    void binaryClosedFormByHand() {
        // Point: (0.12 - 0.20) - (0.18 - 0.20) = -0.06.
        // Adjusted: (y + 0.5) / 201 = 0.201493, 0.121891, 0.201493, 0.181592; centre = -0.059701.
        // Variance: sum of p(1 - p) / 201 = 0.00287282, SE = 0.0535987.
        // 95%: -0.059701 -/+ 1.959964 * 0.0535987 = -0.164753 .. 0.045350; p = 2 * Phi(-1.11385) = 0.26534.
        Estimate did = estimate(DifferenceInDifferences.binary(DEFAULTS, ANY_SIZE));

        assertThat(did.point()).isCloseTo(-0.06, within(1e-12));
        assertThat(did.lower()).isCloseTo(-0.164753, within(1e-6));
        assertThat(did.upper()).isCloseTo(0.045350, within(1e-6));
        assertThat(did.pValue()).hasValueCloseTo(0.26534, within(1e-5));
        assertThat(did.method()).isEqualTo(Method.DID_ADJUSTED_WALD);
        assertThat(did.resampling()).isEqualTo(Resampling.NONE);
        assertThat(did.groups()).extracting(GroupSize::size).containsExactly(200, 200, 200, 200);
    }

    @Test
    void continuousClosedFormByHand() {
        // Means 3.571429, 4.5, 3.5, 3.5: point = (4.5 - 3.571429) - (3.5 - 3.5) = 0.928571.
        // Variance: sum of s^2 / n = 0.476531, SE = 0.690312; Welch-Satterthwaite df = 19.0069, t = 2.092972.
        // 95%: 0.928571 -/+ 2.092972 * 0.690312 = -0.516232 .. 2.373375; p = 0.194409 (scipy.stats.t).
        Estimate did = estimate(DifferenceInDifferences.continuous(SATISFACTION, ANY_SIZE));

        assertThat(did.point()).isCloseTo(0.928571, within(1e-6));
        assertThat(did.lower()).isCloseTo(-0.516232, within(1e-6));
        assertThat(did.upper()).isCloseTo(2.373375, within(1e-6));
        assertThat(did.pValue()).hasValueCloseTo(0.194409, within(1e-6));
        assertThat(did.method()).isEqualTo(Method.DID_WELCH_SATTERTHWAITE);
    }

    @Test
    void ratioOfRiskRatiosByHand() {
        // (0.12 / 0.20) / (0.18 / 0.20) = 0.666667; var(ln) = sum of 1/y - 1/n = 0.0994444, SE = 0.315348.
        // 95%: exp(-0.405465 -/+ 1.959964 * 0.315348) = 0.359322 .. 1.236897; p = 0.198523.
        Estimate ratio = estimate(DifferenceInDifferences.ratioOfRiskRatios(DEFAULTS, ANY_SIZE));

        assertThat(ratio.point()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(ratio.lower()).isCloseTo(0.359322, within(1e-6));
        assertThat(ratio.upper()).isCloseTo(1.236897, within(1e-6));
        assertThat(ratio.pValue()).hasValueCloseTo(0.198523, within(1e-6));
    }

    @Test
    void bootstrapIsDeterministicForASeedAndRecordsIt() {
        Resampling seeded = new Resampling(1000, 20_261_115L);

        Estimate first = estimate(DifferenceInDifferences.binaryBootstrap(DEFAULTS, ANY_SIZE, seeded));
        Estimate again = estimate(DifferenceInDifferences.binaryBootstrap(DEFAULTS, ANY_SIZE, seeded));
        Estimate otherSeed =
                estimate(DifferenceInDifferences.binaryBootstrap(DEFAULTS, ANY_SIZE, new Resampling(1000, 7)));

        assertThat(again).isEqualTo(first);
        assertThat(first.resampling()).isEqualTo(seeded);
        assertThat(first.method()).isEqualTo(Method.DID_PERCENTILE_BOOTSTRAP);
        assertThat(otherSeed.lower()).isNotEqualTo(first.lower());
        assertThat(first.point()).isCloseTo(-0.06, within(1e-12));
    }

    @Test
    void bootstrapAgreesWithTheClosedFormOnLargeCells() {
        Estimate closed = estimate(DifferenceInDifferences.binary(DEFAULTS, ANY_SIZE));
        Estimate boot = estimate(DifferenceInDifferences.binaryBootstrap(DEFAULTS, ANY_SIZE, Resampling.withSeed(11)));

        assertThat(boot.lower()).isCloseTo(closed.lower(), within(0.01));
        assertThat(boot.upper()).isCloseTo(closed.upper(), within(0.01));
        assertThat(boot.pValue().getAsDouble()).isCloseTo(closed.pValue().getAsDouble(), within(0.05));
    }

    @Test
    void continuousBootstrapIsCentredOnTheDifferenceOfMeans() {
        Estimate boot =
                estimate(DifferenceInDifferences.continuousBootstrap(SATISFACTION, ANY_SIZE, Resampling.withSeed(3)));

        assertThat(boot.point()).isCloseTo(0.928571, within(1e-6));
        assertThat(boot.includes(boot.point())).isTrue();
        assertThat(boot.resampling().resamples()).isEqualTo(Resampling.DEFAULT_RESAMPLES);
    }

    @Test
    void aBootstrapNeedsResamples() {
        assertThatThrownBy(() -> DifferenceInDifferences.binaryBootstrap(DEFAULTS, ANY_SIZE, Resampling.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Resampling(10, 1)).hasMessageContaining("at least 100");
    }

    @Test
    void changesOfTheSameCustomersAreComparedWithWelch() {
        Sample treatment = Sample.of("treatment changes", 1, 0, 1, 1, 0, 2, 1);
        Sample control = Sample.of("control changes", 0, 0, 1, -1, 0, 1);

        Estimate did = estimate(DifferenceInDifferences.ofChanges(treatment, control, ANY_SIZE));
        Estimate welch = estimate(Means.difference(treatment, control, ANY_SIZE));

        assertThat(did.method()).isEqualTo(Method.DID_CHANGES_WELCH);
        assertThat(did.lower()).isEqualTo(welch.lower());
        assertThat(did.upper()).isEqualTo(welch.upper());
    }

    @Test
    void everyCellBelowTheMinimumIsNamed() {
        Cells<BinarySample> thin = new Cells<>(
                new BinarySample("low|treatment|before", 4, 25),
                new BinarySample("low|treatment|after", 3, 40),
                new BinarySample("low|control|before", 5, 19),
                new BinarySample("low|control|after", 6, 41));
        EstimationSettings thirty = EstimationSettings.of(30);

        for (Finding finding : new Finding[] {
            DifferenceInDifferences.binary(thin, thirty),
            DifferenceInDifferences.binaryBootstrap(thin, thirty, Resampling.withSeed(1)),
            DifferenceInDifferences.ratioOfRiskRatios(thin, thirty)
        }) {
            assertThat(finding).isInstanceOf(InsufficientData.class);
            assertThat(((InsufficientData) finding).tooSmall())
                    .containsExactly(
                            new GroupSize("low|treatment|before", 25), new GroupSize("low|control|before", 19));
        }
    }

    private static Estimate estimate(Finding finding) {
        return finding.estimate().orElseThrow(() -> new AssertionError("expected an estimate, got " + finding));
    }
}
