package io.fidelis.predict;

import io.fidelis.core.classification.Classification;
import io.fidelis.core.features.FeatureId;
import io.fidelis.core.features.FeatureUnit;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
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
        Map<LocalDate, List<ActivitySummary>> byDate = new HashMap<>();
        for (Snapshot snapshot : snapshots) {
            snapshot.activity()
                    .ifPresent(a -> byDate.computeIfAbsent(snapshot.asOf(), d -> new ArrayList<>())
                            .add(a));
        }
        return of(snapshots, outcome, fits(byDate));
    }

    /**
     * One observation per snapshot, in the same order, with BG/NBD already fitted at each date (on every customer's
     * activity then: {@link ChurnSnapshots#populationFits()}).
     */
    public static List<Observation> of(
            List<Snapshot> snapshots, Outcome outcome, Map<LocalDate, Optional<BgNbdParameters>> fits) {
        List<Observation> observations = new ArrayList<>(snapshots.size());
        for (Snapshot snapshot : snapshots) {
            observations.add(observation(snapshot, fits.getOrDefault(snapshot.asOf(), Optional.empty()), outcome));
        }
        return observations;
    }

    /** BG/NBD fitted on the activities of each date, in their order. */
    static Map<LocalDate, Optional<BgNbdParameters>> fits(Map<LocalDate, List<ActivitySummary>> byDate) {
        Map<LocalDate, Optional<BgNbdParameters>> fits = new TreeMap<>();
        byDate.forEach((date, activities) -> fits.put(date, fit(activities)));
        return fits;
    }

    /**
     * The observation of one customer classified as of a date, for scoring and explaining it: {@code fit} is BG/NBD
     * fitted on the whole book as of the same date (empty when it could not be fitted), as for the snapshots.
     */
    public static Observation observation(
            Classification classification, Optional<ActivitySummary> activity, Optional<BgNbdParameters> fit) {
        return observation(Snapshot.of(classification, activity, null, false), fit, Outcome.CHURN);
    }

    static Observation observation(Snapshot snapshot, Optional<BgNbdParameters> fit, Outcome outcome) {
        double pAlive = 1.0;
        double expected = 0.0;
        if (fit.isPresent() && snapshot.activity().isPresent()) {
            pAlive = fit.get().probabilityAlive(snapshot.activity().get());
            expected = fit.get().expectedActivity(snapshot.activity().get(), HORIZON_WEEKS);
        }
        return new Observation(
                snapshot.customerId(),
                snapshot.asOf(),
                outcome == Outcome.DEFAULT ? DEFAULT_COLUMNS.columns : CHURN_COLUMNS.columns,
                new SnapshotRow(
                        outcome == Outcome.DEFAULT ? DEFAULT_COLUMNS : CHURN_COLUMNS, snapshot, pAlive, expected),
                Boolean.TRUE.equals(outcome.happened(snapshot)));
    }

    /** What a column of the churn features is. */
    private enum Kind {
        VALUE,
        MISSING,
        SCORE,
        STAGE,
        TIER,
        P_ALIVE,
        EXPECTED
    }

    /**
     * The columns of the churn features (or the default model's short list): every feature's value (amounts and counts
     * as log(1 + x)) and {@code code:missing} flag, the loyalty score, a flag per stage and tier, the BG/NBD features.
     */
    private static final class Layout {
        final Observation.Columns columns;
        final Kind[] kinds;
        final FeatureId[] ids;
        final Stage[] stages;
        final Tier[] tiers;

        Layout(boolean defaultModel) {
            List<String> names = new ArrayList<>();
            List<Kind> kinds = new ArrayList<>();
            List<FeatureId> ids = new ArrayList<>();
            List<Stage> stages = new ArrayList<>();
            List<Tier> tiers = new ArrayList<>();
            for (FeatureId id : FeatureId.values()) {
                if (id.population() || (defaultModel && !DEFAULT_FEATURES.contains(id.code()))) {
                    continue; // the model's own BG/NBD features below, fitted the same way at every month-end
                }
                for (Kind kind : List.of(Kind.VALUE, Kind.MISSING)) {
                    names.add(kind == Kind.VALUE ? id.code() : id.code() + ":missing");
                    kinds.add(kind);
                    ids.add(id);
                    stages.add(null);
                    tiers.add(null);
                }
            }
            if (!defaultModel) {
                // a few hundred defaults cannot carry some 60 features: the default model has the list above only
                names.add("loyalty_score");
                kinds.add(Kind.SCORE);
                ids.add(null);
                stages.add(null);
                tiers.add(null);
                for (Stage stage : Stage.values()) {
                    names.add("stage=" + stage.code());
                    kinds.add(Kind.STAGE);
                    ids.add(null);
                    stages.add(stage);
                    tiers.add(null);
                }
                for (Tier tier : Tier.values()) {
                    names.add("tier=" + tier.code());
                    kinds.add(Kind.TIER);
                    ids.add(null);
                    stages.add(null);
                    tiers.add(tier);
                }
                for (Kind kind : List.of(Kind.P_ALIVE, Kind.EXPECTED)) {
                    names.add(kind == Kind.P_ALIVE ? P_ALIVE : EXPECTED_ACTIVITY);
                    kinds.add(kind);
                    ids.add(null);
                    stages.add(null);
                    tiers.add(null);
                }
            }
            this.columns = new Observation.Columns(names);
            this.kinds = kinds.toArray(Kind[]::new);
            this.ids = ids.toArray(FeatureId[]::new);
            this.stages = stages.toArray(Stage[]::new);
            this.tiers = tiers.toArray(Tier[]::new);
        }
    }

    private static final Layout CHURN_COLUMNS = new Layout(false);
    private static final Layout DEFAULT_COLUMNS = new Layout(true);

    /**
     * A snapshot's observation read from the snapshot itself (its features, score, stage and tier) and its two BG/NBD
     * values: nothing is copied, so a book's observations cost little beside its snapshots.
     */
    private record SnapshotRow(Layout layout, Snapshot snapshot, double pAlive, double expected)
            implements Observation.Row {

        @Override
        public boolean has(int column) {
            return switch (layout.kinds[column]) {
                case VALUE -> snapshot.features().has(layout.ids[column]);
                case MISSING -> !snapshot.features().has(layout.ids[column]);
                case SCORE -> snapshot.score().isPresent();
                case STAGE -> snapshot.stage() == layout.stages[column];
                case TIER -> snapshot.tier() == layout.tiers[column];
                case P_ALIVE, EXPECTED -> true;
            };
        }

        @Override
        public double get(int column) {
            return switch (layout.kinds[column]) {
                case VALUE -> {
                    FeatureId id = layout.ids[column];
                    double value = snapshot.features().valueOr(id, 0);
                    yield compressed(id.unit()) ? Math.log1p(Math.max(0, value)) : value;
                }
                case MISSING, STAGE, TIER -> 1.0;
                case SCORE -> snapshot.score().getAsDouble();
                case P_ALIVE -> pAlive;
                case EXPECTED -> expected;
            };
        }
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
