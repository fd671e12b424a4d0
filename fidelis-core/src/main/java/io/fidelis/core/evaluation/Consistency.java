package io.fidelis.core.evaluation;

import io.fidelis.core.policy.Tier;
import io.fidelis.core.strategy.Actions;
import io.fidelis.core.strategy.ApprovalRoute;
import io.fidelis.core.strategy.CreditLineAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The consistency check: are tiers and actions given at similar rates across industries, regions and company sizes?
 * For every segment of every dimension and every {@link Measure}, the segment's rate is compared with the rate of all
 * other customers (a Newcombe interval for the difference); a gap is <em>flagged</em> when it is at least the given
 * size in absolute terms and its interval excludes zero. A flag is a place to look, not a verdict: a segment may
 * differ for good reasons (its customers really repay worse), and the reasons of its customers tell which.
 */
public final class Consistency {

    /** The label of a segment whose customers have no value in that dimension. */
    public static final String MISSING = "(missing)";

    /**
     * One classified customer.
     *
     * @param segments the customer's value in each dimension (e.g. {@code industry -> logistics}); null when missing
     * @param tier its loyalty tier
     * @param actions the actions applied to it (after the guardrail)
     */
    public record Member(Map<String, String> segments, Tier tier, Actions actions) {
        public Member {
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(actions, "actions");
            segments = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(segments));
        }
    }

    /** What is compared between segments: a share of customers. */
    public enum Measure {
        /** Share of high-loyalty customers. */
        HIGH_TIER(m -> m.tier() == Tier.HIGH),
        /** Share of low-loyalty customers. */
        LOW_TIER(m -> m.tier() == Tier.LOW),
        /** Share given a loyalty benefit: a discount, a better rating notch, priority approval or a higher line. */
        LOYALTY_BENEFIT(m -> isBenefit(m.actions())),
        /** Share restricted: a surcharge, a lower notch, enhanced review, or a line reduced or frozen. */
        RISK_RESTRICTION(m -> isRestriction(m.actions()));

        private final Predicate<Member> applies;

        Measure(Predicate<Member> applies) {
            this.applies = applies;
        }

        /** Whether this measure counts {@code member}. */
        public boolean appliesTo(Member member) {
            return applies.test(member);
        }
    }

    /**
     * One segment's rate of one measure against the rest of the customers.
     *
     * @param dimension e.g. {@code region}
     * @param segment e.g. {@code Guangdong}, or {@link #MISSING}
     * @param customers customers in the segment
     * @param measure what is compared
     * @param segmentRate the share in the segment, 0..1
     * @param restRate the share among all other customers, 0..1 (NaN when there are none)
     * @param difference segment minus rest, with its interval, or not enough data
     * @param flagged whether the gap is at least the threshold and its interval excludes zero
     */
    public record Row(
            String dimension,
            String segment,
            int customers,
            Measure measure,
            double segmentRate,
            double restRate,
            Finding difference,
            boolean flagged) {}

    /** Shares are ratios of counts: a gap equal to the threshold may come out a rounding error short of it. */
    private static final double ROUNDING = 1e-9;

    private Consistency() {}

    /**
     * Compares every segment of every dimension with the rest, for every measure.
     *
     * @param members the classified customers
     * @param dimensions the dimensions to segment by, in the order the rows should come
     * @param settings minimum group size and confidence level for the intervals
     * @param gap the smallest absolute difference of shares (0..1) worth flagging, e.g. 0.10
     * @return rows by dimension, then segment (in text order), then measure
     */
    public static List<Row> check(
            List<Member> members, List<String> dimensions, EstimationSettings settings, double gap) {
        if (!(gap >= 0 && gap <= 1)) {
            throw new IllegalArgumentException("the gap must be a share from 0 to 1, not " + gap);
        }
        int measures = Measure.values().length;
        int[] totals = new int[measures];
        for (Member member : members) {
            for (Measure measure : Measure.values()) {
                if (measure.appliesTo(member)) {
                    totals[measure.ordinal()]++;
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (String dimension : dimensions) {
            Map<String, int[]> bySegment = new TreeMap<>();
            for (Member member : members) {
                String value = member.segments().get(dimension);
                int[] counts = bySegment.computeIfAbsent(value == null ? MISSING : value, k -> new int[measures + 1]);
                counts[measures]++;
                for (Measure measure : Measure.values()) {
                    if (measure.appliesTo(member)) {
                        counts[measure.ordinal()]++;
                    }
                }
            }
            bySegment.forEach((segment, counts) -> {
                int size = counts[measures];
                int restSize = members.size() - size;
                for (Measure measure : Measure.values()) {
                    int events = counts[measure.ordinal()];
                    int restEvents = totals[measure.ordinal()] - events;
                    Finding difference = Proportions.difference(
                            new BinarySample(segment, events, size),
                            new BinarySample("rest", restEvents, restSize),
                            settings);
                    boolean flagged = difference
                            .estimate()
                            .map(e -> Math.abs(e.point()) >= gap - ROUNDING && !e.includes(0))
                            .orElse(false);
                    rows.add(new Row(
                            dimension,
                            segment,
                            size,
                            measure,
                            (double) events / size,
                            restSize == 0 ? Double.NaN : (double) restEvents / restSize,
                            difference,
                            flagged));
                }
            });
        }
        return rows;
    }

    static boolean isBenefit(Actions actions) {
        return actions.pricingBps() < 0
                || actions.ratingNotch() > 0
                || actions.approvalRoute() == ApprovalRoute.PRIORITY
                || actions.creditLine() == CreditLineAction.INCREASE;
    }

    static boolean isRestriction(Actions actions) {
        return actions.pricingBps() > 0
                || actions.ratingNotch() < 0
                || actions.approvalRoute() == ApprovalRoute.ENHANCED_REVIEW
                || actions.creditLine() == CreditLineAction.REDUCE
                || actions.creditLine() == CreditLineAction.FREEZE;
    }
}
