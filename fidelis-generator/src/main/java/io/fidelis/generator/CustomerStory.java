package io.fidelis.generator;

import io.fidelis.core.domain.Complaint;
import io.fidelis.core.domain.Customer;
import io.fidelis.core.domain.Installment;
import io.fidelis.core.domain.Interaction;
import io.fidelis.core.domain.Loan;
import io.fidelis.core.domain.Survey;
import java.util.List;

/** Everything written for one customer: its records as of the end date, in file order, and its archetype. */
record CustomerStory(
        Archetype archetype,
        Customer customer,
        List<Loan> loans,
        List<Installment> installments,
        List<Complaint> complaints,
        List<Survey> surveys,
        List<Interaction> interactions) {}
