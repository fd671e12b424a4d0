package io.fidelis.core.evaluation;

import io.fidelis.core.domain.Coded;

/** The arm of a randomised evaluation a customer is in: the strategy applies to treatment, not to control. */
public enum Arm implements Coded {
    TREATMENT,
    CONTROL;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }
}
