package io.fidelis.core.strategy;

import java.util.List;
import java.util.Objects;

/**
 * Actions after the guardrail, with the conflicts it found.
 *
 * @param actions the actions to apply
 * @param conflicts the benefits withheld and why; empty when none
 */
public record GuardedActions(Actions actions, List<Conflict> conflicts) {

    public GuardedActions {
        Objects.requireNonNull(actions, "actions");
        conflicts = List.copyOf(conflicts);
    }
}
