package io.fidelis.core.classification;

/**
 * Stable ids of the reasons behind a tier or a stage. Never renamed once published: files, reports and people refer
 * to them. Text in English and Chinese is rendered from the code by {@link Messages}.
 */
public enum ReasonCode {
    // ---- factor reasons: a scored feature's value reads low or high (see FactorReasons for the pairs)
    SHORT_RELATIONSHIP(Kind.FACTOR),
    LONG_RELATIONSHIP(Kind.FACTOR),
    RECENT_ACTIVITY(Kind.FACTOR),
    NO_RECENT_ACTIVITY(Kind.FACTOR),
    INFREQUENT_USE(Kind.FACTOR),
    FREQUENT_USE(Kind.FACTOR),
    FEW_LOANS(Kind.FACTOR),
    REPEAT_BORROWER(Kind.FACTOR),
    FEW_PRODUCTS_HELD(Kind.FACTOR),
    SEVERAL_PRODUCTS_HELD(Kind.FACTOR),
    NARROW_PRODUCT_USE(Kind.FACTOR),
    BROAD_PRODUCT_USE(Kind.FACTOR),
    SMALL_COMMITMENT(Kind.FACTOR),
    LARGE_COMMITMENT(Kind.FACTOR),
    SMALL_OUTSTANDING(Kind.FACTOR),
    LARGE_OUTSTANDING(Kind.FACTOR),
    SHORT_REPAYMENT_RECORD(Kind.FACTOR),
    LONG_REPAYMENT_RECORD(Kind.FACTOR),
    LATE_PAYMENTS(Kind.FACTOR),
    ON_TIME_RATE_HIGH(Kind.FACTOR),
    LATE_PAYMENTS_BY_AMOUNT(Kind.FACTOR),
    ON_TIME_AMOUNT_HIGH(Kind.FACTOR),
    NO_CURRENT_ARREARS(Kind.FACTOR),
    IN_ARREARS(Kind.FACTOR),
    NO_SERIOUS_DELAY(Kind.FACTOR),
    SERIOUS_DELAY(Kind.FACTOR),
    NO_DEFAULTS(Kind.FACTOR),
    DEFAULTED(Kind.FACTOR),
    NO_RESTRUCTURING(Kind.FACTOR),
    RESTRUCTURED(Kind.FACTOR),
    NO_WRITE_OFFS(Kind.FACTOR),
    WRITTEN_OFF(Kind.FACTOR),
    FEW_COMPLAINTS(Kind.FACTOR),
    COMPLAINTS_FILED(Kind.FACTOR),
    NO_SEVERE_COMPLAINTS(Kind.FACTOR),
    SEVERE_COMPLAINTS(Kind.FACTOR),
    NO_OPEN_COMPLAINTS(Kind.FACTOR),
    OPEN_COMPLAINTS(Kind.FACTOR),
    NO_ESCALATIONS(Kind.FACTOR),
    COMPLAINTS_ESCALATED(Kind.FACTOR),
    FEW_SURVEYS(Kind.FACTOR),
    SURVEYED_REGULARLY(Kind.FACTOR),
    LOW_SATISFACTION_LATEST(Kind.FACTOR),
    HIGH_SATISFACTION_LATEST(Kind.FACTOR),
    LOW_SATISFACTION(Kind.FACTOR),
    HIGH_SATISFACTION(Kind.FACTOR),
    SATISFACTION_FALLING(Kind.FACTOR),
    SATISFACTION_RISING(Kind.FACTOR),
    DETRACTOR_LATEST(Kind.FACTOR),
    PROMOTER_LATEST(Kind.FACTOR),
    DETRACTOR(Kind.FACTOR),
    PROMOTER(Kind.FACTOR),
    NO_REFERRALS(Kind.FACTOR),
    REFERRALS_MADE(Kind.FACTOR),
    NO_POSITIVE_REVIEWS(Kind.FACTOR),
    POSITIVE_REVIEWS(Kind.FACTOR),
    NO_NEGATIVE_REVIEWS(Kind.FACTOR),
    NEGATIVE_REVIEWS(Kind.FACTOR),
    NOT_IN_PROGRAMME(Kind.FACTOR),
    PROGRAMME_ACTIVE(Kind.FACTOR),
    PROGRAMME_UNUSED(Kind.FACTOR),
    PROGRAMME_BENEFITS_USED(Kind.FACTOR),
    NO_COMPETITOR_QUOTES(Kind.FACTOR),
    COMPETITOR_QUOTES(Kind.FACTOR),
    NO_RATE_NEGOTIATIONS(Kind.FACTOR),
    RATE_NEGOTIATIONS(Kind.FACTOR),
    NO_PREPAYMENTS(Kind.FACTOR),
    PREPAYMENTS(Kind.FACTOR),
    NO_REFINANCING_ELSEWHERE(Kind.FACTOR),
    REFINANCED_ELSEWHERE(Kind.FACTOR),
    NOT_PRICE_SENSITIVE(Kind.FACTOR),
    PRICE_SENSITIVE(Kind.FACTOR),
    LEFT_AFTER_COMPETITOR_OFFER(Kind.FACTOR),
    STAYED_DESPITE_COMPETITOR_OFFER(Kind.FACTOR),
    RELATIONSHIP_OPEN(Kind.FACTOR),
    RELATIONSHIP_CLOSED(Kind.FACTOR),
    RECENT_LOAN_END(Kind.FACTOR),
    LONG_SINCE_LAST_LOAN(Kind.FACTOR),
    /** A scored feature had no data: left out, its weight spread over the others. */
    NOT_SCORED_NO_DATA(Kind.SCORE),
    /** No scored feature had data: the score is unknown and the tier medium. */
    NO_SCORED_DATA(Kind.SCORE),

    // ---- hard rules
    DEFAULT_IN_WINDOW_CAPS_LOW(Kind.CAP),
    WRITE_OFF_IN_WINDOW_CAPS_LOW(Kind.CAP),
    LEFT_FOR_COMPETITOR_CAPS_LOW(Kind.CAP),
    INSUFFICIENT_EVIDENCE_CAPS_MEDIUM(Kind.CAP),

    // ---- stability between monthly evaluations
    TIER_HELD_BY_HYSTERESIS(Kind.STABILITY),
    UPGRADE_PENDING(Kind.STABILITY),
    CREDIT_EVENT_DOWNGRADES_AT_ONCE(Kind.STABILITY),

    // ---- manual overrides
    TIER_OVERRIDDEN(Kind.OVERRIDE),
    STAGE_OVERRIDDEN(Kind.OVERRIDE),

    // ---- lifecycle stage
    CHURNED_FORMAL_CLOSURE(Kind.STAGE),
    CHURNED_DEFAULT_OR_WRITE_OFF(Kind.STAGE),
    CHURNED_PREPAID_OR_REFINANCED_ELSEWHERE(Kind.STAGE),
    CHURNED_MATURED_NOT_RENEWED(Kind.STAGE),
    /** The policy's activity model (BG/NBD) puts a population feature below its churn threshold. */
    CHURNED_ACTIVITY_MODEL(Kind.STAGE),
    STAGE_NEW_RECENTLY_ONBOARDED(Kind.STAGE),
    STAGE_NEW_NOT_YET_STARTED(Kind.STAGE),
    STAGE_DORMANT_NO_RECENT_ACTIVITY(Kind.STAGE),
    STAGE_DORMANT_NO_ACTIVITY_RECORDED(Kind.STAGE),
    /** The policy's activity model (BG/NBD) puts a population feature below its dormancy threshold. */
    STAGE_DORMANT_ACTIVITY_MODEL(Kind.STAGE),
    STAGE_ACTIVE_RECENT_ACTIVITY(Kind.STAGE),
    /** Supporting: no loan is held any more; churn follows if nothing happens. */
    NO_LOAN_HELD(Kind.STAGE);

    /** What part of the classification a reason explains. */
    public enum Kind {
        /** A scored feature. */
        FACTOR,
        /** The score as a whole. */
        SCORE,
        /** A hard rule capping the tier. */
        CAP,
        /** Hysteresis between monthly evaluations. */
        STABILITY,
        /** A manual override. */
        OVERRIDE,
        /** The lifecycle stage. */
        STAGE
    }

    private final Kind kind;

    ReasonCode(Kind kind) {
        this.kind = kind;
    }

    /** What part of the classification the reason explains. */
    public Kind kind() {
        return kind;
    }
}
