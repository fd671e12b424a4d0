package io.fidelis.core.evaluation;

import io.fidelis.core.domain.Coded;

/** How an {@link Estimate} was computed; the {@link #code()} is stable and goes into every output. */
public enum Method implements Coded {
    /** One proportion (0..1), Wilson score interval (Newcombe 1998a, method 3). No p-value. */
    WILSON_SCORE("wilson_score"),
    /** One proportion, Wilson score interval with continuity correction (Newcombe 1998a, method 4). No p-value. */
    WILSON_SCORE_CORRECTED("wilson_score_corrected"),
    /**
     * Difference of two proportions (-1..1), Newcombe's hybrid score interval (Newcombe 1998b, method 10); p-value
     * from the pooled two-proportion z-test (the chi-square test without correction).
     */
    NEWCOMBE_HYBRID_SCORE("newcombe_hybrid_score"),
    /** As {@link #NEWCOMBE_HYBRID_SCORE}, but the p-value is Fisher's exact test: an expected count was below 5. */
    NEWCOMBE_HYBRID_SCORE_FISHER("newcombe_hybrid_score_fisher"),
    /** Difference of two proportions, hybrid score with continuity correction (Newcombe 1998b, method 11). */
    NEWCOMBE_HYBRID_SCORE_CORRECTED("newcombe_hybrid_score_corrected"),
    /** Ratio of two risks (&gt; 0); Katz log interval, Wald p-value on the log scale. */
    RISK_RATIO_KATZ("risk_ratio_katz"),
    /** As {@link #RISK_RATIO_KATZ}, after adding 0.5 to every cell because a count was zero. */
    RISK_RATIO_KATZ_HALF_CORRECTED("risk_ratio_katz_half_corrected"),
    /** Relative change of a rate, after / before - 1 (&gt; -1; -0.30 is "fell by 30%"), from the Katz risk ratio. */
    RELATIVE_CHANGE_KATZ("relative_change_katz"),
    /** As {@link #RELATIVE_CHANGE_KATZ}, after adding 0.5 to every cell because a count was zero. */
    RELATIVE_CHANGE_KATZ_HALF_CORRECTED("relative_change_katz_half_corrected"),
    /** One mean in the outcome's unit, Student t interval. No p-value. */
    STUDENT_T_MEAN("student_t_mean"),
    /** Difference of two means, Welch's unequal-variance t interval and test. */
    WELCH_T("welch_t"),
    /**
     * Difference-in-differences of proportions (-2..2), normal approximation with the variance summed over the four
     * independent cells, each proportion adjusted by half an event and half a non-event (Price and Bonett 2004).
     */
    DID_ADJUSTED_WALD("did_adjusted_wald"),
    /** Difference-in-differences of means, variance summed over four cells, Welch-Satterthwaite t. */
    DID_WELCH_SATTERTHWAITE("did_welch_satterthwaite"),
    /** Difference-in-differences, percentile bootstrap resampling units within each of the four cells. */
    DID_PERCENTILE_BOOTSTRAP("did_percentile_bootstrap"),
    /**
     * Ratio of risk ratios (treatment after/before over control after/before, &gt; 0), log variance summed over the
     * four cells (Katz), 0.5 added to every cell if a count was zero.
     */
    DID_RATIO_OF_RISK_RATIOS("did_ratio_of_risk_ratios"),
    /** Difference-in-differences from each customer's own change (same customers in both periods), Welch t. */
    DID_CHANGES_WELCH("did_changes_welch"),
    /**
     * Mean of answers pooled over customers (each customer's answers a cluster), ratio-estimator variance linearised
     * over customers, Student t with customers - 1 degrees of freedom. No p-value.
     */
    POOLED_MEAN_CLUSTER_T("pooled_mean_cluster_t"),
    /** Difference of two pooled means, each with its cluster (customer) variance, Welch-Satterthwaite t. */
    POOLED_DIFFERENCE_CLUSTER_WELCH("pooled_difference_cluster_welch"),
    /**
     * Difference-in-differences of pooled means when the same customers answer in both periods: each arm's change
     * linearised per customer, so the correlation within a customer and between its periods is accounted for;
     * Welch-Satterthwaite t over the two arms.
     */
    DID_POOLED_CLUSTER_WELCH("did_pooled_cluster_welch");

    private final String code;

    Method(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
