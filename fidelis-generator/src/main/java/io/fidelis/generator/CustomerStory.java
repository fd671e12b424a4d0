package io.fidelis.generator;

import io.fidelis.core.domain.Complaint;
import io.fidelis.core.domain.Customer;
import io.fidelis.core.domain.Installment;
import io.fidelis.core.domain.Interaction;
import io.fidelis.core.domain.Loan;
import io.fidelis.core.domain.Survey;
import java.util.List;

/**
 * Everything written for one customer: its records as of the end date, in file order, its archetype and its intended
 * class at the end date.
 *
 * @param satisfactionMeans for each survey, the mean satisfaction its answer was drawn around (the conduct's mood on
 *     that day), which a strategy's shift of the answers needs
 */
record CustomerStory(
        Archetype archetype,
        IntendedClass truth,
        Customer customer,
        List<Loan> loans,
        List<Installment> installments,
        List<Complaint> complaints,
        List<Survey> surveys,
        double[] satisfactionMeans,
        List<Interaction> interactions) {

    /** The same story with other survey answers (same number, same order). */
    CustomerStory withSurveys(List<Survey> answers) {
        if (answers.size() != surveys.size()) {
            throw new IllegalArgumentException("one answer per survey");
        }
        return new CustomerStory(
                archetype, truth, customer, loans, installments, complaints, answers, satisfactionMeans, interactions);
    }
}
