package io.fidelis.service;

import io.fidelis.core.classification.Classification;
import io.fidelis.core.classification.DatedClassifier;
import io.fidelis.core.classification.ManualOverride;
import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.store.RunHeader;
import io.fidelis.store.RunProvenance;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Classifies with the policy in force through the engine's {@link DatedClassifier}: one customer now (a loan
 * application in progress), or the whole book as a stored run.
 */
@Component
class Classifying {

    private record Key(LocalDate asOf, String policySha256, long overridesVersion) {}

    private final Workspace workspace;
    private final Histories histories;
    private final Policies policies;
    private final Clock clock;
    private final Map<Key, DatedClassifier> classifiers = new ConcurrentHashMap<>();
    private volatile long overridesVersion;

    Classifying(Workspace workspace, Histories histories, Policies policies, Clock clock) {
        this.workspace = workspace;
        this.histories = histories;
        this.policies = policies;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The customer's classification as of {@code asOf} with the policy in force and the overrides in force then. */
    Classification classify(String customerId, LocalDate asOf) {
        return classifyWithHistory(customerId, asOf).classification();
    }

    record Classified(CustomerHistory history, Classification classification) {}

    Classified classifyWithHistory(String customerId, LocalDate asOf) {
        CustomerHistory history = histories
                .of(customerId)
                .orElseThrow(() -> new NoSuchElementException("no customer " + customerId + " in the book"));
        return new Classified(history, classifier(asOf).classify(history));
    }

    /** Forget cached overrides (after one is recorded). */
    void overridesChanged() {
        overridesVersion++;
        classifiers.clear();
    }

    private DatedClassifier classifier(LocalDate asOf) {
        Policies.InForce policy = policies.inForce();
        Key key = new Key(asOf, policy.sha256(), overridesVersion);
        DatedClassifier classifier = classifiers.get(key);
        if (classifier == null) {
            if (classifiers.size() > 64) {
                classifiers.clear();
            }
            Map<String, List<ManualOverride>> inForce = workspace.overrides.inForce(asOf);
            classifier = new DatedClassifier(policy.policy(), asOf, inForce);
            classifiers.put(key, classifier);
        }
        return classifier;
    }

    /** Classifies every customer as of {@code asOf} and stores the run. */
    RunHeader run(LocalDate asOf, String codeVersion) {
        Policies.InForce policy = policies.inForce();
        DatedClassifier classifier = classifier(asOf);
        List<Classification> results = new ArrayList<>();
        String fingerprint = workspace.book.inputFingerprint();
        workspace.book.forEachHistory(history -> results.add(classifier.classify(history)));
        RunProvenance provenance = new RunProvenance(
                policy.policy().id(),
                policy.policy().version(),
                policy.sha256(),
                asOf,
                fingerprint,
                codeVersion,
                classifier.priors(),
                clock.instant());
        return workspace.runs.save(provenance, results.iterator());
    }
}
