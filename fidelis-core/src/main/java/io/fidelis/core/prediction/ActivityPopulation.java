package io.fidelis.core.prediction;

import io.fidelis.core.domain.CustomerHistory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The population step of a classification as of a date: every customer's activity summary up to the date (nothing
 * after it is read), then one BG/NBD fit on them all ({@link BgNbd#fit}). Fed one history at a time, from any number
 * of threads; the fit does not depend on the order the histories came in.
 */
public final class ActivityPopulation {

    private final LocalDate asOf;
    private final List<ActivitySummary> summaries = new ArrayList<>();

    public ActivityPopulation(LocalDate asOf) {
        this.asOf = Objects.requireNonNull(asOf, "as-of date");
    }

    /** Adds a customer: its activity summary as of the date, when it had an activity event by then. */
    public void add(CustomerHistory history) {
        var summary = ActivityEvents.summary(history, asOf);
        synchronized (summaries) {
            summary.ifPresent(summaries::add);
        }
    }

    /** The fit on the customers added so far; unfitted (with the reason) when none had a repeat event. */
    public ActivityFit fit() {
        synchronized (summaries) {
            List<ActivitySummary> sorted = new ArrayList<>(summaries);
            // the optimiser's path depends on the order of the distinct summaries: sort for a result free of it
            sorted.sort((p, q) -> p.x() != q.x()
                    ? Integer.compare(p.x(), q.x())
                    : p.tx() != q.tx() ? Double.compare(p.tx(), q.tx()) : Double.compare(p.T(), q.T()));
            try {
                return new ActivityFit(asOf, sorted.size(), BgNbd.fit(sorted), null);
            } catch (IllegalArgumentException noRepeats) {
                return new ActivityFit(asOf, sorted.size(), null, noRepeats.getMessage());
            }
        }
    }
}
