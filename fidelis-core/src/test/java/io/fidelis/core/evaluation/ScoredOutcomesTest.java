package io.fidelis.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ScoredOutcomesTest {

    private static final ScoredOutcomes FOUR =
            new ScoredOutcomes(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true});

    @Test
    void aucOfTheTextbookFourUnitsIsThreeQuarters() {
        assertThat(FOUR.auc()).isEqualTo(0.75);
    }

    @Test
    void ksOfTheTextbookFourUnitsIsOneHalf() {
        assertThat(FOUR.ks()).isEqualTo(0.5);
    }

    @Test
    void tiedScoresGiveAnAucOfOneHalfAndNoKs() {
        ScoredOutcomes tied =
                new ScoredOutcomes(new double[] {0.3, 0.3, 0.3, 0.3}, new boolean[] {true, false, true, false});
        assertThat(tied.auc()).isEqualTo(0.5);
        assertThat(tied.ks()).isZero();
    }

    @Test
    void perfectRankingHasAucAndKsOfOne() {
        ScoredOutcomes perfect =
                new ScoredOutcomes(new double[] {0.1, 0.2, 0.7, 0.9}, new boolean[] {false, false, true, true});
        assertThat(perfect.auc()).isEqualTo(1.0);
        assertThat(perfect.ks()).isEqualTo(1.0);
    }

    @ParameterizedTest
    @CsvSource({"46341, 0.5, 0.5", "60000, 0.5, 0.5", "60000, 0.9, 1.0"})
    void aucHoldsForMoreEventsThanAnIntCanSquare(int events, double eventScore, double expectedAuc) {
        double[] scores = new double[2 * events];
        boolean[] happened = new boolean[2 * events];
        for (int i = 0; i < events; i++) {
            scores[i] = eventScore;
            happened[i] = true;
            scores[events + i] = 0.5;
        }
        assertThat(new ScoredOutcomes(scores, happened).auc()).isCloseTo(expectedAuc, within(1e-12));
    }

    @Test
    void aucIsUndefinedWithoutEvents() {
        assertThat(new ScoredOutcomes(new double[] {0.1, 0.2}, new boolean[] {false, false}).auc())
                .isNaN();
    }

    static Stream<Arguments> seeds() {
        return Stream.of(1L, 2L, 3L, 4L, 5L).map(Arguments::of);
    }

    /** AUC is the share of (event, non-event) pairs ranked right, ties half: checked against the pair count. */
    @ParameterizedTest
    @MethodSource("seeds")
    void aucEqualsTheShareOfCorrectlyOrderedPairs(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 60;
        double[] scores = new double[n];
        boolean[] events = new boolean[n];
        for (int i = 0; i < n; i++) {
            scores[i] = random.nextInt(10) / 10.0;
            events[i] = random.nextDouble() < 0.2 + scores[i] / 2;
        }
        double pairs = 0;
        double right = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (events[i] && !events[j]) {
                    pairs++;
                    right += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        assertThat(new ScoredOutcomes(scores, events).auc()).isCloseTo(right / pairs, within(1e-12));
    }

    @Test
    void calibrationGroupsUnitsByScore() {
        var bins = FOUR.calibration(2);
        assertThat(bins).extracting(CalibrationBin::units).containsExactly(2, 2);
        assertThat(bins.get(0).meanPredicted()).isCloseTo(0.225, within(1e-12));
        assertThat(bins.get(1).meanPredicted()).isCloseTo(0.6, within(1e-12));
        assertThat(bins).extracting(CalibrationBin::observedRate).containsExactly(0.5, 0.5);
    }

    @Test
    void liftPutsTheHighestScoresFirst() {
        assertThat(FOUR.lift(2))
                .containsExactly(new LiftGroup(1, 2, 1, 0.5, 1.0, 0.5), new LiftGroup(2, 2, 1, 0.5, 1.0, 1.0));
        ScoredOutcomes perfect =
                new ScoredOutcomes(new double[] {0.1, 0.2, 0.7, 0.9}, new boolean[] {false, false, true, true});
        assertThat(perfect.lift(2).get(0).lift()).isEqualTo(2.0);
    }

    /** The UCI German credit costs: a missed bad applicant costs 5, a rejected good one 1 (300 bad of 1,000). */
    @Test
    void approveAllAndRejectAllCostWhatTheCostMatrixSays() {
        double[] scores = new double[1000];
        boolean[] bad = new boolean[1000];
        for (int i = 0; i < 300; i++) {
            bad[i] = true;
            scores[i] = 0.5;
        }
        ScoredOutcomes applicants = new ScoredOutcomes(scores, bad);
        assertThat(applicants.meanCost(1.0, 5, 1)).isCloseTo(1.5, within(1e-12));
        assertThat(applicants.meanCost(-0.1, 5, 1)).isCloseTo(0.7, within(1e-12));
    }
}
