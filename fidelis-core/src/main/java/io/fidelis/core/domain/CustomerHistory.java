package io.fidelis.core.domain;

import java.util.List;
import java.util.Objects;

/**
 * Everything the lender recorded about one customer: the unit that features and classification work on. The lists
 * hold all records loaded, whatever their dates; computations filter them as of the date they are given.
 *
 * @param customer the customer
 * @param loans its loans
 * @param installments the installments of those loans
 * @param complaints its complaints
 * @param surveys its survey answers
 * @param interactions its interactions
 */
public record CustomerHistory(
        Customer customer,
        List<Loan> loans,
        List<Installment> installments,
        List<Complaint> complaints,
        List<Survey> surveys,
        List<Interaction> interactions) {

    public CustomerHistory {
        Objects.requireNonNull(customer, "customer");
        loans = List.copyOf(loans);
        installments = List.copyOf(installments);
        complaints = List.copyOf(complaints);
        surveys = List.copyOf(surveys);
        interactions = List.copyOf(interactions);
    }

    /** The customer's id. */
    public String customerId() {
        return customer.id();
    }
}
