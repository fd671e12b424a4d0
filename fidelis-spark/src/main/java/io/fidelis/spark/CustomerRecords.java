package io.fidelis.spark;

import io.fidelis.core.domain.Coded;
import io.fidelis.core.domain.Complaint;
import io.fidelis.core.domain.Customer;
import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.domain.Installment;
import io.fidelis.core.domain.Interaction;
import io.fidelis.core.domain.Loan;
import io.fidelis.core.domain.Survey;
import io.fidelis.store.CustomerRange;
import io.fidelis.store.Reject;
import io.fidelis.store.csv.RowSink;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The records of one customer as the contract's reader makes them from its rows, and the rejects among them; becomes
 * the customer's {@link CustomerHistory} with each list in the order the embedded store gives it (loans by id,
 * installments by loan and number, complaints by date and id, surveys by date, interactions by date, type and
 * channel), so that both engines hand the core the very same history.
 */
final class CustomerRecords implements RowSink {

    /** Ids in Unicode code point order, the order in which DuckDB sorts their UTF-8 bytes. */
    static final Comparator<String> CODE_POINTS = CustomerRange::compare;

    private static final Comparator<Coded> CODES = Comparator.comparing(Coded::code, CODE_POINTS);

    private final List<Customer> customers = new ArrayList<>(1);
    private final List<Loan> loans = new ArrayList<>();
    private final List<Installment> installments = new ArrayList<>();
    private final List<Complaint> complaints = new ArrayList<>();
    private final List<Survey> surveys = new ArrayList<>();
    private final List<Interaction> interactions = new ArrayList<>();
    private final List<Reject> rejects = new ArrayList<>();

    void clear() {
        customers.clear();
        loans.clear();
        installments.clear();
        complaints.clear();
        surveys.clear();
        interactions.clear();
        rejects.clear();
    }

    @Override
    public void row(Record record, long line) {
        if (record instanceof Customer customer) {
            customers.add(customer);
        } else if (record instanceof Loan loan) {
            loans.add(loan);
        } else if (record instanceof Installment installment) {
            installments.add(installment);
        } else if (record instanceof Complaint complaint) {
            complaints.add(complaint);
        } else if (record instanceof Survey survey) {
            surveys.add(survey);
        } else if (record instanceof Interaction interaction) {
            interactions.add(interaction);
        } else {
            throw new IllegalArgumentException("not a record of the contract: " + record);
        }
    }

    @Override
    public void reject(Reject reject) {
        rejects.add(reject);
    }

    /**
     * Applies the rules between rows that one customer's rows can check: one customers row per id, no record of a
     * customer who has none, and each natural key once (loan id, installment number of a loan, complaint id, survey
     * date), with the rule ids of the embedded import. Call once all the customer's rows were read.
     */
    void checkReferences(String customerId, String source) {
        duplicates(source + "loans", "loan_id", "duplicate.loan", loans, Loan::id);
        duplicates(
                source + "installments",
                "installment_no",
                "duplicate.installment",
                installments,
                i -> i.loanId() + " " + i.number());
        duplicates(source + "complaints", "complaint_id", "duplicate.complaint", complaints, Complaint::id);
        duplicates(
                source + "surveys",
                "surveyed_on",
                "duplicate.survey",
                surveys,
                s -> s.surveyedOn().toString());
        if (customers.size() > 1) {
            rejects.add(new Reject(
                    source + "customers",
                    0,
                    "customer_id",
                    customerId,
                    "duplicate.customer",
                    "customer " + customerId + " appears " + customers.size()
                            + " times; keep one row per customer_id"));
        }
        if (customers.isEmpty()) {
            int records = loans.size() + installments.size() + complaints.size() + surveys.size() + interactions.size();
            if (records > 0) {
                rejects.add(new Reject(
                        source + "customers",
                        0,
                        "customer_id",
                        customerId,
                        "reference.customer",
                        records + " records name customer " + customerId + ", which is not in customers; add it to"
                                + " customers or fix the id"));
            }
        }
    }

    private <T> void duplicates(String source, String column, String rule, List<T> records, Function<T, String> key) {
        if (records.size() < 2) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (T record : records) {
            String value = key.apply(record);
            if (!seen.add(value)) {
                rejects.add(new Reject(
                        source,
                        0,
                        column,
                        value,
                        rule,
                        value + " appears more than once for this customer; keep one row per " + column));
            }
        }
    }

    List<Reject> rejects() {
        return rejects;
    }

    /** Whether there is a history to classify: exactly one customer row and no reject. */
    boolean classifiable() {
        return customers.size() == 1 && rejects.isEmpty();
    }

    CustomerHistory history() {
        loans.sort(Comparator.comparing(Loan::id, CODE_POINTS));
        installments.sort(Comparator.comparing(Installment::loanId, CODE_POINTS).thenComparingInt(Installment::number));
        complaints.sort(Comparator.comparing(Complaint::receivedOn).thenComparing(Complaint::id, CODE_POINTS));
        surveys.sort(Comparator.comparing(Survey::surveyedOn));
        interactions.sort(Comparator.comparing(Interaction::occurredOn)
                .thenComparing(Interaction::type, CODES)
                .thenComparing(Interaction::channel, Comparator.nullsFirst(CODES)));
        return new CustomerHistory(customers.get(0), loans, installments, complaints, surveys, interactions);
    }
}
