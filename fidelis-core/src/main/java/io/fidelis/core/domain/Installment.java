package io.fidelis.core.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One scheduled installment of a loan and what was actually paid on it.
 *
 * @param loanId the loan it belongs to
 * @param number installment number, 1 or more, unique within the loan
 * @param dueDate when it is due
 * @param dueAmount principal plus interest due, in the loan's currency, 0 or more
 * @param paidDate date it was settled (or the last payment on it), or null if nothing was paid
 * @param paidAmount total paid on it up to {@code paidDate}, or null when missing
 */
public record Installment(
        String loanId, int number, LocalDate dueDate, BigDecimal dueAmount, LocalDate paidDate, BigDecimal paidAmount) {

    public Installment {
        Customer.requireId(loanId, "loan id");
        Objects.requireNonNull(dueDate, "due date");
        Objects.requireNonNull(dueAmount, "due amount");
        if (number < 1) {
            throw new IllegalArgumentException("installment number " + number + " of loan " + loanId + " is < 1");
        }
        if (dueAmount.signum() < 0) {
            throw new IllegalArgumentException("due amount " + dueAmount + " of loan " + loanId + " is < 0");
        }
        if (paidAmount != null && paidAmount.signum() < 0) {
            throw new IllegalArgumentException("paid amount " + paidAmount + " of loan " + loanId + " is < 0");
        }
    }
}
