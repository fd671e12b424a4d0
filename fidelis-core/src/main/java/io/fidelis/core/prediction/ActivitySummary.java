package io.fidelis.core.prediction;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Optional;

/**
 * One customer's activity as the BG/NBD model sees it, in weeks (days / 7) measured from the customer's first event:
 * {@code x} repeat events (distinct event days after the first), the last of them at {@code tx}, observed until
 * {@code T}. A customer with no repeat event has {@code x = 0} and {@code tx = 0}.
 *
 * @param x repeat events, at least 0
 * @param tx time of the last event since the first, in weeks, between 0 and {@code T}
 * @param T time from the first event to the end of observation, in weeks, at least 0
 */
public record ActivitySummary(int x, double tx, double T) {

    private static final double DAYS_PER_WEEK = 7.0;

    public ActivitySummary {
        if (x < 0) {
            throw new IllegalArgumentException("repeat events must be at least 0, was " + x);
        }
        if (!(tx >= 0) || !(T >= tx)) {
            throw new IllegalArgumentException("need 0 <= tx <= T, was tx=" + tx + ", T=" + T);
        }
        if (x == 0 && tx != 0) {
            throw new IllegalArgumentException("a customer with no repeat event has tx = 0, was " + tx);
        }
    }

    /**
     * The summary of a customer's events as of a date (inclusive): events after {@code asOf} are ignored, several on
     * one day count once. Empty when the customer had no event by then.
     */
    public static Optional<ActivitySummary> ofEventDays(Collection<LocalDate> eventDays, LocalDate asOf) {
        LocalDate first = null;
        LocalDate last = null;
        long distinct =
                eventDays.stream().filter(day -> !day.isAfter(asOf)).distinct().count();
        for (LocalDate day : eventDays) {
            if (day.isAfter(asOf)) {
                continue;
            }
            if (first == null || day.isBefore(first)) {
                first = day;
            }
            if (last == null || day.isAfter(last)) {
                last = day;
            }
        }
        if (first == null) {
            return Optional.empty();
        }
        return Optional.of(new ActivitySummary(
                (int) distinct - 1,
                ChronoUnit.DAYS.between(first, last) / DAYS_PER_WEEK,
                ChronoUnit.DAYS.between(first, asOf) / DAYS_PER_WEEK));
    }
}
