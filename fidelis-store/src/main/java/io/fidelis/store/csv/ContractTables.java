package io.fidelis.store.csv;

import static io.fidelis.store.csv.CellForms.bool;
import static io.fidelis.store.csv.CellForms.code;
import static io.fidelis.store.csv.CellForms.currency;
import static io.fidelis.store.csv.CellForms.date;
import static io.fidelis.store.csv.CellForms.integer;
import static io.fidelis.store.csv.CellForms.nonNegativeAmount;
import static io.fidelis.store.csv.CellForms.positiveAmount;
import static io.fidelis.store.csv.CellForms.rate;
import static io.fidelis.store.csv.CellForms.text;
import static io.fidelis.store.csv.Column.optional;
import static io.fidelis.store.csv.Column.required;
import static io.fidelis.store.csv.RowRule.amountNeedsDate;
import static io.fidelis.store.csv.RowRule.atLeastOne;
import static io.fidelis.store.csv.RowRule.notBefore;

import io.fidelis.core.domain.Channel;
import io.fidelis.core.domain.CloseReason;
import io.fidelis.core.domain.CompanySize;
import io.fidelis.core.domain.Complaint;
import io.fidelis.core.domain.ComplaintCategory;
import io.fidelis.core.domain.Customer;
import io.fidelis.core.domain.Installment;
import io.fidelis.core.domain.Interaction;
import io.fidelis.core.domain.InteractionType;
import io.fidelis.core.domain.Loan;
import io.fidelis.core.domain.LoanStatus;
import io.fidelis.core.domain.Product;
import io.fidelis.core.domain.Severity;
import io.fidelis.core.domain.Survey;
import io.fidelis.core.domain.Table;
import java.util.List;

/**
 * The input contract, table by table, in one place: every column with its form, the record a row becomes, and the
 * rules between cells of a row. Each factory reads the values in the order of the columns listed just above it.
 */
final class ContractTables {

    private ContractTables() {}

    static final Schema CUSTOMERS = new Schema(
            Table.CUSTOMERS,
            List.of(
                    required("customer_id", text()),
                    optional("name", text()),
                    optional("industry", text()),
                    optional("region", text()),
                    optional("size", code(CompanySize.class)),
                    optional("group_id", text()),
                    optional("onboarded_on", date()),
                    optional("closed_on", date()),
                    optional("close_reason", code(CloseReason.class))),
            v -> new Customer(
                    v.text(0), v.text(1), v.text(2), v.text(3), v.code(4), v.text(5), v.date(6), v.date(7), v.code(8)),
            List.of(notBefore(
                    "closed_on",
                    "onboarded_on",
                    "range.closed_before_onboarded",
                    "a relationship cannot end before it starts")));

    static final Schema LOANS = new Schema(
            Table.LOANS,
            List.of(
                    required("loan_id", text()),
                    required("customer_id", text()),
                    required("product", code(Product.class)),
                    required("amount", positiveAmount()),
                    optional("currency", currency()),
                    optional("annual_rate", rate()),
                    required("start_date", date()),
                    required("maturity_date", date()),
                    required("status", code(LoanStatus.class)),
                    optional("status_date", date())),
            v -> new Loan(
                    v.text(0),
                    v.text(1),
                    v.code(2),
                    v.decimal(3),
                    v.text(4),
                    v.decimal(5),
                    v.date(6),
                    v.date(7),
                    v.code(8),
                    v.date(9)),
            List.of(notBefore(
                    "maturity_date",
                    "start_date",
                    "range.maturity_before_start",
                    "a loan cannot mature before it starts")));

    static final Schema INSTALLMENTS = new Schema(
            Table.INSTALLMENTS,
            List.of(
                    required("loan_id", text()),
                    required("installment_no", integer(1, Integer.MAX_VALUE, "range.installment_no")),
                    required("due_date", date()),
                    required("due_amount", nonNegativeAmount()),
                    optional("paid_date", date()),
                    optional("paid_amount", nonNegativeAmount())),
            v -> new Installment(v.text(0), v.integer(1), v.date(2), v.decimal(3), v.date(4), v.decimal(5)),
            List.of(amountNeedsDate("paid_amount", "paid_date", "installment.paid_without_date")));

    static final Schema COMPLAINTS = new Schema(
            Table.COMPLAINTS,
            List.of(
                    required("complaint_id", text()),
                    required("customer_id", text()),
                    required("received_on", date()),
                    optional("category", code(ComplaintCategory.class)),
                    optional("severity", code(Severity.class)),
                    optional("resolved_on", date()),
                    optional("escalated", bool())),
            v -> new Complaint(v.text(0), v.text(1), v.date(2), v.code(3), v.code(4), v.date(5), v.bool(6)),
            List.of(notBefore(
                    "resolved_on",
                    "received_on",
                    "range.resolved_before_received",
                    "a complaint cannot be resolved before it is received")));

    static final Schema SURVEYS = new Schema(
            Table.SURVEYS,
            List.of(
                    required("customer_id", text()),
                    required("surveyed_on", date()),
                    optional("satisfaction", integer(1, 5, "range.satisfaction")),
                    optional("nps", integer(0, 10, "range.nps"))),
            v -> new Survey(v.text(0), v.date(1), v.integer(2), v.integer(3)),
            List.of(atLeastOne("satisfaction", "nps", "survey.no_score")));

    static final Schema INTERACTIONS = new Schema(
            Table.INTERACTIONS,
            List.of(
                    required("customer_id", text()),
                    required("occurred_on", date()),
                    required("type", code(InteractionType.class)),
                    optional("channel", code(Channel.class))),
            v -> new Interaction(v.text(0), v.date(1), v.code(2), v.code(3)),
            List.of());

    /** The schema of {@code table}. */
    static Schema of(Table table) {
        return switch (table) {
            case CUSTOMERS -> CUSTOMERS;
            case LOANS -> LOANS;
            case INSTALLMENTS -> INSTALLMENTS;
            case COMPLAINTS -> COMPLAINTS;
            case SURVEYS -> SURVEYS;
            case INTERACTIONS -> INTERACTIONS;
        };
    }
}
