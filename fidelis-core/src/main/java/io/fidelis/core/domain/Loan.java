package io.fidelis.core.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A loan or facility of a customer.
 *
 * @param id facility or loan id, unique across the book
 * @param customerId the borrowing customer
 * @param product the product
 * @param amount committed amount in {@code currency}, strictly positive
 * @param currency ISO 4217 code; {@code CNY} when the file left it empty
 * @param annualRate contractual annual rate as a decimal fraction (0.0435 = 4.35%), or null when missing
 * @param startDate start of the loan
 * @param maturityDate contractual maturity, on or after {@code startDate}
 * @param status status as of {@code statusDate}
 * @param statusDate when the status last changed, or null when unknown
 */
public record Loan(
        String id,
        String customerId,
        Product product,
        BigDecimal amount,
        String currency,
        BigDecimal annualRate,
        LocalDate startDate,
        LocalDate maturityDate,
        LoanStatus status,
        LocalDate statusDate) {

    /** The currency assumed when a loan names none. */
    public static final String DEFAULT_CURRENCY = "CNY";

    public Loan {
        Customer.requireId(id, "loan id");
        Customer.requireId(customerId, "customer id");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(startDate, "start date");
        Objects.requireNonNull(maturityDate, "maturity date");
        Objects.requireNonNull(status, "status");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("loan " + id + " amount " + amount + " is not > 0");
        }
        if (annualRate != null && annualRate.signum() < 0) {
            throw new IllegalArgumentException("loan " + id + " annual rate " + annualRate + " is < 0");
        }
        if (maturityDate.isBefore(startDate)) {
            throw new IllegalArgumentException(
                    "loan " + id + " matures on " + maturityDate + " before it starts on " + startDate);
        }
        currency = currency == null || currency.isBlank() ? DEFAULT_CURRENCY : currency;
    }
}
