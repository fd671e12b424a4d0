package io.fidelis.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The invariant behind every reported interval: simulated many times with a known true effect, a 95% interval holds
 * the truth in about 95% of data sets, and a true zero is called significant in about 5%. Seeded, so each case is
 * reproducible; the bounds (92% to 98%, at most 8%) leave room for the simulation's own noise (400 data sets: one
 * standard error is 1.1 points) so that any seed passes.
 */
class DifferenceInDifferencesCoverageTest {

    private static final int DATA_SETS = 400;
    private static final int UNITS_PER_CELL = 200;
    private static final int RESAMPLES = 500;
    private static final EstimationSettings SETTINGS = EstimationSettings.of(1);

    static Stream<Long> seeds() {
        return LongStream.of(1, 20_261_115).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void binaryIntervalsCoverAKnownEffect(long seed) {
        // Default rates: treatment 20% -> 12%, control 20% -> 18%: true DiD -0.06.
        Tally tally = binaryRuns(seed, new double[] {0.20, 0.12, 0.20, 0.18});

        assertThat(tally.closedFormCoverage()).isBetween(0.92, 0.98);
        assertThat(tally.bootstrapCoverage()).isBetween(0.92, 0.98);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void binaryTestsRarelyFlagATrueZero(long seed) {
        // Both arms 25% -> 20%: the strategy does nothing beyond the common trend.
        Tally tally = binaryRuns(seed, new double[] {0.25, 0.20, 0.25, 0.20});

        assertThat(tally.closedFormCoverage()).isBetween(0.92, 0.98);
        assertThat(tally.bootstrapCoverage()).isBetween(0.92, 0.98);
        assertThat(tally.closedFormSignificant()).isLessThanOrEqualTo(0.08);
        assertThat(tally.bootstrapSignificant()).isLessThanOrEqualTo(0.08);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void continuousIntervalsCoverAKnownEffectAndRarelyFlagATrueZero(long seed) {
        // Satisfaction 1..5, skewed towards 5; the treatment arm's after period moves 10% of 3s up to 5.
        double[] base = {0.05, 0.10, 0.25, 0.35, 0.25};
        double[] improved = {0.05, 0.10, 0.15, 0.35, 0.35};
        Tally effect = continuousRuns(seed, new double[][] {base, improved, base, base});
        Tally zero = continuousRuns(seed + 1, new double[][] {base, base, base, base});

        assertThat(effect.closedFormCoverage()).isBetween(0.92, 0.98);
        assertThat(effect.bootstrapCoverage()).isBetween(0.92, 0.98);
        assertThat(zero.closedFormSignificant()).isLessThanOrEqualTo(0.08);
        assertThat(zero.bootstrapSignificant()).isLessThanOrEqualTo(0.08);
    }

    private static Tally binaryRuns(long seed, double[] rates) {
        double truth = (rates[1] - rates[0]) - (rates[3] - rates[2]);
        SplittableRandom random = new SplittableRandom(seed);
        Tally tally = new Tally();
        for (int run = 0; run < DATA_SETS; run++) {
            Cells<BinarySample> cells = new Cells<>(
                    binary(random, "tb", rates[0]),
                    binary(random, "ta", rates[1]),
                    binary(random, "cb", rates[2]),
                    binary(random, "ca", rates[3]));
            tally.add(
                    truth,
                    DifferenceInDifferences.binary(cells, SETTINGS),
                    DifferenceInDifferences.binaryBootstrap(
                            cells, SETTINGS, new Resampling(RESAMPLES, random.nextLong())));
        }
        return tally;
    }

    private static Tally continuousRuns(long seed, double[][] distributions) {
        double truth =
                (mean(distributions[1]) - mean(distributions[0])) - (mean(distributions[3]) - mean(distributions[2]));
        SplittableRandom random = new SplittableRandom(seed);
        Tally tally = new Tally();
        for (int run = 0; run < DATA_SETS; run++) {
            Cells<Sample> cells = new Cells<>(
                    scores(random, "tb", distributions[0]),
                    scores(random, "ta", distributions[1]),
                    scores(random, "cb", distributions[2]),
                    scores(random, "ca", distributions[3]));
            tally.add(
                    truth,
                    DifferenceInDifferences.continuous(cells, SETTINGS),
                    DifferenceInDifferences.continuousBootstrap(
                            cells, SETTINGS, new Resampling(RESAMPLES, random.nextLong())));
        }
        return tally;
    }

    private static BinarySample binary(SplittableRandom random, String group, double rate) {
        int events = 0;
        for (int i = 0; i < UNITS_PER_CELL; i++) {
            if (random.nextDouble() < rate) {
                events++;
            }
        }
        return new BinarySample(group, events, UNITS_PER_CELL);
    }

    /** Scores 1..5 drawn with the given probabilities; 50 units a cell keeps the bootstrap quick. */
    private static Sample scores(SplittableRandom random, String group, double[] probabilities) {
        double[] values = new double[50];
        for (int i = 0; i < values.length; i++) {
            double u = random.nextDouble();
            int score = 1;
            double cumulative = probabilities[0];
            while (u >= cumulative && score < 5) {
                cumulative += probabilities[score];
                score++;
            }
            values[i] = score;
        }
        return Sample.of(group, values);
    }

    private static double mean(double[] probabilities) {
        double mean = 0;
        for (int score = 1; score <= 5; score++) {
            mean += score * probabilities[score - 1];
        }
        return mean;
    }

    private static final class Tally {
        private int runs;
        private int closedFormCovers;
        private int bootstrapCovers;
        private int closedFormSignificant;
        private int bootstrapSignificant;

        void add(double truth, Finding closedForm, Finding bootstrap) {
            Estimate closed = closedForm.estimate().orElseThrow();
            Estimate boot = bootstrap.estimate().orElseThrow();
            runs++;
            closedFormCovers += closed.includes(truth) ? 1 : 0;
            bootstrapCovers += boot.includes(truth) ? 1 : 0;
            closedFormSignificant += closed.significantAt(0.05) ? 1 : 0;
            bootstrapSignificant += boot.significantAt(0.05) ? 1 : 0;
        }

        double closedFormCoverage() {
            return (double) closedFormCovers / runs;
        }

        double bootstrapCoverage() {
            return (double) bootstrapCovers / runs;
        }

        double closedFormSignificant() {
            return (double) closedFormSignificant / runs;
        }

        double bootstrapSignificant() {
            return (double) bootstrapSignificant / runs;
        }
    }
}
