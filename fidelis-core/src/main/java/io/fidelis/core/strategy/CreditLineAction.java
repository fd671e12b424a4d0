package io.fidelis.core.strategy;

import io.fidelis.core.domain.Coded;

/** What to do with the customer's credit line. */
public enum CreditLineAction implements Coded {
    /** A loyalty benefit. */
    INCREASE,
    MAINTAIN,
    REDUCE,
    FREEZE;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }
}
