package io.fidelis.core.domain;

/** Channel through which an interaction happened. */
public enum Channel implements Coded {
    BRANCH,
    ONLINE,
    RELATIONSHIP_MANAGER,
    PHONE,
    OTHER;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }
}
