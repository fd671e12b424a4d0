package io.fidelis.core.domain;

/** Why a relationship formally ended. */
public enum CloseReason implements Coded {
    MATURED,
    MOVED_TO_COMPETITOR,
    CLOSED_BY_CUSTOMER,
    CLOSED_BY_LENDER,
    DEFAULT,
    MERGED,
    OTHER;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }
}
