package io.fidelis.core.classification;

import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.features.ComputeFeatures;
import io.fidelis.core.features.Features;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Classifies one customer at every month-end of a series of consecutive months in one pass over its history, with
 * results equal, date for date, to classifying it at each date alone with the priors of {@link MonthlyPriors}.
 *
 * <p>Those priors are a chain that starts afresh for each date: with hysteresis over m months, the evaluation as of
 * month k reads the m month-ends before it, of which the oldest was evaluated without priors, the next with the
 * oldest, and so on. So the evaluation of month k - 1 that month k reads is not the one stored for month k - 1
 * (which read its own m months back) but its evaluation "at depth m - 1". A series therefore keeps, for each month,
 * its evaluations at depths 0 to m - 1 (what hysteresis reads: {@link PriorEvaluation}, computed with {@link
 * Classifier#prior}) beside the full classification, and computes each month's features once for all of them. The
 * first dates of the series get their priors from the m month-ends before the series, computed the same way. The
 * cost per customer is (N + m) feature computations, N classifications and about m (N + m) cheap prior evaluations,
 * where classifying each date alone costs N (m + 1) feature computations and classifications.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class MonthlySeries {

    private final Classifier classifier;
    private final ComputeFeatures computeFeatures;
    private final List<LocalDate> dates;
    private final int depth;

    /**
     * A series over {@code dates}.
     *
     * @param dates month-ends of consecutive months, oldest first, at least one
     * @throws IllegalArgumentException when a date is not a month-end or a month is left out or repeated
     */
    public MonthlySeries(Classifier classifier, List<LocalDate> dates) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.computeFeatures = new ComputeFeatures(classifier.policy().featureSettings());
        this.dates = List.copyOf(dates);
        if (this.dates.isEmpty()) {
            throw new IllegalArgumentException("a series needs at least one date");
        }
        for (int i = 0; i < this.dates.size(); i++) {
            LocalDate date = this.dates.get(i);
            if (!date.equals(YearMonth.from(date).atEndOfMonth())) {
                throw new IllegalArgumentException(date + " is not the last day of its month");
            }
            if (i > 0
                    && !YearMonth.from(date)
                            .equals(YearMonth.from(this.dates.get(i - 1)).plusMonths(1))) {
                throw new IllegalArgumentException(
                        "the months of a series follow each other: " + date + " after " + this.dates.get(i - 1));
            }
        }
        this.depth = MonthlyPriors.dates(classifier.policy().tiers().hysteresis(), this.dates.get(0))
                .size();
    }

    /** The month-ends from {@code from} to {@code to}, both included, oldest first; empty when there is none. */
    public static List<LocalDate> monthEnds(LocalDate from, LocalDate to) {
        List<LocalDate> ends = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from); ; month = month.plusMonths(1)) {
            LocalDate end = month.atEndOfMonth();
            if (end.isAfter(to)) {
                return ends;
            }
            if (!end.isBefore(from)) {
                ends.add(end);
            }
        }
    }

    /** The series' dates, oldest first. */
    public List<LocalDate> dates() {
        return dates;
    }

    /**
     * The classifications of {@code history}'s customer at each date of the series, oldest first: equal to {@code
     * classifier.classify(history, date, MonthlyPriors.of(classifier, history, date), overrides)} at each date.
     *
     * @param overrides the customer's manual overrides in the order recorded; at each date those not in force are
     *     ignored, as {@link Classifier#classify} does
     */
    public List<Classification> classify(CustomerHistory history, List<ManualOverride> overrides) {
        return classify(history, overrides, true);
    }

    /**
     * The classifications {@link #classify(CustomerHistory, List)} gives, without the detail of their factors
     * (contributions and the factor reasons' evidence, {@link Classifier#classifyWithoutFactorDetail}): for storing
     * runs, which keep only the reasons' codes.
     */
    public List<Classification> classifyWithoutFactorDetail(CustomerHistory history, List<ManualOverride> overrides) {
        return classify(history, overrides, false);
    }

    private List<Classification> classify(
            CustomerHistory history, List<ManualOverride> overrides, boolean factorDetail) {
        int months = depth + dates.size();
        // chain[i][d]: month i evaluated with the d month-ends before it as priors (its "depth d"), for d < depth
        PriorEvaluation[][] chain = new PriorEvaluation[months][depth];
        List<Classification> results = new ArrayList<>(dates.size());
        ComputeFeatures.Prepared prepared = ComputeFeatures.prepare(history);
        for (int i = 0; i < months; i++) {
            LocalDate date = i < depth
                    ? YearMonth.from(dates.get(0)).minusMonths(depth - i).atEndOfMonth()
                    : dates.get(i - depth);
            Features features = computeFeatures.of(prepared, date);
            // the month's score and credit event are the same at every depth: computed once for all of them
            Classifier.Scored scored = null;
            for (int d = 0; d < depth && d <= i; d++) {
                // depth d of month i leads (only) to the classification of month i + depth - d
                if (i + depth - d < months) {
                    if (scored == null) {
                        scored = classifier.scored(features);
                    }
                    chain[i][d] = classifier.prior(scored, priors(chain, i, d));
                }
            }
            if (i >= depth) {
                List<PriorEvaluation> priors = priors(chain, i, depth);
                results.add(
                        factorDetail
                                ? classifier.classify(history.customerId(), features, priors, overrides)
                                : classifier.classifyWithoutFactorDetail(
                                        history.customerId(), features, priors, overrides));
            }
        }
        return results;
    }

    /** The priors of month i at depth d: months i - d to i - 1, each at its own depth in the chain, oldest first. */
    private static List<PriorEvaluation> priors(PriorEvaluation[][] chain, int i, int d) {
        List<PriorEvaluation> priors = new ArrayList<>(d);
        for (int k = 0; k < d; k++) {
            priors.add(chain[i - d + k][k]);
        }
        return priors;
    }
}
