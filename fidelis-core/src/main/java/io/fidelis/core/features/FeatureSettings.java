package io.fidelis.core.features;

/**
 * The policy settings that change how features are computed.
 *
 * @param windowMonths look-back window in months (36 in the worked case), at least 1
 * @param activityWindowMonths window of {@link FeatureId#ACTIVITY_COUNT} in months, at least 1
 * @param graceDays days after the due date an installment may still be paid on time, 0 or more
 */
public record FeatureSettings(int windowMonths, int activityWindowMonths, int graceDays) {

    public FeatureSettings {
        if (windowMonths < 1 || activityWindowMonths < 1 || graceDays < 0) {
            throw new IllegalArgumentException("window months " + windowMonths + ", activity window months "
                    + activityWindowMonths + ", grace days " + graceDays + ": windows must be >= 1, grace >= 0");
        }
    }
}
