package io.fidelis.core.strategy;

import io.fidelis.core.domain.Coded;

/** A contact the relationship manager or marketing makes with the customer. */
public enum Outreach implements Coded {
    /** Regular visit by the relationship manager. */
    FOLLOW_UP_VISIT,
    /** Regular market-analysis report. */
    MARKET_REPORT,
    /** Loan plan tailored to the customer. */
    PERSONALISED_PLAN,
    /** Exclusive offer for core customers. */
    EXCLUSIVE_OFFER,
    /** Priority service desk. */
    PRIORITY_SERVICE,
    /** Invitation to the loyalty programme. */
    LOYALTY_PROGRAMME_INVITE,
    /** Meeting to welcome a new customer. */
    WELCOME_MEETING,
    /** Limited-time offer for new customers. */
    LIMITED_TIME_OFFER,
    /** Brand event or seminar. */
    BRAND_EVENT,
    /** Call to learn a dormant customer's needs and offer solutions. */
    REACTIVATION_CALL,
    /** Assessment of the customer's current needs. */
    NEEDS_ASSESSMENT,
    /** Offer to win a churned customer back. */
    WIN_BACK_OFFER,
    /** Review whether a refund or compensation is due. */
    COMPENSATION_REVIEW,
    /** Interview to learn why the customer left. */
    EXIT_INTERVIEW,
    /** Follow-up of open or recent complaints, to limit negative word of mouth. */
    COMPLAINT_FOLLOW_UP,
    /** Timely communication to limit negative word of mouth. */
    TIMELY_COMMUNICATION,
    /** Credit risk review. */
    RISK_REVIEW,
    /** Gradual review of the scope of business with the customer. */
    BUSINESS_SCOPE_REVIEW;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }
}
