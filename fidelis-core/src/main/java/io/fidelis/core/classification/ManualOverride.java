package io.fidelis.core.classification;

import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A person's decision to set a customer's tier and/or stage by hand for a while. It applies to evaluations as of a
 * date from {@code effectiveFrom} (inclusive; any date when null) until {@code expiresOn} (exclusive), and shows in
 * every explanation it changes. The guardrail still applies to the actions it leads to.
 *
 * @param customerId whose classification it changes
 * @param tier the tier to set, or null to keep the computed one
 * @param stage the stage to set, or null to keep the computed one
 * @param reason why, in the author's words
 * @param author who decided
 * @param effectiveFrom first as-of date it applies to, or null
 * @param expiresOn first as-of date it no longer applies to
 */
public record ManualOverride(
        String customerId,
        Tier tier,
        Stage stage,
        String reason,
        String author,
        LocalDate effectiveFrom,
        LocalDate expiresOn) {

    public ManualOverride {
        Objects.requireNonNull(customerId, "customer id");
        Objects.requireNonNull(expiresOn, "expires on");
        if (tier == null && stage == null) {
            throw new IllegalArgumentException("override of " + customerId + " sets neither a tier nor a stage");
        }
        if (reason == null || reason.isBlank() || author == null || author.isBlank()) {
            throw new IllegalArgumentException("override of " + customerId + " needs a reason and an author");
        }
        if (effectiveFrom != null && !expiresOn.isAfter(effectiveFrom)) {
            throw new IllegalArgumentException(
                    "override of " + customerId + " expires on " + expiresOn + ", not after " + effectiveFrom);
        }
    }

    /**
     * Whether it is in force on {@code asOf}: from {@code effectiveFrom} (inclusive; any date when null) until {@code
     * expiresOn} (exclusive). The one statement of that rule: the classifier, every store and the Spark job use it.
     */
    public boolean inForceOn(LocalDate asOf) {
        return (effectiveFrom == null || !asOf.isBefore(effectiveFrom)) && asOf.isBefore(expiresOn);
    }

    /** Whether it applies to {@code customerId} as of {@code asOf}. */
    public boolean appliesTo(String customerId, LocalDate asOf) {
        return this.customerId.equals(customerId) && inForceOn(asOf);
    }

    /**
     * The overrides of {@code recorded} in force on {@code asOf} ({@link #inForceOn}), by customer id in the order of
     * their first appearance, each customer's in the order of {@code recorded}: the order in which {@link Classifier}
     * reads them (of several in force, the last wins).
     */
    public static Map<String, List<ManualOverride>> inForce(List<ManualOverride> recorded, LocalDate asOf) {
        Map<String, List<ManualOverride>> byCustomer = new LinkedHashMap<>();
        for (ManualOverride override : recorded) {
            if (override.inForceOn(asOf)) {
                byCustomer
                        .computeIfAbsent(override.customerId(), id -> new ArrayList<>())
                        .add(override);
            }
        }
        return byCustomer;
    }
}
