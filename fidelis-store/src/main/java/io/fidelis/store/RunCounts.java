package io.fidelis.store;

import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts of a run's customers: by tier and stage, and how many had guardrail conflicts or manual overrides.
 *
 * @param tierByStage customers per tier and stage; every tier and stage present (0 when none)
 * @param customersWithConflicts customers with at least one benefit withheld by the guardrail
 * @param withheldBenefits benefits withheld, all customers together
 * @param overridden customers whose tier or stage a manual override set
 */
public record RunCounts(
        Map<Tier, Map<Stage, Long>> tierByStage, long customersWithConflicts, long withheldBenefits, long overridden) {

    public RunCounts {
        Map<Tier, Map<Stage, Long>> full = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            Map<Stage, Long> row = new EnumMap<>(Stage.class);
            Map<Stage, Long> given = tierByStage.getOrDefault(tier, Map.of());
            for (Stage stage : Stage.values()) {
                row.put(stage, given.getOrDefault(stage, 0L));
            }
            full.put(tier, Collections.unmodifiableMap(row));
        }
        tierByStage = Collections.unmodifiableMap(full);
    }

    /** Customers of {@code tier} in {@code stage}. */
    public long count(Tier tier, Stage stage) {
        return tierByStage.get(tier).get(stage);
    }

    /** Customers of {@code tier}, every stage. */
    public long total(Tier tier) {
        long total = 0;
        for (Stage stage : Stage.values()) {
            total += count(tier, stage);
        }
        return total;
    }

    /** Customers in {@code stage}, every tier. */
    public long total(Stage stage) {
        long total = 0;
        for (Tier tier : Tier.values()) {
            total += count(tier, stage);
        }
        return total;
    }

    /** All customers. */
    public long total() {
        long total = 0;
        for (Tier tier : Tier.values()) {
            total += total(tier);
        }
        return total;
    }
}
