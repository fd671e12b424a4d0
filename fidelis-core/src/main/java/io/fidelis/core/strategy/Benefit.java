package io.fidelis.core.strategy;

import io.fidelis.core.domain.Coded;

/** A loyalty benefit that the guardrail withholds when credit-risk signals are present. */
public enum Benefit implements Coded {
    /** Negative pricing adjustment. */
    PRICING_DISCOUNT,
    /** Positive rating notch. */
    RATING_UPGRADE,
    /** Priority approval route. */
    PRIORITY_APPROVAL,
    /** Credit line increase. */
    CREDIT_LINE_INCREASE;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }
}
