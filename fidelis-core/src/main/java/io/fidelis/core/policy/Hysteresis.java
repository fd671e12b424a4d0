package io.fidelis.core.policy;

/**
 * Stability of tiers between monthly evaluations. When enabled, an upgrade needs the score at least {@code margin}
 * points above the new band's lower edge in {@code months} consecutive monthly evaluations (this one included), and a
 * downgrade without a credit event needs the score more than {@code margin} points below the current band's lower
 * edge. A credit event downgrades at once; hard caps always apply at once.
 *
 * @param enabled whether tiers are stabilised
 * @param margin points beyond a band edge, 0 or more
 * @param months consecutive monthly evaluations an upgrade needs, 1 or more
 */
public record Hysteresis(boolean enabled, double margin, int months) {

    /** No stabilisation: every evaluation stands alone. */
    public static final Hysteresis OFF = new Hysteresis(false, 0, 1);
}
