package io.fidelis.core.domain;

/** Status of a loan as of its status date. */
public enum LoanStatus implements Coded {
    ACTIVE,
    REPAID,
    PREPAID,
    REFINANCED_ELSEWHERE,
    RESTRUCTURED,
    DEFAULTED,
    WRITTEN_OFF,
    CANCELLED;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }
}
