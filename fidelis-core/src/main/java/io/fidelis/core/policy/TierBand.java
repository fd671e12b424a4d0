package io.fidelis.core.policy;

/**
 * The scores that give a tier: from {@code min} (inclusive) up to the next better tier's {@code min}.
 *
 * @param tier the tier
 * @param min the lowest score of the band, 0 to 100
 */
public record TierBand(Tier tier, double min) {}
