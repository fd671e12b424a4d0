package io.fidelis.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProportionsTest {

    private static final EstimationSettings ANY_SIZE = EstimationSettings.of(1);
    // The papers print limits to 4 decimals: a computed limit must round to the printed one.
    private static final double PRINTED = 0.00005;

    /** Newcombe (1998a) Stat Med 17:857-872, Table I, methods 3 (score) and 4 (score, continuity-corrected). */
    @ParameterizedTest(name = "{0}/{1}: {2} to {3}, corrected {4} to {5}")
    @CsvSource({
        "81, 263, 0.2553, 0.3662, 0.2535, 0.3682",
        "15, 148, 0.0624, 0.1605, 0.0598, 0.1644",
        " 0,  20, 0.0000, 0.1611, 0.0000, 0.2005",
        " 1,  29, 0.0061, 0.1718, 0.0018, 0.1963",
    })
    void wilsonIntervalsReproduceNewcombesSingleProportionTable(
            int events, int size, double lower, double upper, double correctedLower, double correctedUpper) {
        BinarySample sample = new BinarySample("g", events, size);

        Estimate score = estimate(Proportions.proportion(sample, ANY_SIZE));
        Estimate corrected = estimate(Proportions.proportionCorrected(sample, ANY_SIZE));

        assertThat(score.point()).isEqualTo((double) events / size);
        assertThat(score.lower()).isCloseTo(lower, within(PRINTED));
        assertThat(score.upper()).isCloseTo(upper, within(PRINTED));
        assertThat(score.method()).isEqualTo(Method.WILSON_SCORE);
        assertThat(score.pValue()).isEmpty();
        assertThat(corrected.lower()).isCloseTo(correctedLower, within(PRINTED));
        assertThat(corrected.upper()).isCloseTo(correctedUpper, within(PRINTED));
    }

    /** Newcombe (1998b) Stat Med 17:873-890, Table II, examples (a) to (h), methods 10 and 11. */
    @ParameterizedTest(name = "{0}/{1} - {2}/{3}: {4} to {5}, corrected {6} to {7}")
    @CsvSource({
        "56, 70, 48, 80,  0.0524, 0.3339,  0.0428, 0.3422",
        " 9, 10,  3, 10,  0.1705, 0.8090,  0.1013, 0.8387",
        " 6,  7,  2,  7,  0.0582, 0.8062, -0.0290, 0.8423",
        " 5, 56,  0, 29, -0.0381, 0.1926, -0.0667, 0.2037",
        " 0, 10,  0, 20, -0.1611, 0.2775, -0.2005, 0.3445",
        " 0, 10,  0, 10, -0.2775, 0.2775, -0.3445, 0.3445",
        "10, 10,  0, 20,  0.6791, 1.0000,  0.6014, 1.0000",
        "10, 10,  0, 10,  0.6075, 1.0000,  0.5128, 1.0000",
    })
    void hybridScoreIntervalsReproduceNewcombesDifferenceTable(
            int events1,
            int size1,
            int events2,
            int size2,
            double lower,
            double upper,
            double correctedLower,
            double correctedUpper) {
        BinarySample first = new BinarySample("first", events1, size1);
        BinarySample second = new BinarySample("second", events2, size2);

        Estimate score = estimate(Proportions.difference(first, second, ANY_SIZE));
        Estimate corrected = estimate(Proportions.differenceCorrected(first, second, ANY_SIZE));

        assertThat(score.point()).isCloseTo((double) events1 / size1 - (double) events2 / size2, within(1e-12));
        assertThat(score.lower()).isCloseTo(lower, within(PRINTED));
        assertThat(score.upper()).isCloseTo(upper, within(PRINTED));
        assertThat(corrected.lower()).isCloseTo(correctedLower, within(PRINTED));
        assertThat(corrected.upper()).isCloseTo(correctedUpper, within(PRINTED));
        assertThat(corrected.method()).isEqualTo(Method.NEWCOMBE_HYBRID_SCORE_CORRECTED);
    }

    @Test
    void largeCountsAreTestedWithTheZTestWhichEqualsPearsonsChiSquare() {
        BinarySample first = new BinarySample("first", 56, 70);
        BinarySample second = new BinarySample("second", 48, 80);

        Estimate estimate = estimate(Proportions.difference(first, second, ANY_SIZE));

        double chiSquare = new ChiSquareTest().chiSquareTest(new long[][] {{56, 14}, {48, 32}});
        assertThat(estimate.method()).isEqualTo(Method.NEWCOMBE_HYBRID_SCORE);
        assertThat(estimate.pValue()).hasValueCloseTo(chiSquare, within(1e-9));
        assertThat(chiSquare).isCloseTo(0.008045, within(1e-6));
    }

    @Test
    void smallExpectedCountsSwitchToFishersExactTest() {
        // Fisher's tea-tasting table (3, 1 / 1, 3): two-sided p = 0.4857 (R: fisher.test(TeaTasting)).
        BinarySample milkFirst = new BinarySample("milk first", 3, 4);
        BinarySample teaFirst = new BinarySample("tea first", 1, 4);

        Estimate estimate = estimate(Proportions.difference(milkFirst, teaFirst, ANY_SIZE));

        assertThat(estimate.method()).isEqualTo(Method.NEWCOMBE_HYBRID_SCORE_FISHER);
        assertThat(estimate.pValue()).hasValueCloseTo(0.4857, within(PRINTED));
        assertThat(Proportions.fisherExactPValue(milkFirst, teaFirst)).isCloseTo(34.0 / 70, within(1e-12));
    }

    @Test
    void fishersTestOfIdenticalGroupsIsOne() {
        BinarySample first = new BinarySample("a", 2, 9);
        BinarySample second = new BinarySample("b", 2, 9);

        assertThat(Proportions.fisherExactPValue(first, second)).isCloseTo(1, within(1e-12));
        assertThat(Proportions.zTestPValue(first, second)).isCloseTo(1, within(1e-12));
    }

    @Test
    void churnFallingByThirtyPercentIsAKatzRiskRatioOfSeventyPercent() {
        // By hand: RR = (35/500) / (50/500) = 0.70, ln RR = -0.356675.
        // SE(ln RR) = sqrt(1/35 - 1/500 + 1/50 - 1/500) = sqrt(0.0445714) = 0.211119.
        // 95%: exp(-0.356675 -/+ 1.959964 * 0.211119) = exp(-0.770461) = 0.462799 .. exp(0.057111) = 1.058774.
        // z = -0.356675 / 0.211119 = -1.68945, two-sided p = 0.0911.
        BinarySample after = new BinarySample("churned after", 35, 500);
        BinarySample before = new BinarySample("churned before", 50, 500);

        Estimate ratio = estimate(Proportions.riskRatio(after, before, ANY_SIZE));
        Estimate change = estimate(Proportions.relativeChange(after, before, ANY_SIZE));

        assertThat(ratio.point()).isCloseTo(0.70, within(1e-12));
        assertThat(ratio.lower()).isCloseTo(0.462799, within(1e-6));
        assertThat(ratio.upper()).isCloseTo(1.058774, within(1e-6));
        assertThat(ratio.pValue()).hasValueCloseTo(0.0911, within(PRINTED));
        assertThat(ratio.method()).isEqualTo(Method.RISK_RATIO_KATZ);
        assertThat(change.point()).isCloseTo(-0.30, within(1e-12));
        assertThat(change.lower()).isCloseTo(-0.537201, within(1e-6));
        assertThat(change.upper()).isCloseTo(0.058774, within(1e-6));
        assertThat(change.significantAt(0.05)).isFalse();
        assertThat(change.method()).isEqualTo(Method.RELATIVE_CHANGE_KATZ);
    }

    @Test
    void aClaimedChangeIsTestedAgainstTheData() {
        BinarySample after = new BinarySample("after", 35, 500);
        BinarySample before = new BinarySample("before", 50, 500);

        Estimate exactlyTheClaim = estimate(Proportions.relativeChange(after, before, ANY_SIZE, -0.30));
        Estimate halving = estimate(Proportions.relativeChange(after, before, ANY_SIZE, -0.80));

        assertThat(exactlyTheClaim.pValue()).hasValueCloseTo(1.0, within(1e-9));
        assertThat(halving.includes(-0.80)).isFalse();
        assertThat(halving.significantAt(0.05)).isTrue();
    }

    @Test
    void aZeroCountAddsOneHalfToEveryCellOfTheRiskRatio() {
        // By hand: (0.5/21) / (5.5/21) = 0.090909; SE = sqrt(1/0.5 - 1/21 + 1/5.5 - 1/21) = 1.43479.
        Estimate ratio = estimate(
                Proportions.riskRatio(new BinarySample("after", 0, 20), new BinarySample("before", 5, 20), ANY_SIZE));

        assertThat(ratio.method()).isEqualTo(Method.RISK_RATIO_KATZ_HALF_CORRECTED);
        assertThat(ratio.point()).isCloseTo(0.090909, within(1e-6));
        assertThat(ratio.lower()).isCloseTo(0.005359, within(1e-6));
        assertThat(ratio.upper()).isCloseTo(1.542297, within(1e-6));
    }

    @Test
    void aGroupBelowTheMinimumGivesInsufficientDataNamingIt() {
        EstimationSettings thirty = EstimationSettings.of(30);
        BinarySample large = new BinarySample("medium|treatment", 12, 40);
        BinarySample small = new BinarySample("medium|control", 3, 29);

        Finding difference = Proportions.difference(large, small, thirty);
        Finding ratio = Proportions.riskRatio(large, small, thirty);

        assertThat(difference).isInstanceOf(InsufficientData.class);
        InsufficientData insufficient = (InsufficientData) difference;
        assertThat(insufficient.tooSmall()).containsExactly(new GroupSize("medium|control", 29));
        assertThat(insufficient.groups())
                .containsExactly(new GroupSize("medium|treatment", 40), new GroupSize("medium|control", 29));
        assertThat(insufficient.minimumGroupSize()).isEqualTo(30);
        assertThat(difference.estimate()).isEmpty();
        assertThat(ratio).isInstanceOf(InsufficientData.class);
        assertThat(Proportions.proportion(small, thirty)).isInstanceOf(InsufficientData.class);
        assertThat(Proportions.proportion(new BinarySample("at the minimum", 3, 30), thirty))
                .isInstanceOf(Estimate.class);
    }

    @Test
    void anEmptyGroupIsAlwaysInsufficient() {
        assertThat(Proportions.proportion(new BinarySample("empty", 0, 0), ANY_SIZE))
                .isInstanceOf(InsufficientData.class);
    }

    @Test
    void impossibleCountsAreRejected() {
        assertThatThrownBy(() -> new BinarySample("g", 5, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5 events out of 4");
    }

    private static Estimate estimate(Finding finding) {
        return finding.estimate().orElseThrow(() -> new AssertionError("expected an estimate, got " + finding));
    }
}
