package io.fidelis.core.domain;

/** Size class of a borrowing company. */
public enum CompanySize implements Coded {
    MICRO,
    SMALL,
    MEDIUM,
    LARGE;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }
}
