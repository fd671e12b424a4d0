package io.fidelis.generator;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Random streams derived from the book's seed. Each customer gets its own stream from (seed, customer index), so a
 * customer's records do not depend on the customers before it, on threads or on the order of generation.
 *
 * <p>Within a customer, draws that may or may not happen depending on the customer's story (a month of activity, a
 * survey, the payment of one installment) come from streams keyed by what they are about ({@link #keyed}), not from one
 * shared sequence: a story that runs on longer (a churn the strategy prevented) adds draws without moving any draw of
 * the days before, so a treated customer's records up to the cancelled event are exactly those it would have had
 * untreated, and the two versions share their random numbers (common random numbers).
 */
final class Seeds {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Seeds() {}

    /** The random stream of the customer at {@code index} (0-based). */
    static SplittableRandom forCustomer(long seed, int index) {
        return new SplittableRandom(mix(seed + GOLDEN_GAMMA * (index + 1L)) ^ mix(seed));
    }

    /** A stream for the draws about {@code key} (a month index, a day, an installment number) of one purpose. */
    static Draw keyed(long root, Purpose purpose, long key) {
        return new Draw(new SplittableRandom(keyedSeed(root, purpose, key)));
    }

    static long keyedSeed(long root, Purpose purpose, long key) {
        return mix(mix(root + GOLDEN_GAMMA * (purpose.ordinal() + 1L)) + GOLDEN_GAMMA * key);
    }

    /** The SplitMix64 finaliser: spreads nearby inputs over the whole range. */
    static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** 64-bit FNV-1a of the UTF-8 bytes: a fixed hash of a text (a strategy id) to mix into a seed. */
    static long hash(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** What a keyed stream is for; each purpose has streams of its own. */
    enum Purpose {
        /** Interactions and complaints of one month of activity (key: month index). */
        MONTH,
        /** One survey (key: its number in the survey schedule). */
        SURVEY,
        /** The channels of the interactions, drawn in date order (key 0). */
        CHANNEL,
        /** Closure of the relationship and the end of activity after a default (key 0). */
        CLOSURE,
        /** The exit itself: quotes before leaving, the default declaration (key 0). */
        EXIT,
        /** The payment of one installment (key: installment number), from the loan's seed. */
        PAYMENT,
        /** Application, cancellation, fate (prepayment, refinancing) of one loan (key 0), from the loan's seed. */
        FATE,
        /** Restructuring of one loan (key 0), from the loan's seed. */
        RESTRUCTURE,
        /** Extra drawdowns of a revolving loan (key 0), from the loan's seed. */
        DRAWDOWN,
        /** The strategy's decisions for one customer: which exit it prevents (key 0), survey shifts (key: day). */
        TREATMENT
    }
}
