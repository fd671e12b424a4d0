package io.fidelis.generator;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to generate: how many customers, from which seed, and which period. The same settings always give
 * byte-identical files.
 *
 * @param customers number of customers, 1 to {@value #MAX_CUSTOMERS}
 * @param seed the random seed
 * @param end the as-of date of the book: no record is dated after it
 * @param years length of the period covered, ending at {@code end}, 1 to {@value #MAX_YEARS}
 */
public record GeneratorSettings(int customers, long seed, LocalDate end, int years) {

    /**
     * Version of the generation algorithm. It changes whenever the same settings would give different files, so a
     * book's {@code generation.json} says which algorithm made it.
     */
    public static final String GENERATOR_VERSION = "1.1";

    /** The end date used when none is given. */
    public static final LocalDate DEFAULT_END = LocalDate.of(2026, 9, 30);

    /** The period length used when none is given, as in the worked case. */
    public static final int DEFAULT_YEARS = 3;

    /** Customer ids have seven digits. */
    public static final int MAX_CUSTOMERS = 9_999_999;

    /** Longest period covered. */
    public static final int MAX_YEARS = 20;

    public GeneratorSettings {
        Objects.requireNonNull(end, "end");
        if (customers < 1 || customers > MAX_CUSTOMERS) {
            throw new IllegalArgumentException(
                    "customers must be between 1 and " + MAX_CUSTOMERS + ", was " + customers);
        }
        if (years < 1 || years > MAX_YEARS) {
            throw new IllegalArgumentException("years must be between 1 and " + MAX_YEARS + ", was " + years);
        }
        // Room for decades of history before the end and ten-year loans after it, all in four-digit years.
        if (end.getYear() < 1900 || end.getYear() > 9900) {
            throw new IllegalArgumentException("end must be a date in the years 1900 to 9900, was " + end);
        }
    }

    /** First day of the period covered: records dated before it are not written. */
    public LocalDate windowStart() {
        return end.minusYears(years);
    }
}
