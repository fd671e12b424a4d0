package io.fidelis.core.evaluation;

import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Where the members of a cohort (for example the customers onboarded in one quarter) stand at a date: how many are in
 * each loyalty tier and lifecycle stage, and how many are absent, that is not classified at that date. Shares are of
 * the members present, so that they add up to 1 over the tiers and over the stages. Immutable.
 */
public final class CohortStanding {

    private final LocalDate asOf;
    private final long members;
    private final long[][] counts;

    private CohortStanding(LocalDate asOf, long members, long[][] counts) {
        this.asOf = asOf;
        this.members = members;
        this.counts = counts;
    }

    /**
     * Starts counting the members of a cohort among the classifications as of {@code asOf}.
     *
     * @param members the cohort's customer ids
     */
    public static Counter counting(LocalDate asOf, Set<String> members) {
        return new Counter(Objects.requireNonNull(asOf, "as-of date"), Set.copyOf(members));
    }

    /** Counts members as the classifications of a date go by; not thread-safe. */
    public static final class Counter {
        private final LocalDate asOf;
        private final Set<String> members;
        private final Set<String> seen = new HashSet<>();
        private final long[][] counts = new long[Tier.values().length][Stage.values().length];

        private Counter(LocalDate asOf, Set<String> members) {
            this.asOf = asOf;
            this.members = members;
        }

        /**
         * Counts a customer's class at the date, when it is a member; others are ignored.
         *
         * @throws IllegalArgumentException when the member was counted already
         */
        public void add(String customerId, Tier tier, Stage stage) {
            if (!members.contains(customerId)) {
                return;
            }
            if (!seen.add(customerId)) {
                throw new IllegalArgumentException("customer " + customerId + " is counted twice as of " + asOf);
            }
            counts[tier.ordinal()][stage.ordinal()]++;
        }

        /** The standing counted so far: members not added are absent. */
        public CohortStanding standing() {
            long[][] copy = new long[counts.length][];
            for (int t = 0; t < counts.length; t++) {
                copy[t] = counts[t].clone();
            }
            return new CohortStanding(asOf, members.size(), copy);
        }
    }

    /** The date of the classifications. */
    public LocalDate asOf() {
        return asOf;
    }

    /** Customers in the cohort. */
    public long members() {
        return members;
    }

    /** Members classified at the date. */
    public long present() {
        long present = 0;
        for (long[] tier : counts) {
            for (long count : tier) {
                present += count;
            }
        }
        return present;
    }

    /** Members not classified at the date. */
    public long absent() {
        return members - present();
    }

    /** Members in {@code tier} and {@code stage}. */
    public long count(Tier tier, Stage stage) {
        return counts[tier.ordinal()][stage.ordinal()];
    }

    /** Members in {@code tier}, every stage. */
    public long total(Tier tier) {
        long total = 0;
        for (long count : counts[tier.ordinal()]) {
            total += count;
        }
        return total;
    }

    /** Members in {@code stage}, every tier. */
    public long total(Stage stage) {
        long total = 0;
        for (long[] tier : counts) {
            total += tier[stage.ordinal()];
        }
        return total;
    }

    /** Share of the members present in {@code tier} (0..1); not a number when none is present. */
    public double share(Tier tier) {
        long present = present();
        return present == 0 ? Double.NaN : (double) total(tier) / present;
    }

    /** Share of the members present in {@code stage} (0..1); not a number when none is present. */
    public double share(Stage stage) {
        long present = present();
        return present == 0 ? Double.NaN : (double) total(stage) / present;
    }

    @Override
    public String toString() {
        return "CohortStanding[" + asOf + ", " + members + " members, " + absent() + " absent]";
    }
}
