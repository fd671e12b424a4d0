package io.fidelis.core.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A satisfaction survey answer. At least one of {@code satisfaction} and {@code nps} is present.
 *
 * @param customerId who answered
 * @param surveyedOn when
 * @param satisfaction satisfaction 1 (worst) to 5 (best), or null
 * @param nps likelihood to recommend, 0 to 10, or null
 */
public record Survey(String customerId, LocalDate surveyedOn, Integer satisfaction, Integer nps) {

    public Survey {
        Customer.requireId(customerId, "customer id");
        Objects.requireNonNull(surveyedOn, "surveyed on");
        if (satisfaction == null && nps == null) {
            throw new IllegalArgumentException(
                    "survey of " + customerId + " on " + surveyedOn + " has neither satisfaction nor nps");
        }
        if (satisfaction != null && (satisfaction < 1 || satisfaction > 5)) {
            throw new IllegalArgumentException("satisfaction " + satisfaction + " is not in 1..5");
        }
        if (nps != null && (nps < 0 || nps > 10)) {
            throw new IllegalArgumentException("nps " + nps + " is not in 0..10");
        }
    }
}
