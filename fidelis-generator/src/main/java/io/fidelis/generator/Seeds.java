package io.fidelis.generator;

import java.util.SplittableRandom;

/**
 * Random streams derived from the book's seed. Each customer gets its own stream from (seed, customer index), so a
 * customer's records do not depend on the customers before it, on threads or on the order of generation.
 */
final class Seeds {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Seeds() {}

    /** The random stream of the customer at {@code index} (0-based). */
    static SplittableRandom forCustomer(long seed, int index) {
        return new SplittableRandom(mix(seed + GOLDEN_GAMMA * (index + 1L)) ^ mix(seed));
    }

    /** The SplitMix64 finaliser: spreads nearby inputs over the whole range. */
    static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
