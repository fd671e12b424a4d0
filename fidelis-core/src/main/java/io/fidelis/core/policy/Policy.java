package io.fidelis.core.policy;

import io.fidelis.core.features.FeatureId;
import io.fidelis.core.features.FeatureSettings;
import io.fidelis.core.strategy.Guardrail;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A lender's classification policy: every threshold, weight, window and strategy, versioned. Immutable, and valid by
 * construction: the constructor checks everything at once and throws {@link InvalidPolicyException} listing every
 * problem with its key path (the paths of the YAML form, e.g. {@code factors[3].feature}).
 *
 * <p>The loyalty score is the sum of the factors' points: each factor earns {@code weight × curve(value)}. A factor
 * whose feature is missing is left out and the other factors' weights are scaled up so they still add up to 100
 * (missing is unknown, not bad and not good); the result says how much weight had data.
 *
 * @param id stable id of the policy, e.g. {@code default}
 * @param version version of this id, e.g. {@code 2026.1}
 * @param effectiveFrom first day the policy applies
 * @param author who wrote or approved it
 * @param description what it is for; may be empty
 * @param windowMonths look-back window in months (36 in the worked case)
 * @param activityWindowMonths window of the activity count in months, at most {@code windowMonths}
 * @param graceDays days after the due date a payment still counts as on time
 * @param factors the scored factors; weights add up to 100, each feature at most once
 * @param monotone features declared monotone: the score never falls when such a feature moves in its direction,
 *     other things equal; checked against the factors' curves
 * @param tiers bands, caps and hysteresis
 * @param stages lifecycle windows
 * @param guardrail when loyalty benefits are withheld against credit risk
 * @param strategies actions for every tier and stage
 */
public record Policy(
        String id,
        String version,
        LocalDate effectiveFrom,
        String author,
        String description,
        int windowMonths,
        int activityWindowMonths,
        int graceDays,
        List<Factor> factors,
        Map<FeatureId, Direction> monotone,
        TierPolicy tiers,
        StagePolicy stages,
        Guardrail guardrail,
        Strategies strategies) {

    public Policy {
        factors = factors == null ? null : Collections.unmodifiableList(new ArrayList<>(factors));
        monotone = monotone == null
                ? Map.of()
                : Collections.unmodifiableMap(monotone.isEmpty() ? Map.of() : new EnumMap<>(monotone));
        description = description == null ? "" : description;
        List<PolicyProblem> problems = PolicyChecks.check(
                id,
                version,
                effectiveFrom,
                author,
                windowMonths,
                activityWindowMonths,
                graceDays,
                factors,
                monotone,
                tiers,
                stages,
                guardrail,
                strategies);
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(problems);
        }
    }

    /** The settings feature computation takes from this policy. */
    public FeatureSettings featureSettings() {
        return new FeatureSettings(windowMonths, activityWindowMonths, graceDays);
    }

    /** {@code id@version}, for provenance. */
    public String label() {
        return id + "@" + version;
    }
}
