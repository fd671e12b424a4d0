package io.fidelis.core.policy;

import io.fidelis.core.domain.Coded;

/** The direction in which a feature may only ever help the score. */
public enum Direction implements Coded {
    /** A higher value never lowers the score. */
    INCREASING,
    /** A lower value never lowers the score. */
    DECREASING;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }
}
