package io.fidelis.core.evaluation;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A span of days over which an outcome is measured: from the day after {@code start} to {@code end}, both of those
 * included, written {@code (start, end]}. The period before a strategy's start date ends on that date; the period after
 * begins the day after it, so no day is in both.
 *
 * @param start the day before the first day of the period (excluded)
 * @param end the last day of the period (included), after {@code start}
 */
public record Period(LocalDate start, LocalDate end) {

    public Period {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a period (" + start + ", " + end + "] must end after its start");
        }
    }

    /** {@code (date - months, date]}: the months up to and including {@code date}. */
    public static Period monthsUpTo(LocalDate date, int months) {
        requireMonths(months);
        return new Period(date.minusMonths(months), date);
    }

    /** {@code (date, date + months]}: the months after {@code date}. */
    public static Period monthsAfter(LocalDate date, int months) {
        requireMonths(months);
        return new Period(date, date.plusMonths(months));
    }

    /** Whether {@code date} lies in the period; a missing (null) date does not. */
    public boolean contains(LocalDate date) {
        return date != null && date.isAfter(start) && !date.isAfter(end);
    }

    /** {@code (start, end]}, e.g. {@code (2024-09-30, 2025-09-30]}. */
    @Override
    public String toString() {
        return "(" + start + ", " + end + "]";
    }

    private static void requireMonths(int months) {
        if (months < 1) {
            throw new IllegalArgumentException("a period needs at least 1 month, not " + months);
        }
    }
}
