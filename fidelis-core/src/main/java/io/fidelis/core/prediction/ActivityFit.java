package io.fidelis.core.prediction;

import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.features.FeatureId;
import io.fidelis.core.features.FeatureValue;
import io.fidelis.core.features.Features;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The BG/NBD model fitted on a whole book as of a date ({@link ActivityPopulation}), and what it says of each
 * customer: {@link FeatureId#P_ALIVE} and {@link FeatureId#EXPECTED_ACTIVITY_26W}. A customer with no activity event
 * by the date has both missing (BG/NBD knows nothing of it; missing is not zero); when the book had no repeat event at
 * all the model is not identified, nothing is fitted and every customer has them missing.
 *
 * @param asOf the date the fit is as of: no event after it was read
 * @param customers customers with at least one activity event by the date, whom the fit used
 * @param fit the fit, or null when not fitted
 * @param unfitted why nothing was fitted, or null when fitted
 */
public record ActivityFit(LocalDate asOf, long customers, BgNbdFit fit, String unfitted) {

    /** The horizon of {@link FeatureId#EXPECTED_ACTIVITY_26W}, in weeks. */
    public static final double HORIZON_WEEKS = 26;

    public ActivityFit {
        Objects.requireNonNull(asOf, "as-of date");
        if ((fit == null) == (unfitted == null)) {
            throw new IllegalArgumentException("give either a fit or why there is none");
        }
    }

    /** The fitted parameters, empty when not fitted. */
    public Optional<BgNbdParameters> parameters() {
        return fit == null ? Optional.empty() : Optional.of(fit.parameters());
    }

    /**
     * {@code features} with the enabled population features of {@code history}'s customer set: present when the
     * model is fitted and the customer had an activity event by the date, missing otherwise.
     *
     * @param enabled the population features to set; others are left as they are
     */
    public Features apply(Features features, CustomerHistory history, List<FeatureId> enabled) {
        if (!features.asOf().equals(asOf)) {
            throw new IllegalArgumentException(
                    "features as of " + features.asOf() + " but the activity model is fitted as of " + asOf);
        }
        Optional<ActivitySummary> summary = fit == null ? Optional.empty() : ActivityEvents.summary(history, asOf);
        Features out = features;
        for (FeatureId feature : enabled) {
            FeatureValue value =
                    summary.isEmpty() ? FeatureValue.missing() : FeatureValue.of(value(feature, summary.get()));
            out = out.with(feature, value);
        }
        return out;
    }

    private double value(FeatureId feature, ActivitySummary summary) {
        BgNbdParameters parameters = fit.parameters();
        return switch (feature) {
            case P_ALIVE -> parameters.probabilityAlive(summary);
            case EXPECTED_ACTIVITY_26W -> parameters.expectedActivity(summary, HORIZON_WEEKS);
            default -> throw new IllegalArgumentException(feature.code() + " is not a population feature");
        };
    }

    /** One line for a run's provenance: the model, the date, the customers and the parameters. */
    public String describe() {
        if (fit == null) {
            return String.format(
                    Locale.ROOT,
                    "activity model BG/NBD as of %s on %d customers with activity: not fitted (%s)",
                    asOf,
                    customers,
                    unfitted);
        }
        BgNbdParameters p = fit.parameters();
        return String.format(
                Locale.ROOT,
                "activity model BG/NBD as of %s on %d customers with activity: r=%.6g alpha=%.6g a=%.6g b=%.6g"
                        + " log-likelihood=%.6g",
                asOf,
                customers,
                p.r(),
                p.alpha(),
                p.a(),
                p.b(),
                fit.logLikelihood());
    }
}
