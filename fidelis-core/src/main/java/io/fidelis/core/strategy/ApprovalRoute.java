package io.fidelis.core.strategy;

import io.fidelis.core.domain.Coded;

/** How the customer's next credit application is routed. */
public enum ApprovalRoute implements Coded {
    /** Fast channel: a loyalty benefit. */
    PRIORITY,
    STANDARD,
    /** Stricter credit review. */
    ENHANCED_REVIEW;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }
}
