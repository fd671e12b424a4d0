package io.fidelis.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PooledMeansTest {

    private static final EstimationSettings ANY_SIZE = EstimationSettings.of(1);

    /** Three customers answering 4 and 5; 3; 2, 2 and 5: six answers, mean 3.5. */
    private static PooledAnswers firstPool() {
        PooledAnswers pool = new PooledAnswers("medium|treatment");
        pool.add(Answers.NONE, answers(4, 5));
        pool.add(Answers.NONE, answers(3));
        pool.add(Answers.NONE, answers(2, 2, 5));
        pool.add(Answers.NONE, Answers.NONE); // a customer without answers is not a cluster
        return pool;
    }

    /** Three customers answering 5 and 5; 4; 5 and 4: mean 4.6. */
    private static PooledAnswers secondPool() {
        PooledAnswers pool = new PooledAnswers("medium|control");
        pool.add(Answers.NONE, answers(5, 5));
        pool.add(Answers.NONE, answers(4));
        pool.add(Answers.NONE, answers(5, 4));
        return pool;
    }

    @Test
    void aPooledMeanHasAClusterIntervalOnCustomers() {
        // By hand: residuals y - 3.5 m are 2, -0.5, -1.5, squares 6.5; variance 3/2 * 6.5 / 6^2 = 0.2708333;
        // t(0.975, 2 df) = 4.302653: 3.5 -/+ 2.239172.
        Estimate mean = estimate(PooledMeans.mean(firstPool().after(), ANY_SIZE));

        assertThat(firstPool().after().customers()).isEqualTo(3);
        assertThat(firstPool().after().answers()).isEqualTo(6);
        assertThat(mean.point()).isEqualTo(3.5);
        assertThat(mean.lower()).isCloseTo(1.2608285, within(1e-6));
        assertThat(mean.upper()).isCloseTo(5.7391715, within(1e-6));
        assertThat(mean.pValue()).isEmpty();
        assertThat(mean.method()).isEqualTo(Method.POOLED_MEAN_CLUSTER_T);
        assertThat(mean.groups()).containsExactly(new GroupSize("medium|treatment|after", 3));
    }

    @Test
    void aDifferenceOfPooledMeansIsWelchOnCustomers() {
        // By hand (scipy): variances 0.0624 and 0.2708333, df 2.875, t interval and p-value as below.
        Estimate difference = estimate(
                PooledMeans.difference(secondPool().after(), firstPool().after(), ANY_SIZE));

        assertThat(difference.point()).isCloseTo(1.1, within(1e-12));
        assertThat(difference.lower()).isCloseTo(-0.7830781, within(1e-6));
        assertThat(difference.upper()).isCloseTo(2.9830781, within(1e-6));
        assertThat(difference.pValue()).hasValueCloseTo(0.1567756, within(1e-6));
        assertThat(difference.method()).isEqualTo(Method.POOLED_DIFFERENCE_CLUSTER_WELCH);
    }

    @Test
    void oneCustomerIsNotEnoughWhateverTheMinimum() {
        PooledAnswers lonely = new PooledAnswers("high|control");
        lonely.add(Answers.NONE, answers(5, 5, 4, 5));

        Finding finding = PooledMeans.difference(firstPool().after(), lonely.after(), ANY_SIZE);

        assertThat(finding).isInstanceOf(InsufficientData.class);
        assertThat(((InsufficientData) finding).tooSmall()).containsExactly(new GroupSize("high|control|after", 1));
    }

    @Test
    void theMinimumCountsCustomersNotAnswers() {
        Finding finding = PooledMeans.mean(firstPool().after(), EstimationSettings.of(4));

        assertThat(finding).isInstanceOf(InsufficientData.class);
        assertThat(((InsufficientData) finding).minimumGroupSize()).isEqualTo(4);
    }

    static Stream<Long> seeds() {
        return LongStream.of(3, 20_261_128).boxed();
    }

    /** The sums kept give the variance of the per-customer linearisation computed directly. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theVarianceOfAChangeEqualsTheDirectLinearisation(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int customers = 40;
        long[][] counts = new long[customers][2];
        long[][] sums = new long[customers][2];
        PooledAnswers pool = new PooledAnswers("g");
        for (int i = 0; i < customers; i++) {
            Answers[] periods = new Answers[2];
            for (int p = 0; p < 2; p++) {
                Answers answers = Answers.NONE;
                int n = random.nextInt(4);
                for (int k = 0; k < n; k++) {
                    answers = answers.plus(1 + random.nextInt(5));
                }
                periods[p] = answers;
                counts[i][p] = answers.count();
                sums[i][p] = answers.sum();
            }
            pool.add(periods[0], periods[1]);
        }
        double[] totalCounts = new double[2];
        double[] totalSums = new double[2];
        int clusters = 0;
        for (int i = 0; i < customers; i++) {
            for (int p = 0; p < 2; p++) {
                totalCounts[p] += counts[i][p];
                totalSums[p] += sums[i][p];
            }
            clusters += counts[i][0] + counts[i][1] > 0 ? 1 : 0;
        }
        double meanBefore = totalSums[0] / totalCounts[0];
        double meanAfter = totalSums[1] / totalCounts[1];
        double squares = 0;
        double beforeSquares = 0;
        for (int i = 0; i < customers; i++) {
            double z = (sums[i][1] - meanAfter * counts[i][1]) / totalCounts[1]
                    - (sums[i][0] - meanBefore * counts[i][0]) / totalCounts[0];
            squares += z * z;
            double r = sums[i][0] - meanBefore * counts[i][0];
            beforeSquares += r * r;
        }
        double expected = (double) clusters / (clusters - 1) * squares;
        long answeringBefore = answering(counts, 0);
        double expectedBefore =
                (double) answeringBefore / (answeringBefore - 1) * beforeSquares / (totalCounts[0] * totalCounts[0]);

        assertThat(pool.customers()).isEqualTo(clusters);
        assertThat(pool.varianceOfChange()).isCloseTo(expected, within(expected * 1e-9));
        assertThat(pool.before().varianceOfMean()).isCloseTo(expectedBefore, within(expectedBefore * 1e-9));
        assertThat(pool.after().mean()).isCloseTo(meanAfter, within(1e-12));
    }

    /** Customers answering in a period: counts[i][period] > 0. */
    private static long answering(long[][] counts, int period) {
        long n = 0;
        for (long[] row : counts) {
            n += row[period] > 0 ? 1 : 0;
        }
        return n;
    }

    /**
     * Simulated evaluations where customers differ a lot (customer effect sd 20, answer noise sd 10, 0..4 answers per
     * period), the same customers before and after, a common trend of +3 and a true effect of +5 on the treated after:
     * the cluster intervals hold their 95% level, while Welch on the answers as if each were its own unit would not.
     * 400 data sets: the bounds leave room for the simulation's own noise (one standard error is 1.1 points).
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void clusterIntervalsCoverTheTruthWhenCustomersDiffer(long seed) {
        int dataSets = 400;
        int coveredDifference = 0;
        int coveredDid = 0;
        int naiveCovered = 0;
        int significantZero = 0;
        SplittableRandom random = new SplittableRandom(seed);
        for (int d = 0; d < dataSets; d++) {
            Simulated effect = simulate(random, 5);
            Simulated zero = simulate(random, 0);
            Estimate difference =
                    estimate(PooledMeans.difference(effect.treatment.after(), effect.control.after(), ANY_SIZE));
            Estimate did = estimate(PooledMeans.differenceInDifferences(effect.treatment, effect.control, ANY_SIZE));
            Estimate naive = estimate(Means.difference(
                    Sample.of("treatment", effect.treatmentAnswers),
                    Sample.of("control", effect.controlAnswers),
                    ANY_SIZE));
            coveredDifference += difference.includes(5) ? 1 : 0;
            coveredDid += did.includes(5) ? 1 : 0;
            naiveCovered += naive.includes(5) ? 1 : 0;
            Estimate nothing = estimate(PooledMeans.differenceInDifferences(zero.treatment, zero.control, ANY_SIZE));
            significantZero += nothing.significantAt(0.05) ? 1 : 0;
        }

        assertThat(coveredDifference / (double) dataSets).isBetween(0.92, 0.98);
        assertThat(coveredDid / (double) dataSets).isBetween(0.92, 0.98);
        assertThat(significantZero / (double) dataSets).isLessThanOrEqualTo(0.08);
        assertThat(naiveCovered / (double) dataSets)
                .as("answers as independent units")
                .isLessThan(0.85);
    }

    /** Two arms, and the arms' answers after the start one by one. */
    private record Simulated(
            PooledAnswers treatment,
            PooledAnswers control,
            List<Integer> treatmentAnswers,
            List<Integer> controlAnswers) {}

    /** Treatment and control arms of 150 customers each. */
    private static Simulated simulate(SplittableRandom random, int effect) {
        Simulated simulated = new Simulated(
                new PooledAnswers("treatment"), new PooledAnswers("control"), new ArrayList<>(), new ArrayList<>());
        for (int arm = 0; arm < 2; arm++) {
            PooledAnswers pool = arm == 0 ? simulated.treatment : simulated.control;
            List<Integer> after = arm == 0 ? simulated.treatmentAnswers : simulated.controlAnswers;
            for (int i = 0; i < 150; i++) {
                double customer = 20 * gaussian(random);
                Answers answersBefore = Answers.NONE;
                Answers answersAfter = Answers.NONE;
                for (int k = random.nextInt(5); k > 0; k--) {
                    answersBefore = answersBefore.plus((int) Math.round(50 + customer + 10 * gaussian(random)));
                }
                for (int k = random.nextInt(5); k > 0; k--) {
                    int answer = (int) Math.round(50 + customer + 10 * gaussian(random)) + 3 + (arm == 0 ? effect : 0);
                    answersAfter = answersAfter.plus(answer);
                    after.add(answer);
                }
                pool.add(answersBefore, answersAfter);
            }
        }
        return simulated;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller from the seeded stream: reproducible whatever the JDK's Random.
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static Answers answers(int... values) {
        Answers answers = Answers.NONE;
        for (int value : values) {
            answers = answers.plus(value);
        }
        return answers;
    }

    private static Estimate estimate(Finding finding) {
        assertThat(finding).isInstanceOf(Estimate.class);
        return (Estimate) finding;
    }
}
