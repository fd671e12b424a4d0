package io.fidelis.store;

import io.fidelis.core.evaluation.Arm;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One customer's arm in a stored set of assignments.
 *
 * @param customerId the customer
 * @param arm treatment or control
 * @param assignedOn the day of the assignment (the strategy's start), or null when an imported file left it out
 * @param stratum the stratum the customer was randomised within, e.g. {@code high|active}, or null when an imported
 *     file left it out
 */
public record ArmAssignment(String customerId, Arm arm, LocalDate assignedOn, String stratum) {

    public ArmAssignment {
        Objects.requireNonNull(customerId, "customer id");
        Objects.requireNonNull(arm, "arm");
        if (customerId.isBlank()) {
            throw new IllegalArgumentException("customer id is blank");
        }
        if (stratum != null && stratum.isBlank()) {
            stratum = null;
        }
    }
}
