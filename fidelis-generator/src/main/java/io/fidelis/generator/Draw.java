package io.fidelis.generator;

import java.util.SplittableRandom;

/** Small random draws on top of a {@link SplittableRandom}. */
final class Draw {

    private final SplittableRandom random;

    Draw(SplittableRandom random) {
        this.random = random;
    }

    /** A whole number from {@code min} to {@code max}, both included. */
    long between(long min, long max) {
        return max <= min ? min : random.nextLong(min, max + 1);
    }

    /** A whole number from {@code min} to {@code max}, both included. */
    int between(int min, int max) {
        return max <= min ? min : random.nextInt(min, max + 1);
    }

    /** A number in [min, max). */
    double uniform(double min, double max) {
        return min + (max - min) * random.nextDouble();
    }

    /** A seed for a stream of its own (one draw). */
    long seed() {
        return random.nextLong();
    }

    double unit() {
        return random.nextDouble();
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** A standard normal draw (Box-Muller; the second value is dropped so each call uses exactly two uniforms). */
    double gaussian() {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** A Poisson count with mean {@code mean} (inversion; fine for the small means used here). */
    int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }

    /** An index drawn with the given weights (not necessarily normalised). */
    int weighted(double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double ticket = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            ticket -= weights[i];
            if (ticket < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** One of the values, uniformly. */
    <T> T oneOf(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
