package io.fidelis.core.policy;

/**
 * The windows of the lifecycle stages, in months, and the optional activity model.
 *
 * @param newMonths a relationship younger than this is {@link Stage#NEW}
 * @param dormantMonths no activity for this long makes a customer {@link Stage#DORMANT}
 * @param churnAfterMaturityMonths with every loan repaid at maturity (or cancelled) and no activity for this long, a
 *     customer is {@link Stage#CHURNED}
 * @param churnAfterExitMonths with the last loan prepaid or refinanced elsewhere and no activity for this long, a
 *     customer is {@link Stage#CHURNED}
 * @param activityModel the BG/NBD opt-in ({@code stages.activity_model}); {@link ActivityModel#OFF} when absent
 */
public record StagePolicy(
        int newMonths,
        int dormantMonths,
        int churnAfterMaturityMonths,
        int churnAfterExitMonths,
        ActivityModel activityModel) {

    public StagePolicy {
        activityModel = activityModel == null ? ActivityModel.OFF : activityModel;
    }

    /** The windows without an activity model. */
    public StagePolicy(int newMonths, int dormantMonths, int churnAfterMaturityMonths, int churnAfterExitMonths) {
        this(newMonths, dormantMonths, churnAfterMaturityMonths, churnAfterExitMonths, ActivityModel.OFF);
    }
}
