package io.fidelis.core.evaluation;

import java.util.List;
import java.util.Objects;

/**
 * The four groups of a difference-in-differences: treatment and control arms, each before and after the strategy
 * started. The estimand is (treatmentAfter - treatmentBefore) - (controlAfter - controlBefore).
 *
 * @param <T> {@link BinarySample} or {@link Sample}
 */
public record Cells<T>(T treatmentBefore, T treatmentAfter, T controlBefore, T controlAfter) {

    public Cells {
        Objects.requireNonNull(treatmentBefore, "treatment before");
        Objects.requireNonNull(treatmentAfter, "treatment after");
        Objects.requireNonNull(controlBefore, "control before");
        Objects.requireNonNull(controlAfter, "control after");
    }

    /** The four cells in the order treatment before, treatment after, control before, control after. */
    public List<T> all() {
        return List.of(treatmentBefore, treatmentAfter, controlBefore, controlAfter);
    }
}
