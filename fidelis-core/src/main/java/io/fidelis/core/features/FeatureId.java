package io.fidelis.core.features;

import io.fidelis.core.domain.Coded;

/**
 * The stable identity of a feature, as a policy names it ({@link #code()}, e.g. {@code on_time_rate_by_count}).
 *
 * <p>"In the window" means dated after the as-of date minus the policy's window months and on or before the as-of
 * date; "in the activity window" likewise with the policy's activity window (12 months by default). Counts are
 * always present (no record is a true zero); rates, scores and recencies are missing when there is nothing to
 * compute them from.
 */
public enum FeatureId implements Coded {
    TENURE_MONTHS(
            FeatureUnit.MONTHS,
            "whole months from the relationship start (onboarded_on, or the first loan or interaction) to the as-of"
                    + " date; 0 when the relationship starts later; missing when no start is known"),
    DAYS_SINCE_LAST_ACTIVITY(
            FeatureUnit.DAYS,
            "days since the last loan start, payment or interaction of any type; missing when there was none"),
    ACTIVITY_COUNT(
            FeatureUnit.COUNT,
            "uses of the lender's services in the activity window: loan starts and applications, drawdowns,"
                    + " inquiries, meetings, events, programme benefit uses and other interactions"),
    LOANS_STARTED(FeatureUnit.COUNT, "loans started on or before the as-of date, at any time"),
    ACTIVE_LOANS(FeatureUnit.COUNT, "loans held as of the as-of date (status active or restructured)"),
    PRODUCT_BREADTH(FeatureUnit.COUNT, "distinct products among the loans held at some time in the window"),
    COMMITTED_AMOUNT(FeatureUnit.AMOUNT, "committed amount of the loans held as of the as-of date"),
    OUTSTANDING_AMOUNT(
            FeatureUnit.AMOUNT,
            "approximate exposure: scheduled due amounts (principal and interest) of the loans held, less what was"
                    + " paid on them by the as-of date"),
    INSTALLMENTS_DUE(
            FeatureUnit.COUNT,
            "installments with a due amount above zero falling due in the window (the repayment record)"),
    ON_TIME_RATE_BY_COUNT(
            FeatureUnit.RATIO,
            "share of the installments due in the window that were fully paid no later than due date plus grace days;"
                    + " missing when none was due"),
    ON_TIME_RATE_BY_AMOUNT(
            FeatureUnit.RATIO,
            "share of the amount due in the window that was in installments paid on time; missing when none was due"),
    CURRENT_DAYS_PAST_DUE(
            FeatureUnit.DAYS,
            "days since the due date of the oldest installment not fully paid as of the as-of date (loans not ended);"
                    + " 0 when none; missing when no installment was ever due"),
    MAX_DAYS_PAST_DUE(
            FeatureUnit.DAYS,
            "largest delay, in days after the due date, of an installment due in the window (unpaid ones count until"
                    + " the as-of date); missing when none was due"),
    DEFAULTS(FeatureUnit.COUNT, "loans whose status became defaulted in the window"),
    RESTRUCTURINGS(FeatureUnit.COUNT, "loans whose status became restructured in the window"),
    WRITE_OFFS(FeatureUnit.COUNT, "loans whose status became written off in the window"),
    COMPLAINTS(FeatureUnit.COUNT, "complaints received in the window"),
    HIGH_SEVERITY_COMPLAINTS(FeatureUnit.COUNT, "complaints of high severity received in the window"),
    OPEN_COMPLAINTS(FeatureUnit.COUNT, "complaints received by the as-of date and not resolved by then, at any time"),
    ESCALATED_COMPLAINTS(FeatureUnit.COUNT, "complaints received in the window that were escalated outside"),
    SURVEYS(FeatureUnit.COUNT, "survey answers in the window"),
    SATISFACTION_LATEST(
            FeatureUnit.SCALE_1_TO_5,
            "satisfaction of the latest answer in the window (the lower one on ties); missing without answers"),
    SATISFACTION_MEAN(
            FeatureUnit.SCALE_1_TO_5, "mean satisfaction of the answers in the window; missing without answers"),
    SATISFACTION_TREND(
            FeatureUnit.SCALE_POINTS,
            "latest satisfaction minus the mean of the earlier ones in the window; missing with fewer than two answers"),
    NPS_LATEST(
            FeatureUnit.SCALE_0_TO_10, "likelihood to recommend of the latest answer in the window; missing without"),
    NPS_MEAN(FeatureUnit.SCALE_0_TO_10, "mean likelihood to recommend in the window; missing without answers"),
    REFERRALS(FeatureUnit.COUNT, "referrals the customer made in the window"),
    POSITIVE_REVIEWS(FeatureUnit.COUNT, "positive reviews in the window"),
    NEGATIVE_REVIEWS(FeatureUnit.COUNT, "negative reviews in the window"),
    PROGRAMME_ENROLLED(FeatureUnit.FLAG, "1 when the customer enrolled in the loyalty programme by the as-of date"),
    PROGRAMME_BENEFIT_USES(FeatureUnit.COUNT, "loyalty programme benefits used in the window"),
    COMPETITOR_QUOTES(FeatureUnit.COUNT, "competitor quotes recorded in the window"),
    RATE_NEGOTIATIONS(FeatureUnit.COUNT, "rate negotiations in the window"),
    LOANS_PREPAID(FeatureUnit.COUNT, "loans whose status became prepaid in the window"),
    LOANS_REFINANCED_ELSEWHERE(FeatureUnit.COUNT, "loans whose status became refinanced elsewhere in the window"),
    PRICE_SENSITIVITY_SIGNALS(
            FeatureUnit.COUNT,
            "competitor quotes, rate negotiations, prepayments and refinancings elsewhere in the window, together"),
    STAYED_DESPITE_COMPETITOR_OFFER(
            FeatureUnit.FLAG,
            "1 when, after the first competitor quote in the window, the customer used the lender's services again,"
                    + " refinanced nothing elsewhere and did not close; missing without a competitor quote"),
    CLOSED(FeatureUnit.FLAG, "1 when the relationship was formally closed on or before the as-of date"),
    DAYS_SINCE_LAST_LOAN_END(
            FeatureUnit.DAYS,
            "days since the most recent loan ended (repaid, prepaid, refinanced, cancelled, defaulted or written off);"
                    + " present only when no loan is held and at least one ended"),
    P_ALIVE(
            FeatureUnit.RATIO,
            "probability that the customer is still active (BG/NBD, fitted on the whole book's activity events as of"
                    + " the date); present only when the policy's stages.activity_model enables it and the customer had"
                    + " an activity event (application, drawdown or new loan) by then; missing otherwise, never 0",
            true),
    EXPECTED_ACTIVITY_26W(
            FeatureUnit.EXPECTED_COUNT,
            "expected activity events in the next 26 weeks under the same BG/NBD fit; present and missing like"
                    + " p_alive",
            true);

    private final FeatureUnit unit;
    private final String description;
    private final boolean population;

    FeatureId(FeatureUnit unit, String description) {
        this(unit, description, false);
    }

    FeatureId(FeatureUnit unit, String description, boolean population) {
        this.unit = unit;
        this.description = description;
        this.population = population;
    }

    /** The unit of the feature's value. */
    public FeatureUnit unit() {
        return unit;
    }

    /**
     * Whether the feature needs a model fitted on the whole book first (the population step): such features are not
     * computed from one customer's history, a policy can use them only in {@code stages.activity_model}, and they are
     * missing unless that section enables them.
     */
    public boolean population() {
        return population;
    }

    /** What the feature measures and when it is missing, in English. */
    public String description() {
        return description;
    }

    @Override
    public String code() {
        return Coded.codeOf(this);
    }

    /** The bit of this feature in a 64-bit presence mask. */
    long bit() {
        return 1L << ordinal();
    }
}
