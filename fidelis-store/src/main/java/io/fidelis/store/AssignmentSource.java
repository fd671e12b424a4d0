package io.fidelis.store;

import io.fidelis.core.domain.Coded;

/** Where a set of assignments came from. */
public enum AssignmentSource implements Coded {
    /** Randomised here, within strata of a stored classification run, from a recorded seed. */
    RANDOMISED,
    /** Imported from a file, when the lender assigned the arms elsewhere. */
    IMPORTED;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }
}
