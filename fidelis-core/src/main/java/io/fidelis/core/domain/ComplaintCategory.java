package io.fidelis.core.domain;

/** What a complaint is about. */
public enum ComplaintCategory implements Coded {
    PRICING,
    SERVICE,
    PROCESS,
    PRODUCT,
    STAFF,
    OTHER;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }
}
