package io.fidelis.core.policy;

import io.fidelis.core.domain.Coded;

/** Lifecycle stage (新 / 活跃 / 沉睡 / 流失客户). */
public enum Stage implements Coded {
    /** The relationship started recently. */
    NEW,
    /** Recent activity. */
    ACTIVE,
    /** The relationship has not ended but nothing happened for a long time. */
    DORMANT,
    /** The customer has stopped doing business with the lender. */
    CHURNED;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }
}
