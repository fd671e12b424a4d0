package io.fidelis.core.classification;

import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.features.ComputeFeatures;
import io.fidelis.core.features.Features;
import io.fidelis.core.policy.Policy;
import io.fidelis.core.prediction.ActivityFit;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final ActivityFit population;
    private final ComputeFeatures computeFeatures;

    /**
     * For a policy without an activity model ({@code stages.activity_model}).
     *
     * @throws IllegalArgumentException when the policy has one: its population step needs the whole book, give its fit
     */
    public DatedClassifier(Policy policy, LocalDate asOf, Map<String, List<ManualOverride>> overrides) {
        this.classifier = new Classifier(policy);
        this.asOf = asOf;
        this.overrides = Map.copyOf(overrides);
        this.population = null;
        this.computeFeatures = null;
        if (policy.stages().activityModel().enabled()) {
            throw new IllegalArgumentException("policy " + policy.label() + " enables stages.activity_model: fit it on"
                    + " the whole book as of " + asOf + " first (ActivityPopulation) and pass the fit");
        }
    }

    /**
     * With the population step done: {@code population} is the activity model fitted on the whole book as of {@code
     * asOf}, whose features the policy's {@code stages.activity_model} enables and its lifecycle rules may use. With a
     * policy without an activity model the fit is unused and the result is that of the other constructor.
     *
     * @throws IllegalArgumentException when the fit is as of another date
     */
    public DatedClassifier(
            Policy policy, LocalDate asOf, Map<String, List<ManualOverride>> overrides, ActivityFit population) {
        if (!population.asOf().equals(asOf)) {
            throw new IllegalArgumentException(
                    "the activity model is fitted as of " + population.asOf() + ", not as of " + asOf);
        }
        this.classifier = new Classifier(policy);
        this.asOf = asOf;
        this.overrides = Map.copyOf(overrides);
        boolean used = policy.stages().activityModel().enabled();
        this.population = used ? population : null;
        this.computeFeatures = used ? new ComputeFeatures(policy.featureSettings()) : null;
    }

    /** The customer's classification as of the date. */
    public Classification classify(CustomerHistory history) {
        List<PriorEvaluation> priors = MonthlyPriors.of(classifier, history, asOf);
        List<ManualOverride> own = overrides.getOrDefault(history.customerId(), List.of());
        if (population == null) {
            return classifier.classify(history, asOf, priors, own);
        }
        // priors need no population features: the score and tiers never use them (PolicyChecks)
        Features features = population.apply(
                computeFeatures.of(history, asOf),
                history,
                policy().stages().activityModel().features());
        return classifier.classify(history.customerId(), features, priors, own);
    }

    /** The activity model this classifier uses, empty when the policy has none. */
    public Optional<ActivityFit> population() {
        return Optional.ofNullable(population);
    }

    public LocalDate asOf() {
        return asOf;
    }

    public Policy policy() {
        return classifier.policy();
    }

    /**
     * How the hysteresis priors are obtained, for a run's provenance; with an activity model, followed by its fit (the
     * population step's parameters).
     */
    public String priors() {
        String priors = priors(policy(), asOf);
        return population == null ? priors : priors + "; " + population.describe();
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
