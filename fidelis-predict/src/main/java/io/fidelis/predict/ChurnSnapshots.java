package io.fidelis.predict;

import io.fidelis.core.classification.Classification;
import io.fidelis.core.classification.Classifier;
import io.fidelis.core.classification.MonthlySeries;
import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.domain.Loan;
import io.fidelis.core.domain.LoanStatus;
import io.fidelis.core.policy.Policy;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.prediction.ActivityEvents;
import io.fidelis.core.prediction.ActivitySummary;
import io.fidelis.core.prediction.BgNbdParameters;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Monthly snapshots of a book for the churn model: every customer classified by the policy at every month-end from
 * {@code from} to {@code to} (one {@link MonthlySeries} pass, the same classification as {@code classify --as-of}),
 * each with its stage {@code horizonMonths} later where the data reaches that far. Fed one history at a time.
 */
public final class ChurnSnapshots {

    private final MonthlySeries series;
    private final List<LocalDate> dates;
    private final int horizonMonths;
    private final Predicate<Snapshot> keep;
    private final List<Snapshot> snapshots = new ArrayList<>();
    private final Map<LocalDate, List<ActivitySummary>> activities = new HashMap<>();

    /**
     * @param from the first snapshot month-end
     * @param to the last month-end of the data (the last snapshot and the last horizon)
     */
    public ChurnSnapshots(Policy policy, LocalDate from, LocalDate to, int horizonMonths) {
        this(policy, from, to, horizonMonths, snapshot -> true);
    }

    /**
     * Keeping only the snapshots {@code keep} accepts (a fit needs the units at risk with a known outcome only), while
     * every customer's activity still enters the BG/NBD fit of each date ({@link #populationFits()}).
     */
    public ChurnSnapshots(Policy policy, LocalDate from, LocalDate to, int horizonMonths, Predicate<Snapshot> keep) {
        this.dates = MonthlySeries.monthEnds(from, to);
        this.series = new MonthlySeries(new Classifier(policy), dates);
        this.horizonMonths = horizonMonths;
        this.keep = keep;
    }

    public void add(CustomerHistory history) {
        List<Classification> monthly = series.classify(history, List.of());
        Map<LocalDate, Stage> stages = new HashMap<>();
        monthly.forEach(c -> stages.put(c.asOf(), c.stage()));
        for (Classification classification : monthly) {
            LocalDate later = classification.asOf().plusMonths(horizonMonths).withDayOfMonth(1);
            later = later.withDayOfMonth(later.lengthOfMonth());
            Snapshot snapshot = Snapshot.of(
                    classification,
                    ActivityEvents.summary(history, classification.asOf()),
                    stages.get(later),
                    defaulted(history, classification.asOf(), later));
            snapshot.activity()
                    .ifPresent(a -> activities
                            .computeIfAbsent(snapshot.asOf(), d -> new ArrayList<>())
                            .add(a));
            if (keep.test(snapshot)) {
                snapshots.add(snapshot);
            }
        }
    }

    private static boolean defaulted(CustomerHistory history, LocalDate after, LocalDate upTo) {
        for (Loan loan : history.loans()) {
            boolean bad = loan.status() == LoanStatus.DEFAULTED || loan.status() == LoanStatus.WRITTEN_OFF;
            LocalDate on = loan.statusDate();
            if (bad && on != null && on.isAfter(after) && !on.isAfter(upTo)) {
                return true;
            }
        }
        return false;
    }

    /** The snapshots so far, customer by customer, each customer's oldest first. */
    public List<Snapshot> snapshots() {
        return List.copyOf(snapshots);
    }

    /**
     * BG/NBD fitted on every customer's activity at each date (kept snapshot or not), empty where it cannot be fitted;
     * the same fits as {@link ChurnFeatures#of} makes from all the snapshots.
     */
    public Map<LocalDate, Optional<BgNbdParameters>> populationFits() {
        return ChurnFeatures.fits(activities);
    }

    public List<LocalDate> dates() {
        return dates;
    }

    public int horizonMonths() {
        return horizonMonths;
    }
}
