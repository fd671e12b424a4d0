package io.fidelis.core.policy;

import io.fidelis.core.domain.Coded;

/** Loyalty tier (高 / 中 / 低忠诚度), best first. */
public enum Tier implements Coded {
    HIGH,
    MEDIUM,
    LOW;

    /** Whether this tier is better than {@code other}. */
    public boolean isAbove(Tier other) {
        return ordinal() < other.ordinal();
    }

    /** The lower (worse) of two tiers. */
    public static Tier lower(Tier a, Tier b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    @Override
    public String code() {
        return Coded.codeOf(this);
    }
}
