package io.fidelis.store;

import io.fidelis.core.domain.Customer;
import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.domain.Table;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The lender's book as loaded so far: what every store (the embedded DuckDB one, PostgreSQL) offers. A store
 * is opened on a workspace, creates its schema if needed, and is closed after use.
 *
 * <p>Import semantics, the same for every store:
 *
 * <ul>
 *   <li>All or nothing: rows are read and checked first; when the rejects exceed {@link ImportRequest#maxErrors()}
 *       nothing of the import is written to the book (only the attempt is logged).
 *   <li>Natural keys: customer_id, loan_id, (loan_id, installment_no), complaint_id, (customer_id, surveyed_on).
 *       Two rows of one import with the same key are a {@code duplicate.*} reject (the first is kept). A keyed row
 *       equal to the stored one is a no-op; a keyed row whose other columns differ <em>updates</em> the stored one
 *       (a later period's file carries the latest status of a loan, a settled installment, a resolved complaint).
 *   <li>Interactions have no key: a row is its whole content. An import adds, for each distinct row, as many copies
 *       as it holds beyond those already stored, so importing the same files again adds nothing, while two equal
 *       rows in one import (two phone calls on one day) are both kept.
 *   <li>References: a loan, complaint, survey or interaction must name a customer in the book or the import
 *       ({@code reference.customer}); an installment a loan ({@code reference.loan}).
 * </ul>
 */
public interface BookStore extends AutoCloseable {

    /**
     * Reads, checks and (when the rejects are within the allowance) loads one import, atomically.
     *
     * @throws IOException when a file cannot be read at all (not for bad rows: those are rejects)
     */
    ImportResult importBook(ImportRequest request) throws IOException;

    /** Rows per table, every table present (0 when empty), in {@link Table} order. */
    Map<Table, Long> counts();

    /**
     * Streams every customer's full history, ordered by customer id (by Unicode code point, as the ids' UTF-8 bytes
     * sort), in bounded memory: one customer's records at a time. Each history holds all records stored, whatever
     * their dates; filtering as of a date is the caller's job. Within a history, loans are ordered by id,
     * installments by loan id and number, complaints, surveys and interactions by date.
     */
    void forEachHistory(Consumer<CustomerHistory> consumer);

    /**
     * Splits the book into consecutive ranges of about {@code customers} customers each, in customer id order,
     * together holding every customer once, so that {@link #forEachHistory(CustomerRange, Consumer)} can read them on
     * several threads at once. A store that cannot split its book gives one range holding every customer (or none
     * when the book is empty).
     */
    default List<CustomerRange> customerRanges(int customers) {
        if (customers < 1) {
            throw new IllegalArgumentException("a range holds 1 customer or more, not " + customers);
        }
        String[] ends = new String[2];
        forEachCustomer(customer -> {
            if (ends[0] == null || CustomerRange.compare(customer.id(), ends[0]) < 0) {
                ends[0] = customer.id();
            }
            if (ends[1] == null || CustomerRange.compare(customer.id(), ends[1]) > 0) {
                ends[1] = customer.id();
            }
        });
        return ends[0] == null ? List.of() : List.of(new CustomerRange(ends[0], ends[1]));
    }

    /**
     * The histories of the customers in {@code range}, as {@link #forEachHistory(Consumer)} gives them (the same
     * histories in the same order). Safe to call from several threads at once, each with its own range.
     */
    default void forEachHistory(CustomerRange range, Consumer<CustomerHistory> consumer) {
        forEachHistory(history -> {
            if (range.contains(history.customerId())) {
                consumer.accept(history);
            }
        });
    }

    /**
     * One customer's full history, as {@link #forEachHistory} gives it, looked up by key; empty when the book has no
     * such customer.
     */
    Optional<CustomerHistory> history(String customerId);

    /** Every customer's own row (industry, region, size, ...) without its records, in no particular order. */
    void forEachCustomer(Consumer<Customer> consumer);

    /**
     * A stable identity of the loaded content, for the provenance of every result computed from it: a SHA-256
     * chained over the imports that changed the book (each import's files by table and content hash, and its row
     * counts). The same files imported in the same order give the same fingerprint; an import that changes nothing
     * (a repeat, or a rolled-back one) leaves it as it was. Written {@code sha256:<64 hex digits>}.
     */
    String inputFingerprint();

    /** The imports attempted on this store, oldest first. */
    List<ImportLogEntry> imports();

    @Override
    void close();
}
