package io.fidelis.core.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A complaint a customer filed.
 *
 * @param id complaint id, unique
 * @param customerId who complained
 * @param receivedOn when the lender received it
 * @param category what it is about, or null
 * @param severity how severe, or null
 * @param resolvedOn when it was resolved, or null while open
 * @param escalated true when escalated to a regulator or outside body; null when not recorded
 */
public record Complaint(
        String id,
        String customerId,
        LocalDate receivedOn,
        ComplaintCategory category,
        Severity severity,
        LocalDate resolvedOn,
        Boolean escalated) {

    public Complaint {
        Customer.requireId(id, "complaint id");
        Customer.requireId(customerId, "customer id");
        Objects.requireNonNull(receivedOn, "received on");
        if (resolvedOn != null && resolvedOn.isBefore(receivedOn)) {
            throw new IllegalArgumentException(
                    "complaint " + id + " resolved on " + resolvedOn + " before it was received on " + receivedOn);
        }
    }
}
