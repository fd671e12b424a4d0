package io.fidelis.core.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Something that happened between the customer and the lender (an application, a drawdown, a meeting, a referral, a
 * competitor quote, ...).
 *
 * @param customerId the customer
 * @param occurredOn when
 * @param type what happened
 * @param channel through which channel, or null
 */
public record Interaction(String customerId, LocalDate occurredOn, InteractionType type, Channel channel) {

    public Interaction {
        Customer.requireId(customerId, "customer id");
        Objects.requireNonNull(occurredOn, "occurred on");
        Objects.requireNonNull(type, "type");
    }
}
