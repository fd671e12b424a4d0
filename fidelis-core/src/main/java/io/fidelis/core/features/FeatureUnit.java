package io.fidelis.core.features;

/** The unit a feature's value is expressed in, so it can be rendered and compared with policy thresholds. */
public enum FeatureUnit {
    /** Whole calendar months. */
    MONTHS,
    /** Calendar days. */
    DAYS,
    /** A count of records or events. */
    COUNT,
    /** A fraction between 0 and 1. */
    RATIO,
    /** Money in the loans' currency units (not converted between currencies). */
    AMOUNT,
    /** Satisfaction on the survey scale 1 (worst) to 5 (best). */
    SCALE_1_TO_5,
    /** Likelihood to recommend on the NPS scale 0 to 10. */
    SCALE_0_TO_10,
    /** Difference between two satisfaction scores, in scale points. */
    SCALE_POINTS,
    /** 1 for yes, 0 for no. */
    FLAG,
    /** An expected number of events under a model: fractional, at least 0. */
    EXPECTED_COUNT
}
