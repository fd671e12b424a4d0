package io.fidelis.core.domain;

/** Kind of a recorded interaction between the customer and the lender. */
public enum InteractionType implements Coded {
    APPLICATION,
    DRAWDOWN,
    INQUIRY,
    MEETING,
    EVENT,
    REFERRAL_MADE,
    PROGRAMME_ENROLLED,
    PROGRAMME_BENEFIT_USED,
    COMPETITOR_QUOTE,
    RATE_NEGOTIATION,
    POSITIVE_REVIEW,
    NEGATIVE_REVIEW,
    OTHER;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }
}
