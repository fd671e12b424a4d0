package io.fidelis.core.classification;

import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.policy.Hysteresis;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The previous monthly evaluations that hysteresis needs, recomputed from the customer's own history rather than
 * read from stored runs: the result then depends only on the book, the policy and the date, whichever runs happen
 * to be stored.
 *
 * <p>With hysteresis on and {@code months} = m, the priors are the evaluations as of the last days of the m months
 * before the as-of date's month (for 2026-09-15 and m = 2: 2026-07-31 and 2026-08-31), chained forward: the oldest
 * is classified without priors, each later one with those before it. Overrides are not applied to priors: hysteresis
 * reads the stabilised tier, which comes before overrides. With hysteresis off there are no priors.
 */
public final class MonthlyPriors {

    private MonthlyPriors() {}

    /** The month-end dates of the priors for an evaluation as of {@code asOf}, oldest first; empty when off. */
    public static List<LocalDate> dates(Hysteresis hysteresis, LocalDate asOf) {
        if (!hysteresis.enabled()) {
            return List.of();
        }
        YearMonth month = YearMonth.from(asOf);
        List<LocalDate> dates = new ArrayList<>(hysteresis.months());
        for (int k = hysteresis.months(); k >= 1; k--) {
            dates.add(month.minusMonths(k).atEndOfMonth());
        }
        return dates;
    }

    /** The chained priors of {@code history}'s customer for an evaluation as of {@code asOf}, oldest first. */
    public static List<PriorEvaluation> of(Classifier classifier, CustomerHistory history, LocalDate asOf) {
        List<LocalDate> dates = dates(classifier.policy().tiers().hysteresis(), asOf);
        if (dates.isEmpty()) {
            return List.of();
        }
        List<PriorEvaluation> priors = new ArrayList<>(dates.size());
        for (LocalDate date : dates) {
            priors.add(classifier
                    .classify(history, date, List.copyOf(priors), List.of())
                    .toPrior());
        }
        return List.copyOf(priors);
    }
}
