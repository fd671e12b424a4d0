package io.fidelis.core.evaluation;

import java.util.Objects;

/**
 * One customer's arm in one strategy's evaluation.
 *
 * @param customerId the customer
 * @param stratum the stratum the customer was randomised within, e.g. {@code high|active}
 * @param arm treatment or control
 */
public record Assignment(String customerId, String stratum, Arm arm) {

    public Assignment {
        Objects.requireNonNull(customerId, "customer id");
        Objects.requireNonNull(stratum, "stratum");
        Objects.requireNonNull(arm, "arm");
    }
}
