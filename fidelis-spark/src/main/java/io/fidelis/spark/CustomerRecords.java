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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The records of one customer as the contract's reader makes them from its rows, and the rejects among them; becomes
 * the customer's {@link CustomerHistory} with each list in the order the embedded store gives it (loans by id,
 * installments by loan and number, complaints by date and id, surveys by date, interactions by date, type and
 * channel), so that both engines hand the core the very same history.
 *
 * <p>Each record keeps where it came from (its source and line), so that the rules between rows reject the very rows
 * {@code fidelis import} rejects (io.fidelis.store.sql.CrossRowRules), at their own file and line, with its rule ids
 * and messages.
 */
final class CustomerRecords implements RowSink {

    /** Ids in Unicode code point order, the order in which DuckDB sorts their UTF-8 bytes. */
    static final Comparator<String> CODE_POINTS = CustomerRange::compare;

    private static final Comparator<Coded> CODES = Comparator.comparing(Coded::code, CODE_POINTS);

    /** Rows in reading order, as the import numbers them: by file name, then line. */
    private static final Comparator<Placed<?>> READING =
            Comparator.<Placed<?>, String>comparing(Placed::source).thenComparingLong(Placed::line);

    /**
     * A record and where its row is.
     *
     * @param firstAt for a loan or complaint whose id an earlier row of the book has (under any customer), that row's
     *     {@code source:line}; else null
     */
    private record Placed<T>(T record, String source, long line, String firstAt) {}

    private final List<Placed<Customer>> customers = new ArrayList<>(1);
    private final List<Placed<Loan>> loans = new ArrayList<>();
    private final List<Placed<Installment>> installments = new ArrayList<>();
    private final List<Placed<Complaint>> complaints = new ArrayList<>();
    private final List<Placed<Survey>> surveys = new ArrayList<>();
    private final List<Placed<Interaction>> interactions = new ArrayList<>();
    private final List<Reject> rejects = new ArrayList<>();
    private String source = "";
    private String firstAt;

    void clear() {
        customers.clear();
        loans.clear();
        installments.clear();
        complaints.clear();
        surveys.clear();
        interactions.clear();
        rejects.clear();
    }

    /**
     * Where the next row read comes from: its source (file name, or table name), and for a loan or complaint whose id
     * an earlier row has, that row's {@code source:line} (else null).
     */
    void at(String source, String firstAt) {
        this.source = source;
        this.firstAt = firstAt;
    }

    @Override
    public void row(Record record, long line) {
        if (record instanceof Customer customer) {
            customers.add(new Placed<>(customer, source, line, null));
        } else if (record instanceof Loan loan) {
            loans.add(new Placed<>(loan, source, line, firstAt));
        } else if (record instanceof Installment installment) {
            installments.add(new Placed<>(installment, source, line, null));
        } else if (record instanceof Complaint complaint) {
            complaints.add(new Placed<>(complaint, source, line, firstAt));
        } else if (record instanceof Survey survey) {
            surveys.add(new Placed<>(survey, source, line, null));
        } else if (record instanceof Interaction interaction) {
            interactions.add(new Placed<>(interaction, source, line, null));
        } else {
            throw new IllegalArgumentException("not a record of the contract: " + record);
        }
    }

    @Override
    public void reject(Reject reject) {
        rejects.add(reject);
    }

    /**
     * Applies the rules between rows to the customer's rows as {@code fidelis import} does, table by table in the
     * contract's order: each natural key once (every row after the first in reading order is rejected, the message
     * pointing at the first), then references (a record of a customer without an accepted customers row; an
     * installment whose loan has no accepted row), each row rejected by one rule at most. The rows of a loan or complaint
     * id come under several customers, so their first row was found over the whole book ({@link #at}). Call once all
     * the customer's rows were read; the records rejected are dropped.
     */
    void checkReferences() {
        customers.sort(READING);
        duplicates(
                customers,
                "customer",
                "customer_id",
                "customer_id",
                Customer::id,
                Customer::id,
                c -> "customer " + c.id());
        boolean known = !customers.isEmpty();
        duplicatesFound(loans, "loan", "loan_id", Loan::id, l -> "loan " + l.id());
        unknownCustomer(loans, l -> l.customerId(), l -> "loan " + l.id(), known);
        Set<String> accepted = new HashSet<>();
        loans.forEach(l -> accepted.add(l.record().id()));
        installments.sort(READING);
        duplicates(
                installments,
                "installment",
                "installment_no",
                "(loan_id, installment_no)",
                i -> i.loanId() + " " + i.number(),
                Installment::number,
                CustomerRecords::installment);
        installments.removeIf(i -> {
            if (accepted.contains(i.record().loanId())) {
                return false;
            }
            rejects.add(new Reject(
                    i.source(),
                    i.line(),
                    "loan_id",
                    i.record().loanId(),
                    "reference.loan",
                    "the loan " + i.record().loanId() + " of installment "
                            + i.record().number()
                            + " is neither in the book nor accepted in this import; add it to loans (or fix its"
                            + " rejects) or fix the id"));
            return true;
        });
        duplicatesFound(complaints, "complaint", "complaint_id", Complaint::id, c -> "complaint " + c.id());
        unknownCustomer(complaints, Complaint::customerId, c -> "complaint " + c.id(), known);
        surveys.sort(READING);
        duplicates(
                surveys,
                "survey",
                "surveyed_on",
                "(customer_id, surveyed_on)",
                s -> s.surveyedOn().toString(),
                s -> s.surveyedOn().toString(),
                CustomerRecords::survey);
        unknownCustomer(surveys, Survey::customerId, CustomerRecords::survey, known);
        unknownCustomer(
                interactions, Interaction::customerId, i -> "the " + i.type().code() + " of " + i.occurredOn(), known);
    }

    private static String installment(Installment installment) {
        return "installment " + installment.number() + " of loan " + installment.loanId();
    }

    private static String survey(Survey survey) {
        return "the survey of " + survey.customerId() + " on " + survey.surveyedOn();
    }

    /** Rejects every record, in reading order, after the first with the same key. */
    private <T> void duplicates(
            List<Placed<T>> records,
            String noun,
            String column,
            String keys,
            Function<T, String> key,
            Function<T, ?> valueOf,
            Function<T, String> describe) {
        if (records.size() < 2) {
            return;
        }
        Map<String, Placed<T>> first = new HashMap<>();
        records.removeIf(r -> {
            Placed<T> earlier = first.putIfAbsent(key.apply(r.record()), r);
            if (earlier == null) {
                return false;
            }
            String value = String.valueOf(valueOf.apply(r.record()));
            rejects.add(duplicate(r, noun, column, keys, value, describe, earlier.source() + ":" + earlier.line()));
            return true;
        });
    }

    /** Rejects every record whose first row with the same key is another ({@link Placed#firstAt}). */
    private <T> void duplicatesFound(
            List<Placed<T>> records,
            String noun,
            String column,
            Function<T, String> key,
            Function<T, String> describe) {
        records.removeIf(r -> {
            if (r.firstAt() == null) {
                return false;
            }
            rejects.add(duplicate(r, noun, column, column, key.apply(r.record()), describe, r.firstAt()));
            return true;
        });
    }

    private static <T> Reject duplicate(
            Placed<T> row,
            String noun,
            String column,
            String keys,
            String value,
            Function<T, String> describe,
            String firstAt) {
        return new Reject(
                row.source(),
                row.line(),
                column,
                value,
                "duplicate." + noun,
                describe.apply(row.record()) + " appears again: first at " + firstAt + "; keep one row per " + keys);
    }

    /** Rejects every record when the customer has no accepted customers row. */
    private <T> void unknownCustomer(
            List<Placed<T>> records, Function<T, String> customerId, Function<T, String> describe, boolean known) {
        if (known) {
            return;
        }
        for (Placed<T> r : records) {
            String id = customerId.apply(r.record());
            rejects.add(new Reject(
                    r.source(),
                    r.line(),
                    "customer_id",
                    id,
                    "reference.customer",
                    describe.apply(r.record()) + " names customer " + id
                            + ", which is neither in the book nor in this import; add it to customers or fix the"
                            + " id"));
        }
        records.clear();
    }

    List<Reject> rejects() {
        return rejects;
    }

    /** Whether there is a history to classify: exactly one customer row and no reject. */
    boolean classifiable() {
        return customers.size() == 1 && rejects.isEmpty();
    }

    CustomerHistory history() {
        List<Loan> loans = records(this.loans);
        List<Installment> installments = records(this.installments);
        List<Complaint> complaints = records(this.complaints);
        List<Survey> surveys = records(this.surveys);
        List<Interaction> interactions = records(this.interactions);
        loans.sort(Comparator.comparing(Loan::id, CODE_POINTS));
        installments.sort(Comparator.comparing(Installment::loanId, CODE_POINTS).thenComparingInt(Installment::number));
        complaints.sort(Comparator.comparing(Complaint::receivedOn).thenComparing(Complaint::id, CODE_POINTS));
        surveys.sort(Comparator.comparing(Survey::surveyedOn));
        interactions.sort(Comparator.comparing(Interaction::occurredOn)
                .thenComparing(Interaction::type, CODES)
                .thenComparing(Interaction::channel, Comparator.nullsFirst(CODES)));
        return new CustomerHistory(customers.get(0).record(), loans, installments, complaints, surveys, interactions);
    }

    private static <T> List<T> records(List<Placed<T>> placed) {
        return new ArrayList<>(placed.stream().map(Placed::record).toList());
    }
}
