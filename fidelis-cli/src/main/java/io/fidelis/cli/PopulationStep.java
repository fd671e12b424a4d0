package io.fidelis.cli;

import io.fidelis.core.classification.DatedClassifier;
import io.fidelis.core.classification.ManualOverride;
import io.fidelis.core.policy.Policy;
import io.fidelis.core.prediction.ActivityPopulation;
import io.fidelis.store.BookStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The population step before classifying as of a date: when the policy enables {@code stages.activity_model}, a first
 * pass over the whole book fits BG/NBD on every customer's activity events up to the date, and the classifier gets the
 * fit. Without that section nothing is read and the classifier is the usual one.
 */
final class PopulationStep {

    private PopulationStep() {}

    static DatedClassifier classifier(
            BookStore book, Policy policy, LocalDate asOf, Map<String, List<ManualOverride>> overrides) {
        if (!policy.stages().activityModel().enabled()) {
            return new DatedClassifier(policy, asOf, overrides);
        }
        ActivityPopulation population = new ActivityPopulation(asOf);
        book.forEachHistory(population::add);
        return new DatedClassifier(policy, asOf, overrides, population.fit());
    }

    /** Refuses a command that classifies without the population step under a policy that needs it. */
    static void refuseActivityModel(Policy policy, String what, String instead) {
        if (policy.stages().activityModel().enabled()) {
            throw CommandFailure.usage("policy " + policy.label() + " uses the activity model (stages.activity_model),"
                    + " which " + what + " does not support yet: " + instead);
        }
    }
}
