package io.fidelis.core.domain;

/** Loan or facility product. */
public enum Product implements Coded {
    PROJECT_FINANCE,
    WORKING_CAPITAL,
    TERM_LOAN,
    LEASING,
    TRADE_FINANCE,
    REVOLVING,
    OTHER;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }
}
