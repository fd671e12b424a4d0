package io.fidelis.core.evaluation;

import io.fidelis.core.policy.Tier;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The evaluation of one strategy: every assigned customer's {@link CustomerOutcomes} tallied by group (all customers,
 * and each tier at the start date) and arm, then compared ({@link #compare}). Keeps counts and sums only, so memory
 * does not grow with the customers added; the rate differences-in-differences build one value per customer when
 * compared. An accumulator: fill it with {@link #add}, then compare; not safe for concurrent use.
 *
 * <p>Which statistics, all closed forms of this package:
 *
 * <ul>
 *   <li>rates (default, churn, reactivation): each level with the Wilson interval; treatment - control after with
 *       Newcombe's hybrid score interval; treatment / control with the Katz interval; the difference-in-differences
 *       from each customer's own change (after - before, -1, 0 or 1), Welch ({@link
 *       DifferenceInDifferences#ofChanges}), because the same customers are followed through both periods;
 *   <li>means of answers (satisfaction, NPS): {@link PooledMeans}, each customer's answers a cluster.
 * </ul>
 */
public final class EvaluationTable {

    /** The group of every assigned customer. */
    public static final String ALL = "all";

    private final Map<String, Map<Arm, Tally>> tallies = new LinkedHashMap<>();

    /** An empty table with the groups {@code all}, {@code high}, {@code medium}, {@code low}. */
    public EvaluationTable() {
        for (String group : groups()) {
            Map<Arm, Tally> arms = new EnumMap<>(Arm.class);
            for (Arm arm : Arm.values()) {
                arms.put(arm, new Tally(group + "|" + arm.code()));
            }
            tallies.put(group, arms);
        }
    }

    /** The groups in report order: {@code all}, then the tiers best first. */
    public static List<String> groups() {
        List<String> groups = new ArrayList<>();
        groups.add(ALL);
        for (Tier tier : Tier.values()) {
            groups.add(tier.code());
        }
        return groups;
    }

    /**
     * Adds one assigned customer.
     *
     * @param arm its arm
     * @param tier its tier at the start date
     * @param dormantAtStart whether it was dormant at the start date (it then counts for reactivation)
     * @param outcomes its outcomes before and after the start
     */
    public void add(Arm arm, Tier tier, boolean dormantAtStart, CustomerOutcomes outcomes) {
        Objects.requireNonNull(arm, "arm");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(outcomes, "outcomes");
        tallies.get(ALL).get(arm).add(dormantAtStart, outcomes);
        tallies.get(tier.code()).get(arm).add(dormantAtStart, outcomes);
    }

    /** Customers added to {@code arm}. */
    public long customers(Arm arm) {
        return tallies.get(ALL).get(arm).defaults.customers;
    }

    /** Every outcome in every group, outcomes in {@link Outcome} order, groups in {@link #groups()} order. */
    public List<Comparison> compare(EstimationSettings settings) {
        Objects.requireNonNull(settings, "settings");
        List<Comparison> comparisons = new ArrayList<>();
        for (Outcome outcome : Outcome.values()) {
            for (String group : groups()) {
                Tally treatment = tallies.get(group).get(Arm.TREATMENT);
                Tally control = tallies.get(group).get(Arm.CONTROL);
                comparisons.add(
                        switch (outcome) {
                            case DEFAULT_RATE -> rates(outcome, group, treatment.defaults, control.defaults, settings);
                            case CHURN -> rates(outcome, group, treatment.churn, control.churn, settings);
                            case REACTIVATION ->
                                rates(outcome, group, treatment.reactivation, control.reactivation, settings);
                            case SATISFACTION ->
                                means(outcome, group, treatment.satisfaction, control.satisfaction, settings);
                            case NPS -> means(outcome, group, treatment.nps, control.nps, settings);
                        });
            }
        }
        return comparisons;
    }

    private static Comparison rates(
            Outcome outcome, String group, Rates treatment, Rates control, EstimationSettings settings) {
        BinarySample treatedAfter = treatment.after();
        BinarySample controlAfter = control.after();
        Optional<Level> treatedBefore = Optional.empty();
        Optional<Level> controlBefore = Optional.empty();
        Optional<Finding> did = Optional.empty();
        if (outcome.hasPeriodBefore()) {
            treatedBefore = Optional.of(level(treatment.before(), settings));
            controlBefore = Optional.of(level(control.before(), settings));
            did = Optional.of(DifferenceInDifferences.ofChanges(treatment.changes(), control.changes(), settings));
        }
        return new Comparison(
                outcome,
                group,
                treatedBefore,
                level(treatedAfter, settings),
                controlBefore,
                level(controlAfter, settings),
                Proportions.difference(treatedAfter, controlAfter, settings),
                Optional.of(Proportions.riskRatio(treatedAfter, controlAfter, settings)),
                did);
    }

    private static Level level(BinarySample sample, EstimationSettings settings) {
        return new Level(sample.group(), sample.events(), sample.size(), Proportions.proportion(sample, settings));
    }

    private static Comparison means(
            Outcome outcome,
            String group,
            PooledAnswers treatment,
            PooledAnswers control,
            EstimationSettings settings) {
        return new Comparison(
                outcome,
                group,
                Optional.of(level(treatment.before(), settings)),
                level(treatment.after(), settings),
                Optional.of(level(control.before(), settings)),
                level(control.after(), settings),
                PooledMeans.difference(treatment.after(), control.after(), settings),
                Optional.empty(),
                Optional.of(PooledMeans.differenceInDifferences(treatment, control, settings)));
    }

    private static Level level(PooledAnswers.Pool pool, EstimationSettings settings) {
        return new Level(pool.group(), pool.answers(), pool.customers(), PooledMeans.mean(pool, settings));
    }

    /** One group and arm. */
    private static final class Tally {
        final Rates defaults;
        final Rates churn;
        final Rates reactivation;
        final PooledAnswers satisfaction;
        final PooledAnswers nps;

        Tally(String label) {
            defaults = new Rates(label);
            churn = new Rates(label);
            reactivation = new Rates(label);
            satisfaction = new PooledAnswers(label);
            nps = new PooledAnswers(label);
        }

        void add(boolean dormantAtStart, CustomerOutcomes outcomes) {
            defaults.add(outcomes.defaultedBefore(), outcomes.defaultedAfter());
            churn.add(outcomes.churnedBefore(), outcomes.churnedAfter());
            if (dormantAtStart) {
                reactivation.add(false, outcomes.activeAfter());
            }
            satisfaction.add(outcomes.satisfactionBefore(), outcomes.satisfactionAfter());
            nps.add(outcomes.npsBefore(), outcomes.npsAfter());
        }
    }

    /** A yes/no outcome of the customers of one group and arm, before and after. */
    private static final class Rates {
        private final String label;
        long customers;
        long before;
        long after;
        long rises;
        long falls;

        Rates(String label) {
            this.label = label;
        }

        void add(boolean eventBefore, boolean eventAfter) {
            customers++;
            before += eventBefore ? 1 : 0;
            after += eventAfter ? 1 : 0;
            if (eventAfter && !eventBefore) {
                rises++;
            } else if (eventBefore && !eventAfter) {
                falls++;
            }
        }

        BinarySample before() {
            return new BinarySample(label + "|before", Math.toIntExact(before), Math.toIntExact(customers));
        }

        BinarySample after() {
            return new BinarySample(label + "|after", Math.toIntExact(after), Math.toIntExact(customers));
        }

        /** Each customer's after - before: 1 for a rise, -1 for a fall, 0 otherwise. */
        Sample changes() {
            double[] values = new double[Math.toIntExact(customers)];
            int i = 0;
            for (long k = 0; k < rises; k++) {
                values[i++] = 1;
            }
            for (long k = 0; k < falls; k++) {
                values[i++] = -1;
            }
            return Sample.of(label + "|change", values);
        }
    }
}
