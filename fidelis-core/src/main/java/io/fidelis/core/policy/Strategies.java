package io.fidelis.core.policy;

import io.fidelis.core.strategy.Actions;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The actions for every combination of tier and stage.
 *
 * @param table actions by tier, then by stage; a valid policy has all twelve
 */
public record Strategies(Map<Tier, Map<Stage, Actions>> table) {

    public Strategies {
        Map<Tier, Map<Stage, Actions>> copy = new EnumMap<>(Tier.class);
        if (table != null) {
            table.forEach((tier, byStage) -> {
                Map<Stage, Actions> stages = new EnumMap<>(Stage.class);
                if (byStage != null) {
                    stages.putAll(byStage);
                }
                copy.put(tier, Collections.unmodifiableMap(stages));
            });
        }
        table = Collections.unmodifiableMap(copy);
    }

    /** The actions for {@code tier} in {@code stage}, or null when the table lacks them. */
    public Actions actionsFor(Tier tier, Stage stage) {
        Map<Stage, Actions> byStage = table.get(tier);
        return byStage == null ? null : byStage.get(stage);
    }
}
