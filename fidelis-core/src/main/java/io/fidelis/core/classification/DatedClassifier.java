package io.fidelis.core.classification;

import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.policy.Policy;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How every entry point (CLI, service, Spark job) classifies a customer as of a date: the policy's classifier, with the hysteresis priors
 * recomputed at the month-ends before the date ({@link MonthlyPriors}) and the manual overrides in force on it.
 * Immutable and safe to share between threads.
 */
public final class DatedClassifier {

    private final Classifier classifier;
    private final LocalDate asOf;
    private final Map<String, List<ManualOverride>> overrides;

    public DatedClassifier(Policy policy, LocalDate asOf, Map<String, List<ManualOverride>> overrides) {
        this.classifier = new Classifier(policy);
        this.asOf = asOf;
        this.overrides = Map.copyOf(overrides);
    }

    /** The customer's classification as of the date. */
    public Classification classify(CustomerHistory history) {
        return classifier.classify(
                history,
                asOf,
                MonthlyPriors.of(classifier, history, asOf),
                overrides.getOrDefault(history.customerId(), List.of()));
    }

    public LocalDate asOf() {
        return asOf;
    }

    public Policy policy() {
        return classifier.policy();
    }

    /** How the hysteresis priors are obtained, for a run's provenance. */
    public String priors() {
        return priors(policy(), asOf);
    }

    /** How the hysteresis priors of an evaluation as of {@code asOf} are obtained, for a run's provenance. */
    public static String priors(Policy policy, LocalDate asOf) {
        List<LocalDate> dates = MonthlyPriors.dates(policy.tiers().hysteresis(), asOf);
        if (dates.isEmpty()) {
            return "none (hysteresis off)";
        }
        return "chained month-ends " + dates.stream().map(LocalDate::toString).collect(Collectors.joining(", "));
    }
}
