package io.fidelis.core.evaluation;

/**
 * How many customers of a stratum went to each arm.
 *
 * @param treatment customers in the treatment arm
 * @param control customers in the control arm
 */
public record ArmCounts(int treatment, int control) {

    public ArmCounts {
        if (treatment < 0 || control < 0) {
            throw new IllegalArgumentException("arm counts " + treatment + " and " + control + " must not be negative");
        }
    }

    /** Customers in the stratum. */
    public int total() {
        return treatment + control;
    }
}
