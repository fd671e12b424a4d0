package io.fidelis.core.domain;

import java.util.List;

/**
 * The tables of the input contract, in the order they must be loaded (a table only refers to tables before it).
 * {@link #code()} is the table's name, which every file of the table starts with.
 */
public enum Table implements Coded {
    CUSTOMERS(List.of("customer_id")),
    LOANS(List.of("loan_id", "customer_id", "product", "amount", "start_date", "maturity_date", "status")),
    INSTALLMENTS(List.of("loan_id", "installment_no", "due_date", "due_amount")),
    COMPLAINTS(List.of("complaint_id", "customer_id", "received_on")),
    SURVEYS(List.of("customer_id", "surveyed_on")),
    INTERACTIONS(List.of("customer_id", "occurred_on", "type"));

    private final List<String> requiredColumns;

    Table(List<String> requiredColumns) {
        this.requiredColumns = requiredColumns;
    }

    /** The columns a file of this table must have, in the contract's order. */
    public List<String> requiredColumns() {
        return requiredColumns;
    }

    @Override
    public String code() {
        return Coded.codeOf(this);
    }
}
