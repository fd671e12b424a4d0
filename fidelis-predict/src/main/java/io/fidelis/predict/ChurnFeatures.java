package io.fidelis.predict;

import io.fidelis.core.classification.Classification;
import io.fidelis.core.features.FeatureId;
import io.fidelis.core.features.FeatureUnit;
import io.fidelis.core.features.Features;
import io.fidelis.core.prediction.ActivityFit;
import io.fidelis.core.prediction.ActivitySummary;
import io.fidelis.core.prediction.BgNbd;
import io.fidelis.core.prediction.BgNbdParameters;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns snapshots into observations for the churn model: every feature of the classification (amounts and counts
 * as log(1 + x)), a missing value as 0 with a {@code code:missing} flag), the loyalty score, the stage and tier, and the
 * BG/NBD features {@value #P_ALIVE} and {@value #EXPECTED_ACTIVITY}. BG/NBD is fitted once per as-of date on every
 * customer's activity then (the population step), so nothing after the date enters the features.
 */
public final class ChurnFeatures {

    /** P(alive) under the BG/NBD model fitted on the book as of the date (1 without activity events). */
    public static final String P_ALIVE = "bgnbd_p_alive";

    /** Expected activity events in the next 26 weeks under the same fit (0 without activity events). */
    public static final String EXPECTED_ACTIVITY = "bgnbd_expected_activity_26w";

    /** The recency feature, alone the recency baseline. */
    public static final String RECENCY = FeatureId.DAYS_SINCE_LAST_ACTIVITY.code();

    static final double HORIZON_WEEKS = ActivityFit.HORIZON_WEEKS;

    /** The default (PD) model's features: repayment behaviour, credit events and recency. */
    static final Set<String> DEFAULT_FEATURES = Set.of(
            FeatureId.DAYS_SINCE_LAST_ACTIVITY.code(),
            FeatureId.ON_TIME_RATE_BY_COUNT.code(),
            FeatureId.ON_TIME_RATE_BY_AMOUNT.code(),
            FeatureId.CURRENT_DAYS_PAST_DUE.code(),
            FeatureId.MAX_DAYS_PAST_DUE.code(),
            FeatureId.DEFAULTS.code(),
            FeatureId.RESTRUCTURINGS.code(),
            FeatureId.WRITE_OFFS.code(),
            FeatureId.INSTALLMENTS_DUE.code(),
            FeatureId.ACTIVE_LOANS.code(),
            FeatureId.OUTSTANDING_AMOUNT.code());

    private ChurnFeatures() {}

    /** One observation per snapshot, in the same order; the event is {@link Snapshot#churned()}. */
    public static List<Observation> of(List<Snapshot> snapshots) {
        return of(snapshots, Outcome.CHURN);
    }

    /** One observation per snapshot, in the same order; the event is the outcome (false when not known yet). */
    public static List<Observation> of(List<Snapshot> snapshots, Outcome outcome) {
        Map<LocalDate, Optional<BgNbdParameters>> fits = new TreeMap<>();
        Map<LocalDate, List<ActivitySummary>> byDate = new HashMap<>();
        for (Snapshot snapshot : snapshots) {
            snapshot.activity()
                    .ifPresent(a -> byDate.computeIfAbsent(snapshot.asOf(), d -> new ArrayList<>())
                            .add(a));
        }
        byDate.forEach((date, activities) -> fits.put(date, fit(activities)));
        List<Observation> observations = new ArrayList<>(snapshots.size());
        for (Snapshot snapshot : snapshots) {
            observations.add(observation(snapshot, fits.getOrDefault(snapshot.asOf(), Optional.empty()), outcome));
        }
        return observations;
    }

    /**
     * The observation of one customer classified as of a date, for scoring and explaining it: {@code fit} is BG/NBD
     * fitted on the whole book as of the same date (empty when it could not be fitted), as for the snapshots.
     */
    public static Observation observation(
            Classification classification, Optional<ActivitySummary> activity, Optional<BgNbdParameters> fit) {
        return observation(
                new Snapshot(classification.asOf(), classification, activity, null, false), fit, Outcome.CHURN);
    }

    static Observation observation(Snapshot snapshot, Optional<BgNbdParameters> fit, Outcome outcome) {
        Map<String, Double> values = new HashMap<>();
        Features features = snapshot.classification().features();
        for (FeatureId id : FeatureId.values()) {
            if (id.population()) {
                continue; // the model's own BG/NBD features below, fitted the same way at every month-end
            }
            if (features.has(id)) {
                double value = features.valueOr(id, 0);
                values.put(id.code(), compressed(id.unit()) ? Math.log1p(Math.max(0, value)) : value);
            } else {
                values.put(id.code() + ":missing", 1.0);
            }
        }
        snapshot.classification().score().ifPresent(score -> values.put("loyalty_score", score));
        values.put("stage=" + snapshot.classification().stage().code(), 1.0);
        values.put("tier=" + snapshot.classification().tier().code(), 1.0);
        double pAlive = 1.0;
        double expected = 0.0;
        if (fit.isPresent() && snapshot.activity().isPresent()) {
            pAlive = fit.get().probabilityAlive(snapshot.activity().get());
            expected = fit.get().expectedActivity(snapshot.activity().get(), HORIZON_WEEKS);
        }
        values.put(P_ALIVE, pAlive);
        values.put(EXPECTED_ACTIVITY, expected);
        if (outcome == Outcome.DEFAULT) {
            // a few hundred defaults cannot carry some 60 features: the credit-risk signals and recency only
            values.keySet().removeIf(name -> !DEFAULT_FEATURES.contains(name.replace(":missing", "")));
        }
        return new Observation(
                snapshot.customerId() + "@" + snapshot.asOf(), values, Boolean.TRUE.equals(outcome.happened(snapshot)));
    }

    /** Amounts and counts are skewed: log(1 + x) keeps a rare large value from dominating a linear score. */
    static boolean compressed(FeatureUnit unit) {
        return unit == FeatureUnit.AMOUNT || unit == FeatureUnit.COUNT;
    }

    private static Optional<BgNbdParameters> fit(List<ActivitySummary> activities) {
        try {
            return Optional.of(BgNbd.fit(activities).parameters());
        } catch (IllegalArgumentException noRepeats) {
            return Optional.empty();
        }
    }
}
