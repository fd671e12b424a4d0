package io.fidelis.core.strategy;

import io.fidelis.core.domain.Coded;
import io.fidelis.core.features.FeatureId;

/** A credit-risk signal that blocks loyalty benefits, with the feature that shows it. */
public enum RiskSignal implements Coded {
    /** Current days past due above the policy's limit. */
    ARREARS_ABOVE_LIMIT(FeatureId.CURRENT_DAYS_PAST_DUE),
    /** A loan defaulted in the window. */
    DEFAULT_IN_WINDOW(FeatureId.DEFAULTS),
    /** A loan was written off in the window. */
    WRITE_OFF_IN_WINDOW(FeatureId.WRITE_OFFS),
    /** A loan was restructured in the window. */
    RESTRUCTURING_IN_WINDOW(FeatureId.RESTRUCTURINGS);

    private final FeatureId evidence;

    RiskSignal(FeatureId evidence) {
        this.evidence = evidence;
    }

    /** The feature whose value shows the signal. */
    public FeatureId evidence() {
        return evidence;
    }

    @Override
    public String code() {
        return Coded.codeOf(this);
    }
}
