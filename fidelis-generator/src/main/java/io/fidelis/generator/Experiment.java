package io.fidelis.generator;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A randomised evaluation of one strategy simulated in the book, as in the seed's worked case: on {@code start}, every
 * customer onboarded by then that had not left or stopped paying is assigned to treatment or control, randomised within
 * its stratum (intended tier and stage on that day); from the day after, the strategy's {@link Effects} apply to the
 * treated customers only. The book then holds {@code assignments.csv}, and {@code generation.json} records the effects
 * with the exact outcome definitions they hold for and the effects realised in the book.
 *
 * <p>The outcomes are measured in the window from the day after {@code start} to {@link #windowEnd}: twelve months, or
 * up to the end date when it comes first.
 *
 * @param strategyId names the strategy; part of the assignment's random stream (letters, digits, {@code . _ -})
 * @param start the day of the assignment; effects apply to what happens after it
 * @param treatmentShare share of each stratum assigned to treatment, strictly between 0 and 1
 * @param effects the true effects on treated customers
 */
public record Experiment(String strategyId, LocalDate start, double treatmentShare, Effects effects) {

    /** The strategy id used when none is given. */
    public static final String DEFAULT_STRATEGY_ID = "worked-case";

    /** Length of the outcome window after the start. */
    public static final int OUTCOME_MONTHS = 12;

    /** The start must leave at least this much of the period for the effects to show. */
    public static final int MIN_MONTHS_BEFORE_END = 6;

    /** The name of the file of the arms. */
    public static final String ASSIGNMENTS_FILE = "assignments.csv";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public Experiment {
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(effects, "effects");
        if (!ID.matcher(strategyId).matches()) {
            throw new IllegalArgumentException("strategy id '" + strategyId
                    + "' must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (!(treatmentShare > 0 && treatmentShare < 1)) {
            throw new IllegalArgumentException(
                    "treatment share " + treatmentShare + " must be strictly between 0 and 1, e.g. 0.5");
        }
    }

    /** Last day of the outcome window: twelve months after the start, or the end date if earlier. */
    public LocalDate windowEnd(LocalDate end) {
        LocalDate twelveMonths = start.plusMonths(OUTCOME_MONTHS);
        return twelveMonths.isAfter(end) ? end : twelveMonths;
    }

    /**
     * Checks that the start lies in the book's period and leaves at least {@value #MIN_MONTHS_BEFORE_END} months
     * before its end.
     *
     * @throws IllegalArgumentException saying which dates are allowed
     */
    public void checkWithin(GeneratorSettings settings) {
        LocalDate latest = settings.end().minusMonths(MIN_MONTHS_BEFORE_END);
        if (!start.isAfter(settings.windowStart()) || start.isAfter(latest)) {
            LocalDate fullWindow = settings.end().minusMonths(OUTCOME_MONTHS);
            throw new IllegalArgumentException("strategy start " + start + " must lie after the start of the period ("
                    + settings.windowStart() + ") and at least " + MIN_MONTHS_BEFORE_END + " months before its end ("
                    + settings.end() + "), so from " + settings.windowStart().plusDays(1) + " to " + latest
                    + (fullWindow.isAfter(settings.windowStart())
                            ? "; on or before " + fullWindow + " for a full " + OUTCOME_MONTHS + "-month window"
                            : ""));
        }
    }
}
