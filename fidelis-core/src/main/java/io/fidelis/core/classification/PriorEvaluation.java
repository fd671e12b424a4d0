package io.fidelis.core.classification;

import io.fidelis.core.policy.Tier;
import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * An earlier monthly evaluation of the same customer, input to hysteresis. Take it from
 * {@link Classification#toPrior()}.
 *
 * @param asOf the date it was computed as of
 * @param tier the stabilised tier before caps and overrides ({@link Classification#stableTier()})
 * @param score its score, or empty when unknown
 */
public record PriorEvaluation(LocalDate asOf, Tier tier, OptionalDouble score) {

    public PriorEvaluation {
        Objects.requireNonNull(asOf, "as-of date");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(score, "score");
    }
}
