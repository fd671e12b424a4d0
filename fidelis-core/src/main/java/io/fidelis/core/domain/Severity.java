package io.fidelis.core.domain;

/** Severity of a complaint. */
public enum Severity implements Coded {
    LOW,
    MEDIUM,
    HIGH;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }
}
