package io.fidelis.store.duckdb;

import static io.fidelis.store.FakeBook.complaint;
import static io.fidelis.store.FakeBook.customer;
import static io.fidelis.store.FakeBook.installment;
import static io.fidelis.store.FakeBook.loan;
import static io.fidelis.store.FakeBook.meeting;
import static io.fidelis.store.FakeBook.survey;
import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.store.FakeBook;
import io.fidelis.store.ImportRequest;
import io.fidelis.store.sql.StoredTable;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import writes each table's rows in the order histories read them, customer by customer, whatever the order of
 * the files: a customer's rows lie together, and reading one customer skips the rest of the table. A later import's
 * rows are in that order among themselves.
 */
class ImportOrderTest {

    @TempDir
    Path temp;

    @Test
    void eachImportStoresItsRowsCustomerByCustomer() throws IOException, SQLException {
        try (DuckDbBookStore store = DuckDbBookStore.open(temp.resolve("workspace"))) {
            store.importBook(ImportRequest.strict(shuffledBook("first", 0, 60, new Random(1))));
            store.importBook(ImportRequest.strict(shuffledBook("second", 30, 90, new Random(2))));

            try (Statement sql = store.connection().createStatement()) {
                for (StoredTable table : StoredTable.values()) {
                    assertThat(count(sql, "SELECT COUNT(DISTINCT import_id) FROM " + table.tableName()))
                            .as("%s written by both imports", table.tableName())
                            .isEqualTo(2);
                    assertThat(count(
                                    sql,
                                    "SELECT COUNT(*) FROM (SELECT customer_id, LAG(customer_id) OVER (PARTITION BY"
                                            + " import_id ORDER BY rowid) AS before FROM " + table.tableName()
                                            + ") WHERE customer_id < before"))
                            .as("rows of %s out of customer order within an import", table.tableName())
                            .isZero();
                }
            }
            assertThat(store.history("C0045").orElseThrow().installments())
                    .as("a customer's rows of both imports still read as one history")
                    .hasSize(6);
        }
    }

    /**
     * Customers {@code from} (included) to {@code to} (excluded), each with a loan of three installments, a complaint,
     * a survey and a meeting dated by this import, every file's rows shuffled.
     */
    private FakeBook shuffledBook(String name, int from, int to, Random random) {
        List<Object> customers = new ArrayList<>();
        List<Object> loans = new ArrayList<>();
        List<Object> installments = new ArrayList<>();
        List<Object> complaints = new ArrayList<>();
        List<Object> surveys = new ArrayList<>();
        List<Object> meetings = new ArrayList<>();
        LocalDate day = name.equals("first") ? LocalDate.of(2025, 1, 15) : LocalDate.of(2025, 6, 15);
        for (int i = from; i < to; i++) {
            String id = "C%04d".formatted(i);
            String loanId = "L" + name + i;
            customers.add(customer(id));
            loans.add(loan(loanId, id));
            for (int n = 1; n <= 3; n++) {
                installments.add(installment(loanId, n));
            }
            complaints.add(complaint("K" + name + i, id));
            surveys.add(survey(id, day, 4));
            meetings.add(meeting(id, day));
        }
        for (List<Object> rows : List.of(customers, loans, installments, complaints, surveys, meetings)) {
            Collections.shuffle(rows, random);
        }
        return FakeBook.in(temp.resolve(name))
                .file("customers.csv", customers.toArray())
                .file("loans.csv", loans.toArray())
                .file("installments.csv", installments.toArray())
                .file("complaints.csv", complaints.toArray())
                .file("surveys.csv", surveys.toArray())
                .file("interactions.csv", meetings.toArray());
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
