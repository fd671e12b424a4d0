package io.fidelis.store.csv;

import io.fidelis.store.Reject;
import java.util.function.Consumer;

/** Receives, in file order, what a reader made of each row: a record of the core's domain, or a reject. */
public interface RowSink {

    /**
     * A row that passed every row-level rule.
     *
     * @param record a {@code Customer}, {@code Loan}, {@code Installment}, {@code Complaint}, {@code Survey} or
     *     {@code Interaction} of {@code io.fidelis.core.domain}, matching the table read
     * @param line 1-based physical line where the row starts
     */
    void row(Record record, long line);

    /** A row (or the file) that broke a rule; nothing of it is kept. */
    void reject(Reject reject);

    /** Something worth telling once that is not an error, such as unknown extra columns. */
    default void warning(String file, String message) {}

    /** A sink that hands every reject to {@code rejects} and drops rows and warnings: for checking headers or structure. */
    static RowSink rejectsTo(Consumer<Reject> rejects) {
        return new RowSink() {
            @Override
            public void row(Record record, long line) {}

            @Override
            public void reject(Reject reject) {
                rejects.accept(reject);
            }
        };
    }
}
