package io.fidelis.core.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How scores become tiers.
 *
 * @param bands one band per tier, listed best first with strictly decreasing {@code min}; the low band starts at 0
 * @param caps hard rules that cap the tier
 * @param hysteresis stability between monthly evaluations
 */
public record TierPolicy(List<TierBand> bands, Caps caps, Hysteresis hysteresis) {

    public TierPolicy {
        // a copy that keeps null bands, so that validation can report them by index
        bands = bands == null ? null : Collections.unmodifiableList(new ArrayList<>(bands));
    }

    /** The tier of {@code score} (0 to 100). */
    public Tier tierFor(double score) {
        for (TierBand band : bands) {
            if (score >= band.min()) {
                return band.tier();
            }
        }
        return Tier.LOW;
    }

    /** The lowest score of {@code tier}'s band. */
    public double minOf(Tier tier) {
        for (TierBand band : bands) {
            if (band.tier() == tier) {
                return band.min();
            }
        }
        throw new IllegalArgumentException("no band for " + tier);
    }
}
