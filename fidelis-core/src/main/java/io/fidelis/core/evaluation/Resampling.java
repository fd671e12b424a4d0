package io.fidelis.core.evaluation;

/**
 * How a bootstrap resampled: the number of resamples and the seed of its {@link java.util.SplittableRandom}. The
 * same data, resamples and seed always give the same interval.
 *
 * @param resamples number of bootstrap resamples, 0 for closed forms ({@link #NONE}), otherwise at least 100
 * @param seed seed of the random stream
 */
public record Resampling(int resamples, long seed) {

    /** The default number of resamples: 2000 puts the 2.5% and 97.5% percentiles on 50 resamples each. */
    public static final int DEFAULT_RESAMPLES = 2000;

    /** No resampling: the estimate has a closed form. */
    public static final Resampling NONE = new Resampling(0, 0);

    public Resampling {
        if (resamples != 0 && resamples < 100) {
            throw new IllegalArgumentException(
                    "a bootstrap needs at least 100 resamples for a percentile interval, not " + resamples);
        }
        if (resamples < 0) {
            throw new IllegalArgumentException("resamples " + resamples + " is negative");
        }
    }

    /** {@link #DEFAULT_RESAMPLES} resamples from {@code seed}. */
    public static Resampling withSeed(long seed) {
        return new Resampling(DEFAULT_RESAMPLES, seed);
    }

    /** Whether this is {@link #NONE}. */
    public boolean isNone() {
        return resamples == 0;
    }
}
