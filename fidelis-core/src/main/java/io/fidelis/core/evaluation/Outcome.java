package io.fidelis.core.evaluation;

import io.fidelis.core.domain.Coded;

/** An outcome a strategy is evaluated on, as {@link Outcomes} defines it. */
public enum Outcome implements Coded {
    /** Share of customers that defaulted in the period (0..1). */
    DEFAULT_RATE(true, true, Outcomes.DEFAULT_DEFINITION),
    /** Mean satisfaction answer (1..5), answers pooled over customers. */
    SATISFACTION(false, true, Outcomes.SATISFACTION_DEFINITION),
    /** Net promoter score (-100..100), answers pooled over customers. */
    NPS(false, true, Outcomes.NPS_DEFINITION),
    /** Share of customers that churned in the period (0..1). */
    CHURN(true, true, Outcomes.CHURN_DEFINITION),
    /** Share of the customers dormant at the start that showed activity after it (0..1); no period before. */
    REACTIVATION(true, false, Outcomes.REACTIVATION_DEFINITION);

    private final boolean rate;
    private final boolean before;
    private final String definition;

    Outcome(boolean rate, boolean before, String definition) {
        this.rate = rate;
        this.before = before;
        this.definition = definition;
    }

    /** Whether it is a share of customers (otherwise a mean of pooled answers). */
    public boolean isRate() {
        return rate;
    }

    /** Whether it is measured in the period before the start as well, which a difference-in-differences needs. */
    public boolean hasPeriodBefore() {
        return before;
    }

    /** What it counts, in English. */
    public String definition() {
        return definition;
    }

    @Override
    public String code() {
        return Coded.codeOf(this);
    }
}
