package io.fidelis.core.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Predicted probabilities of an event (churn, default) beside what happened, for the usual checks of a score:
 * discrimination (AUC, KS), calibration and lift. Scores are in [0, 1]; a higher score means the event is more likely.
 *
 * @param scores the predicted probability of the event, one per unit
 * @param events whether the event happened, in the same order
 */
public record ScoredOutcomes(double[] scores, boolean[] events) {

    public ScoredOutcomes {
        if (scores.length != events.length) {
            throw new IllegalArgumentException(
                    "need one outcome per score, had " + scores.length + " scores and " + events.length + " outcomes");
        }
        for (double score : scores) {
            if (!(score >= 0 && score <= 1)) {
                throw new IllegalArgumentException("scores are probabilities in [0, 1], found " + score);
            }
        }
        scores = scores.clone();
        events = events.clone();
    }

    public int size() {
        return scores.length;
    }

    public int eventCount() {
        int count = 0;
        for (boolean event : events) {
            if (event) {
                count++;
            }
        }
        return count;
    }

    /**
     * The area under the ROC curve: the probability that a random unit with the event scores higher than a random one
     * without (ties count half), by the Mann-Whitney rank sum with average ranks. NaN when either class is empty.
     */
    public double auc() {
        int positives = eventCount();
        int negatives = size() - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        Integer[] order = ascending();
        double rankSum = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (events[order[k]]) {
                    rankSum += averageRank;
                }
            }
            i = j + 1;
        }
        // in doubles: positives * (positives + 1) overflows an int above 46,340 events
        return (rankSum - (double) positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /**
     * The Kolmogorov-Smirnov statistic: the largest gap between the score distributions of units with and without the
     * event, over all cut-offs (tied scores move together). NaN when either class is empty.
     */
    public double ks() {
        int positives = eventCount();
        int negatives = size() - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        Integer[] order = ascending();
        double best = 0;
        int seenPositives = 0;
        int seenNegatives = 0;
        for (int i = 0; i < order.length; i++) {
            if (events[order[i]]) {
                seenPositives++;
            } else {
                seenNegatives++;
            }
            boolean lastOfTie = i + 1 == order.length || scores[order[i + 1]] != scores[order[i]];
            if (lastOfTie) {
                best = Math.max(
                        best, Math.abs((double) seenPositives / positives - (double) seenNegatives / negatives));
            }
        }
        return best;
    }

    /**
     * The calibration table: units sorted by score into {@code bins} groups of (nearly) equal size, each with its mean
     * predicted probability and its observed event rate.
     */
    public List<CalibrationBin> calibration(int bins) {
        List<CalibrationBin> rows = new ArrayList<>();
        for (int[] group : groups(bins, ascending())) {
            double predicted = 0;
            int observed = 0;
            for (int unit : group) {
                predicted += scores[unit];
                observed += events[unit] ? 1 : 0;
            }
            rows.add(new CalibrationBin(rows.size() + 1, group.length, predicted / group.length, observed));
        }
        return rows;
    }

    /**
     * The lift table: units sorted by descending score into {@code groups} groups of (nearly) equal size; each with its
     * event rate, its lift over the overall rate, and the share of all events captured down to it.
     */
    public List<LiftGroup> lift(int groups) {
        Integer[] descending = ascending();
        List<Integer> reversed = Arrays.asList(descending);
        Collections.reverse(reversed);
        double overall = (double) eventCount() / size();
        int total = eventCount();
        List<LiftGroup> rows = new ArrayList<>();
        int captured = 0;
        for (int[] group : groups(groups, reversed.toArray(Integer[]::new))) {
            int found = 0;
            for (int unit : group) {
                found += events[unit] ? 1 : 0;
            }
            captured += found;
            double rate = (double) found / group.length;
            rows.add(new LiftGroup(
                    rows.size() + 1,
                    group.length,
                    found,
                    rate,
                    overall == 0 ? Double.NaN : rate / overall,
                    total == 0 ? Double.NaN : (double) captured / total));
        }
        return rows;
    }

    /**
     * The mean cost per unit of flagging every unit whose score exceeds {@code cutOff}: a missed event costs
     * {@code missedEventCost}, a flagged unit without the event costs {@code falseAlarmCost}.
     */
    public double meanCost(double cutOff, double missedEventCost, double falseAlarmCost) {
        double cost = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean flagged = scores[i] > cutOff;
            if (events[i] && !flagged) {
                cost += missedEventCost;
            } else if (!events[i] && flagged) {
                cost += falseAlarmCost;
            }
        }
        return cost / scores.length;
    }

    private Integer[] ascending() {
        return IntStream.range(0, scores.length)
                .boxed()
                .sorted(Comparator.comparingDouble(i -> scores[i]))
                .toArray(Integer[]::new);
    }

    private static List<int[]> groups(int count, Integer[] order) {
        if (count < 1) {
            throw new IllegalArgumentException("need at least one group, was " + count);
        }
        List<int[]> groups = new ArrayList<>();
        int n = order.length;
        for (int g = 0; g < count; g++) {
            int from = (int) ((long) g * n / count);
            int to = (int) ((long) (g + 1) * n / count);
            if (to > from) {
                int[] group = new int[to - from];
                for (int i = from; i < to; i++) {
                    group[i - from] = order[i];
                }
                groups.add(group);
            }
        }
        return groups;
    }
}
