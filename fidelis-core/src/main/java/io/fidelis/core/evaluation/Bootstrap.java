package io.fidelis.core.evaluation;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * The percentile bootstrap of a difference-in-differences: units are resampled with replacement within each of the
 * four cells, independently, from one {@link SplittableRandom} seeded by {@link Resampling#seed()}, cells in the order
 * of {@link Cells#all()}. Deterministic for the data, resamples and seed.
 */
final class Bootstrap {

    private Bootstrap() {}

    static double[] binary(Cells<BinarySample> cells, Resampling resampling) {
        SplittableRandom random = new SplittableRandom(resampling.seed());
        List<BinarySample> all = cells.all();
        double[] replicates = new double[resampling.resamples()];
        double[] proportions = new double[4];
        for (int b = 0; b < replicates.length; b++) {
            for (int cell = 0; cell < 4; cell++) {
                BinarySample sample = all.get(cell);
                int size = sample.size();
                int events = sample.events();
                int drawn = 0;
                for (int i = 0; i < size; i++) {
                    // Units 0..events-1 are the ones with the event: drawing a unit index resamples one unit.
                    if (random.nextInt(size) < events) {
                        drawn++;
                    }
                }
                proportions[cell] = (double) drawn / size;
            }
            replicates[b] = did(proportions);
        }
        return replicates;
    }

    static double[] continuous(Cells<Sample> cells, Resampling resampling) {
        SplittableRandom random = new SplittableRandom(resampling.seed());
        List<Sample> all = cells.all();
        double[] replicates = new double[resampling.resamples()];
        double[] means = new double[4];
        for (int b = 0; b < replicates.length; b++) {
            for (int cell = 0; cell < 4; cell++) {
                Sample sample = all.get(cell);
                int size = sample.size();
                double sum = 0;
                for (int i = 0; i < size; i++) {
                    sum += sample.valueAt(random.nextInt(size));
                }
                means[cell] = sum / size;
            }
            replicates[b] = did(means);
        }
        return replicates;
    }

    /**
     * The percentile interval of the replicates, and the p-value that inverts it: twice the smaller share of
     * replicates on either side of {@code nullValue}, each count plus one over resamples plus one, capped at 1.
     */
    static Estimate percentile(
            double point,
            double[] replicates,
            double nullValue,
            EstimationSettings settings,
            List<GroupSize> groups,
            Method method,
            Resampling resampling) {
        double[] sorted = replicates.clone();
        Arrays.sort(sorted);
        int count = sorted.length;
        double alpha = 1 - settings.confidenceLevel();
        // The k-th of B sorted replicates estimates the k/(B+1) quantile; B = 2000 gives the 50th and 1951st.
        int k = Math.max(1, (int) Math.floor((count + 1) * alpha / 2));
        double lower = sorted[k - 1];
        double upper = sorted[count - k];
        int atOrBelow = 0;
        int atOrAbove = 0;
        for (double replicate : sorted) {
            if (replicate <= nullValue) {
                atOrBelow++;
            }
            if (replicate >= nullValue) {
                atOrAbove++;
            }
        }
        double p = Math.min(1, 2.0 * (Math.min(atOrBelow, atOrAbove) + 1) / (count + 1));
        return new Estimate(
                point, lower, upper, OptionalDouble.of(p), settings.confidenceLevel(), groups, method, resampling);
    }

    /** (treatment after - treatment before) - (control after - control before), in {@link Cells#all()} order. */
    static double did(double[] cells) {
        return (cells[1] - cells[0]) - (cells[3] - cells[2]);
    }
}
