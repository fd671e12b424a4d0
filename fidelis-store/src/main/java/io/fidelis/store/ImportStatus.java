package io.fidelis.store;

/** How an import ended. */
public enum ImportStatus {
    /** The accepted rows were written (rejects, if any, were within the allowance). */
    COMMITTED,
    /** More rejects than allowed: nothing of the import was written. */
    ROLLED_BACK
}
