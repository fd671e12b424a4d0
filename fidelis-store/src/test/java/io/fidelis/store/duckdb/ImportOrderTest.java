package io.fidelis.store.duckdb;

import static io.fidelis.store.FakeBook.complaint;
import static io.fidelis.store.FakeBook.customer;
import static io.fidelis.store.FakeBook.installment;
import static io.fidelis.store.FakeBook.loan;
import static io.fidelis.store.FakeBook.meeting;
import static io.fidelis.store.FakeBook.survey;
import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.domain.Table;
import io.fidelis.store.FakeBook;
import io.fidelis.store.ImportListener;
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

    @Test
    void aBookImportedBeforeIsRewrittenInOrderByItsNextImport() throws IOException, SQLException {
        FakeBook book = shuffledBook("first", 0, 60, new Random(3));
        Path workspace = temp.resolve("old-workspace");
        try (DuckDbBookStore store = DuckDbBookStore.open(workspace)) {
            store.importBook(ImportRequest.strict(book));
            String fingerprint = store.inputFingerprint();
            // as a workspace imported before 2026-11-29: rows in the files' order, no marker
            try (Statement sql = store.connection().createStatement()) {
                for (StoredTable table : StoredTable.values()) {
                    sql.execute("CREATE TEMP TABLE shuffled AS SELECT * FROM " + table.tableName());
                    sql.execute("DELETE FROM " + table.tableName());
                    sql.execute("INSERT INTO " + table.tableName() + " SELECT * FROM shuffled ORDER BY hash(rowid)");
                    sql.execute("DROP TABLE shuffled");
                }
                sql.execute("DROP TABLE book_layout");
                assertThat(outOfOrder(sql, StoredTable.INSTALLMENTS)).isPositive();
            }
            assertThat(store.inputFingerprint()).isEqualTo(fingerprint);
        }
        try (DuckDbBookStore store = DuckDbBookStore.open(workspace)) {
            List<String> steps = new ArrayList<>();
            store.importBook(new ImportRequest(book, 0, new ImportListener() {
                @Override
                public void step(String description) {
                    steps.add(description);
                }
            }));

            assertThat(steps).anyMatch(step -> step.startsWith("storing the book customer by customer"));
            try (Statement sql = store.connection().createStatement()) {
                for (StoredTable table : StoredTable.values()) {
                    assertThat(outOfOrder(sql, table))
                            .as("rows of %s out of customer order", table.tableName())
                            .isZero();
                }
            }
            assertThat(store.counts().get(Table.INSTALLMENTS)).isEqualTo(180);

            List<String> again = new ArrayList<>();
            store.importBook(new ImportRequest(book, 0, new ImportListener() {
                @Override
                public void step(String description) {
                    again.add(description);
                }
            }));
            assertThat(again).as("once only").noneMatch(step -> step.startsWith("storing the book"));
        }
    }

    /** Rows whose customer_id is below the one stored before them. */
    private static long outOfOrder(Statement sql, StoredTable table) throws SQLException {
        return count(
                sql,
                "SELECT COUNT(*) FROM (SELECT customer_id, LAG(customer_id) OVER (ORDER BY rowid) AS before FROM "
                        + table.tableName() + ") WHERE customer_id < before");
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
