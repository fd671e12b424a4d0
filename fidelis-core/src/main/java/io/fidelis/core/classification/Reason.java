package io.fidelis.core.classification;

import io.fidelis.core.features.Evidence;
import java.util.List;
import java.util.Objects;

/**
 * Why a customer got its tier or stage: a stable code plus the evidence, never free text.
 *
 * @param code the reason
 * @param effect whether it raised, lowered or only explains the result
 * @param evidence the feature values behind it
 * @param args further values the text needs (tiers, stages, dates, numbers, the override's author and note), in the
 *     order of the code's template placeholders
 */
public record Reason(ReasonCode code, Effect effect, List<Evidence> evidence, List<Object> args) {

    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(effect, "effect");
        evidence = List.copyOf(evidence);
        args = List.copyOf(args);
    }

    static Reason of(ReasonCode code, Effect effect, List<Evidence> evidence, Object... args) {
        return new Reason(code, effect, evidence, List.of(args));
    }
}
