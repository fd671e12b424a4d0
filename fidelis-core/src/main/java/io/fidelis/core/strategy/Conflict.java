package io.fidelis.core.strategy;

import io.fidelis.core.features.Evidence;
import java.util.List;
import java.util.Objects;

/**
 * A loyalty benefit the strategy called for but the guardrail withheld because of credit-risk signals. Reported,
 * never resolved silently: a risk officer decides.
 *
 * @param benefit the benefit withheld
 * @param signals the signals that blocked it
 * @param evidence the feature values showing the signals
 */
public record Conflict(Benefit benefit, List<RiskSignal> signals, List<Evidence> evidence) {

    public Conflict {
        Objects.requireNonNull(benefit, "benefit");
        signals = List.copyOf(signals);
        evidence = List.copyOf(evidence);
    }
}
