package io.fidelis.core.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A corporate customer (a borrowing company). Optional fields are {@code null} when the lender's file left them
 * empty: missing is never read as zero or as a default.
 *
 * @param id the lender's id of the company; never blank
 * @param name company name, or null
 * @param industry industry code or name, or null
 * @param region region or branch, or null
 * @param size size class, or null
 * @param groupId parent group id for related-party views, or null
 * @param onboardedOn relationship start; null means "the first loan or interaction"
 * @param closedOn formal end of the relationship, or null while it lasts
 * @param closeReason why it ended, or null
 */
public record Customer(
        String id,
        String name,
        String industry,
        String region,
        CompanySize size,
        String groupId,
        LocalDate onboardedOn,
        LocalDate closedOn,
        CloseReason closeReason) {

    public Customer {
        requireId(id, "customer id");
        if (onboardedOn != null && closedOn != null && closedOn.isBefore(onboardedOn)) {
            throw new IllegalArgumentException(
                    "customer " + id + " closed on " + closedOn + " before it was onboarded on " + onboardedOn);
        }
    }

    /** A customer with only an id, every optional field missing. */
    public static Customer withId(String id) {
        return new Customer(id, null, null, null, null, null, null, null, null);
    }

    static void requireId(String id, String what) {
        Objects.requireNonNull(id, what);
        if (id.isBlank()) {
            throw new IllegalArgumentException(what + " is blank");
        }
    }
}
