package io.fidelis.core.policy;

/**
 * The windows of the lifecycle stages, in months.
 *
 * @param newMonths a relationship younger than this is {@link Stage#NEW}
 * @param dormantMonths no activity for this long makes a customer {@link Stage#DORMANT}
 * @param churnAfterMaturityMonths with every loan repaid at maturity (or cancelled) and no activity for this long, a
 *     customer is {@link Stage#CHURNED}
 * @param churnAfterExitMonths with the last loan prepaid or refinanced elsewhere and no activity for this long, a
 *     customer is {@link Stage#CHURNED}
 */
public record StagePolicy(int newMonths, int dormantMonths, int churnAfterMaturityMonths, int churnAfterExitMonths) {}
