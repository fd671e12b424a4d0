package io.fidelis.store;

import static io.fidelis.store.FakeBook.bad;
import static io.fidelis.store.FakeBook.complaint;
import static io.fidelis.store.FakeBook.customer;
import static io.fidelis.store.FakeBook.installment;
import static io.fidelis.store.FakeBook.loan;
import static io.fidelis.store.FakeBook.meeting;
import static io.fidelis.store.FakeBook.survey;
import static io.fidelis.store.FakeBook.unpaid;
import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.domain.Installment;
import io.fidelis.core.domain.LoanStatus;
import io.fidelis.core.domain.Table;
import io.fidelis.store.sql.ImportLog;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class BookStoreTest {

    @Parameter
    StoreKind kind;

    private StoreFixture fixture;

    @TempDir
    Path temp;

    private Store store;

    @BeforeEach
    void openStore() {
        fixture = kind.newFixture();
        store = fixture.open(temp.resolve("workspace"));
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    private FakeBook smallBook(String folder) {
        return FakeBook.in(temp.resolve(folder))
                .file("customers.csv", customer("C1"), customer("C2"))
                .file("loans.csv", loan("L1", "C1"), loan("L2", "C2"))
                .file("installments.csv", installment("L1", 1), installment("L1", 2), installment("L2", 1))
                .file("complaints.csv", complaint("K1", "C2"))
                .file("surveys.csv", survey("C1", LocalDate.of(2025, 6, 1), 4))
                .file("interactions.csv", meeting("C1", LocalDate.of(2025, 2, 1)));
    }

    private ImportResult load(BookSource book) throws IOException {
        return store.importBook(ImportRequest.strict(book));
    }

    private ImportResult load(BookSource book, long maxErrors) throws IOException {
        return store.importBook(new ImportRequest(book, maxErrors, ImportListener.NONE));
    }

    private List<CustomerHistory> histories() {
        List<CustomerHistory> all = new ArrayList<>();
        store.forEachHistory(all::add);
        return all;
    }

    private static Map<Table, Long> counts(
            long customers, long loans, long installments, long complaints, long surveys, long interactions) {
        return Map.of(
                Table.CUSTOMERS, customers,
                Table.LOANS, loans,
                Table.INSTALLMENTS, installments,
                Table.COMPLAINTS, complaints,
                Table.SURVEYS, surveys,
                Table.INTERACTIONS, interactions);
    }

    private static TableImport table(ImportResult result, Table table) {
        return result.tables().get(table.ordinal());
    }

    @Test
    void aCleanBookIsLoadedWhole() throws IOException {
        ImportResult result = load(smallBook("book"));

        assertThat(result.status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(result.rejectCount()).isZero();
        assertThat(result.rejectsFile()).isEmpty();
        assertThat(store.counts()).isEqualTo(counts(2, 2, 3, 1, 1, 1));
        assertThat(table(result, Table.INSTALLMENTS))
                .isEqualTo(new TableImport(Table.INSTALLMENTS, 1, 3, 0, 0, 3, 3, 0));
    }

    @Test
    void importingTheSameFilesTwiceChangesNothing() throws IOException {
        load(smallBook("book"));
        List<CustomerHistory> before = histories();
        String fingerprint = store.inputFingerprint();

        ImportResult again = load(smallBook("book"));

        assertThat(again.status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(again.tables()).allSatisfy(t -> {
            assertThat(t.inserted()).isZero();
            assertThat(t.updated()).isZero();
        });
        assertThat(store.counts()).isEqualTo(counts(2, 2, 3, 1, 1, 1));
        assertThat(histories()).isEqualTo(before);
        assertThat(store.inputFingerprint()).isEqualTo(fingerprint);
    }

    @Test
    void anErrorInTheLastFileOfTheFirstImportWritesNothing() throws IOException {
        FakeBook book = smallBook("book").file("interactions_2.csv", meeting("C9", LocalDate.of(2025, 3, 1)));

        ImportResult result = load(book);

        assertThat(result.status()).isEqualTo(ImportStatus.ROLLED_BACK);
        assertThat(store.counts()).isEqualTo(counts(0, 0, 0, 0, 0, 0));
        assertThat(histories()).isEmpty();
        assertThat(store.inputFingerprint()).isEqualTo(ImportLog.EMPTY_FINGERPRINT);
    }

    @Test
    void anErrorInTheLastFileLeavesAnEarlierImportExactlyAsItWas() throws IOException {
        load(smallBook("book"));
        Map<Table, Long> countsBefore = store.counts();
        List<CustomerHistory> before = histories();
        String fingerprint = store.inputFingerprint();
        FakeBook later = FakeBook.in(temp.resolve("later"))
                .file("customers.csv", customer("C3"))
                .file("loans.csv", loan("L1", "C1", LoanStatus.REPAID), loan("L3", "C3"))
                .file("installments.csv", installment("L3", 1))
                .file(
                        "interactions.csv",
                        meeting("C3", LocalDate.of(2025, 4, 1)),
                        meeting("C9", LocalDate.of(2025, 4, 2)));

        ImportResult result = load(later);

        assertThat(result.status()).isEqualTo(ImportStatus.ROLLED_BACK);
        assertThat(result.firstRejects())
                .containsExactly(new Reject(
                        "interactions.csv",
                        3,
                        "customer_id",
                        "C9",
                        "reference.customer",
                        "the meeting of 2025-04-02 names customer C9, which is neither in the book nor in this"
                                + " import; add it to customers or fix the id"));
        assertThat(store.counts()).isEqualTo(countsBefore);
        assertThat(histories()).isEqualTo(before);
        assertThat(store.inputFingerprint()).isEqualTo(fingerprint);
    }

    @Test
    void aDuplicateKeyInOneFileIsRejectedAtItsLineAndColumn() throws IOException {
        FakeBook book =
                FakeBook.in(temp.resolve("book")).file("customers.csv", customer("C1"), customer("C2"), customer("C1"));

        ImportResult result = load(book);

        assertThat(result.status()).isEqualTo(ImportStatus.ROLLED_BACK);
        assertThat(result.firstRejects())
                .containsExactly(new Reject(
                        "customers.csv",
                        4,
                        "customer_id",
                        "C1",
                        "duplicate.customer",
                        "customer C1 appears again: first at customers.csv:2; keep one row per customer_id"));
    }

    @Test
    void aDuplicateKeyAcrossSplitFilesIsRejectedInTheLaterFile() throws IOException {
        FakeBook book = FakeBook.in(temp.resolve("book"))
                .file("customers.csv", customer("C1"))
                .file("loans.csv", loan("L1", "C1"))
                .file("installments_2026-09.csv", installment("L1", 1), installment("L1", 2))
                .file("installments_2026-10.csv", installment("L1", 3), installment("L1", 2));

        ImportResult result = load(book);

        assertThat(result.firstRejects())
                .containsExactly(new Reject(
                        "installments_2026-10.csv",
                        3,
                        "installment_no",
                        "2",
                        "duplicate.installment",
                        "installment 2 of loan L1 appears again: first at installments_2026-09.csv:3;"
                                + " keep one row per (loan_id, installment_no)"));
        assertThat(table(result, Table.INSTALLMENTS).rejected()).isEqualTo(1);
    }

    @Test
    void aLoanOfAnUnknownCustomerIsRejected() throws IOException {
        FakeBook book = FakeBook.in(temp.resolve("book"))
                .file("customers.csv", customer("C1"))
                .file("loans.csv", loan("L1", "C1"), loan("L2", "C7"));

        ImportResult result = load(book);

        assertThat(result.firstRejects()).singleElement().satisfies(reject -> {
            assertThat(reject.file()).isEqualTo("loans.csv");
            assertThat(reject.line()).isEqualTo(3);
            assertThat(reject.column()).isEqualTo("customer_id");
            assertThat(reject.value()).isEqualTo("C7");
            assertThat(reject.rule()).isEqualTo("reference.customer");
        });
    }

    @Test
    void anInstallmentOfAnUnknownLoanIsRejected() throws IOException {
        FakeBook book = FakeBook.in(temp.resolve("book"))
                .file("customers.csv", customer("C1"))
                .file("loans.csv", loan("L1", "C1"))
                .file("installments.csv", installment("L1", 1), installment("L9", 1));

        ImportResult result = load(book);

        assertThat(result.firstRejects()).singleElement().satisfies(reject -> {
            assertThat(reject.file()).isEqualTo("installments.csv");
            assertThat(reject.line()).isEqualTo(3);
            assertThat(reject.column()).isEqualTo("loan_id");
            assertThat(reject.value()).isEqualTo("L9");
            assertThat(reject.rule()).isEqualTo("reference.loan");
        });
    }

    @Test
    void referencesMayPointAtRowsAlreadyInTheBook() throws IOException {
        load(smallBook("book"));
        FakeBook later = FakeBook.in(temp.resolve("later"))
                .file("installments_2026-10.csv", installment("L1", 3))
                .file("complaints_2026-10.csv", complaint("K2", "C1"));

        ImportResult result = load(later);

        assertThat(result.status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(store.counts()).isEqualTo(counts(2, 2, 4, 2, 1, 1));
    }

    @Test
    void theInstallmentsOfARejectedLoanAreRejectedToo() throws IOException {
        FakeBook book = FakeBook.in(temp.resolve("book"))
                .file("customers.csv", customer("C1"))
                .file("loans.csv", loan("L1", "C7"))
                .file("installments.csv", installment("L1", 1));

        ImportResult result = load(book, 5);

        assertThat(result.firstRejects())
                .extracting(Reject::rule)
                .containsExactly("reference.customer", "reference.loan");
        assertThat(result.status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(store.counts()).isEqualTo(counts(1, 0, 0, 0, 0, 0));
    }

    @Test
    void errorsWithinTheAllowanceWriteTheGoodRowsAndListEveryReject() throws IOException {
        FakeBook book = FakeBook.in(temp.resolve("book"))
                .file("customers.csv", customer("C1"), bad("onboarded_on", "2026-13-45", "date.format"))
                .file("loans.csv", loan("L1", "C1"), loan("L2", "C7"));

        ImportResult result = load(book, 2);

        assertThat(result.status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(result.rejectCount()).isEqualTo(2);
        assertThat(store.counts()).isEqualTo(counts(1, 1, 0, 0, 0, 0));
        assertThat(table(result, Table.CUSTOMERS)).isEqualTo(new TableImport(Table.CUSTOMERS, 1, 2, 1, 1, 1, 1, 0));
        assertThat(table(result, Table.LOANS)).isEqualTo(new TableImport(Table.LOANS, 1, 2, 1, 1, 1, 1, 0));
        assertThat(result.rejectsFile()).hasValue(temp.resolve("workspace/rejects/import-1.csv"));
        assertThat(Files.readAllLines(result.rejectsFile().orElseThrow()))
                .containsExactly(
                        "file,line,column,value,rule,message",
                        "customers.csv,3,onboarded_on,2026-13-45,date.format,bad onboarded_on",
                        "loans.csv,3,customer_id,C7,reference.customer,\"loan L2 names customer C7, which is neither in"
                                + " the book nor in this import; add it to customers or fix the id\"");
    }

    @Test
    void errorsBeyondTheAllowanceWriteNothingButStillListEveryReject() throws IOException {
        FakeBook book = FakeBook.in(temp.resolve("book"))
                .file("customers.csv", customer("C1"), bad("onboarded_on", "2026-13-45", "date.format"))
                .file("loans.csv", loan("L1", "C1"), loan("L2", "C7"));

        ImportResult result = load(book, 1);

        assertThat(result.status()).isEqualTo(ImportStatus.ROLLED_BACK);
        assertThat(result.rejectCount()).isEqualTo(2);
        assertThat(result.firstRejects()).extracting(Reject::line).containsExactly(3L, 3L);
        assertThat(store.counts()).isEqualTo(counts(0, 0, 0, 0, 0, 0));
        assertThat(table(result, Table.CUSTOMERS).inserted()).isZero();
    }

    @Test
    void aLaterPeriodAddsToTheBook() throws IOException {
        load(smallBook("book"));
        FakeBook october = FakeBook.in(temp.resolve("october"))
                .file("installments_2026-10.csv", installment("L1", 3), installment("L2", 2))
                .file("interactions_2026-10.csv", meeting("C2", LocalDate.of(2026, 10, 5)));

        ImportResult result = load(october);

        assertThat(table(result, Table.INSTALLMENTS).inserted()).isEqualTo(2);
        assertThat(store.counts()).isEqualTo(counts(2, 2, 5, 1, 1, 2));
    }

    @Test
    void aChangedRowOfAStoredKeyUpdatesIt() throws IOException {
        load(FakeBook.in(temp.resolve("september"))
                .file("customers.csv", customer("C1"))
                .file("loans.csv", loan("L1", "C1"))
                .file("installments.csv", unpaid("L1", 1)));
        String fingerprint = store.inputFingerprint();

        ImportResult result = load(FakeBook.in(temp.resolve("october"))
                .file("loans.csv", loan("L1", "C1", LoanStatus.REPAID))
                .file("installments.csv", installment("L1", 1)));

        assertThat(table(result, Table.LOANS).updated()).isEqualTo(1);
        assertThat(table(result, Table.INSTALLMENTS).updated()).isEqualTo(1);
        CustomerHistory history = histories().get(0);
        assertThat(history.loans()).containsExactly(loan("L1", "C1", LoanStatus.REPAID));
        assertThat(history.installments()).containsExactly(installment("L1", 1));
        assertThat(store.inputFingerprint()).isNotEqualTo(fingerprint);
    }

    @Test
    void aLoanMovedToAnotherCustomerTakesItsInstallmentsAlong() throws IOException {
        load(smallBook("book"));

        load(FakeBook.in(temp.resolve("moved")).file("loans.csv", loan("L1", "C2")));

        List<CustomerHistory> histories = histories();
        assertThat(histories.get(0).installments()).isEmpty();
        assertThat(histories.get(1).installments())
                .containsExactly(installment("L1", 1), installment("L1", 2), installment("L2", 1));
    }

    @Test
    void equalInteractionsOfOneImportAreAllKeptAndNotAddedAgain() throws IOException {
        FakeBook book = FakeBook.in(temp.resolve("book"))
                .file("customers.csv", customer("C1"))
                .file(
                        "interactions.csv",
                        meeting("C1", LocalDate.of(2025, 1, 1)),
                        meeting("C1", LocalDate.of(2025, 1, 1)),
                        meeting("C1", LocalDate.of(2025, 1, 2)));

        load(book);
        load(book);

        assertThat(histories().get(0).interactions()).hasSize(3);
    }

    @Test
    void historiesAreCompleteGroupedByCustomerAndOrderedById() throws IOException {
        FakeBook book = FakeBook.in(temp.resolve("book"))
                .file("customers.csv", customer("C3"), customer("C1"), customer("C2"))
                .file("loans.csv", loan("L3", "C3"), loan("L1", "C1"), loan("L0", "C1"))
                .file("installments.csv", installment("L1", 2), installment("L3", 1), installment("L1", 1))
                .file("complaints.csv", complaint("K1", "C3"))
                .file(
                        "surveys.csv",
                        survey("C1", LocalDate.of(2025, 6, 1), 4),
                        survey("C1", LocalDate.of(2025, 1, 1), 2))
                .file("interactions.csv", meeting("C2", LocalDate.of(2025, 2, 1)));
        load(book);

        List<CustomerHistory> histories = histories();

        assertThat(histories).extracting(CustomerHistory::customerId).containsExactly("C1", "C2", "C3");
        CustomerHistory c1 = histories.get(0);
        assertThat(c1.loans()).containsExactly(loan("L0", "C1"), loan("L1", "C1"));
        assertThat(c1.installments()).containsExactly(installment("L1", 1), installment("L1", 2));
        assertThat(c1.surveys())
                .containsExactly(survey("C1", LocalDate.of(2025, 1, 1), 2), survey("C1", LocalDate.of(2025, 6, 1), 4));
        assertThat(c1.complaints()).isEmpty();
        assertThat(c1.interactions()).isEmpty();
        CustomerHistory c2 = histories.get(1);
        assertThat(c2.loans()).isEmpty();
        assertThat(c2.interactions()).containsExactly(meeting("C2", LocalDate.of(2025, 2, 1)));
        CustomerHistory c3 = histories.get(2);
        assertThat(c3.loans()).containsExactly(loan("L3", "C3"));
        assertThat(c3.installments()).containsExactly(installment("L3", 1));
        assertThat(c3.complaints()).containsExactly(complaint("K1", "C3"));
    }

    @Test
    void theImportLogRecordsEveryAttempt() throws IOException {
        load(smallBook("book"));
        load(FakeBook.in(temp.resolve("bad")).file("loans.csv", loan("L5", "C9")));

        assertThat(store.imports())
                .extracting(e -> e.importId() + " " + e.status() + " " + e.rowsRead() + " " + e.rowsRejected())
                .containsExactly("1 COMMITTED 10 0", "2 ROLLED_BACK 1 1");
    }

    @Test
    void theBookSurvivesReopening() throws IOException {
        load(smallBook("book"));
        List<CustomerHistory> before = histories();
        store.close();

        store = fixture.open(temp.resolve("workspace"));

        assertThat(histories()).isEqualTo(before);
    }

    @Test
    void amountsComeBackWithTheDigitsTheyHad() throws IOException {
        FakeBook book = FakeBook.in(temp.resolve("book"))
                .file("customers.csv", customer("C1"))
                .file("loans.csv", loan("L1", "C1"))
                .file(
                        "installments.csv",
                        paid("L1", 1, "1234.5678"),
                        paid("L1", 2, "100"),
                        paid("L1", 3, "0.5"),
                        paid("L1", 4, "99999999999999.999"));
        load(book);

        assertThat(histories().get(0).installments())
                .extracting(i -> i.paidAmount().toPlainString())
                .containsExactly("1234.5678", "100.00", "0.50", "99999999999999.999");
        assertThat(histories().get(0).loans().get(0).annualRate()).isEqualByComparingTo("0.0435");
    }

    @Test
    void anAmountFinerThanTheStoreKeepsIsRejectedNotRounded() throws IOException {
        FakeBook book = FakeBook.in(temp.resolve("book"))
                .file("customers.csv", customer("C1"))
                .file("loans.csv", loan("L1", "C1"))
                .file("installments.csv", paid("L1", 1, "10.00001"));

        ImportResult result = load(book);

        assertThat(result.firstRejects()).singleElement().satisfies(reject -> {
            assertThat(reject.line()).isEqualTo(2);
            assertThat(reject.column()).isEqualTo("paid_amount");
            assertThat(reject.value()).isEqualTo("10.00001");
            assertThat(reject.rule()).isEqualTo("amount.precision");
        });
        assertThat(table(result, Table.INSTALLMENTS).rejected()).isEqualTo(1);
    }

    @Test
    void historiesComeInCodePointOrderOfIdsWhateverTheirScript() throws IOException {
        List<String> ids = List.of("b", "a", "Z", "\u00e9", "\uff5a", "\ud835\udd38", "C10", "C9");
        FakeBook book = FakeBook.in(temp.resolve("book"))
                .file("customers.csv", ids.stream().map(FakeBook::customer).toArray())
                .file("loans.csv", ids.stream().map(id -> loan("L-" + id, id)).toArray());
        load(book);

        List<CustomerHistory> histories = histories();

        assertThat(histories)
                .extracting(CustomerHistory::customerId)
                .containsExactly("C10", "C9", "Z", "a", "b", "\u00e9", "\uff5a", "\ud835\udd38");
        assertThat(histories)
                .allSatisfy(h -> assertThat(h.loans())
                        .singleElement()
                        .satisfies(l -> assertThat(l.customerId()).isEqualTo(h.customerId())));
    }

    private static Installment paid(String loanId, int number, String amount) {
        return new Installment(
                loanId,
                number,
                LocalDate.of(2025, number, 1),
                new BigDecimal("1.00"),
                LocalDate.of(2025, number, 1),
                new BigDecimal(amount));
    }

    @Test
    void historiesAreTheSameWhateverTheBatchSize() throws IOException {
        FakeBook book = FakeBook.in(temp.resolve("book"))
                .file("customers.csv", customer("C1"), customer("C2"), customer("C3"), customer("C4"), customer("C5"))
                .file("loans.csv", loan("L1", "C1"), loan("L2", "C2"), loan("L4", "C4"), loan("L5", "C5"))
                .file(
                        "installments.csv",
                        installment("L1", 1),
                        installment("L2", 1),
                        installment("L2", 2),
                        installment("L4", 1),
                        installment("L5", 1))
                .file("complaints.csv", complaint("K1", "C3"), complaint("K2", "C4"))
                .file(
                        "surveys.csv",
                        survey("C2", LocalDate.of(2025, 1, 1), 3),
                        survey("C5", LocalDate.of(2025, 1, 1), 5))
                .file(
                        "interactions.csv",
                        meeting("C1", LocalDate.of(2025, 2, 1)),
                        meeting("C3", LocalDate.of(2025, 2, 1)));
        load(book);
        List<CustomerHistory> whole = histories();

        for (int batchSize = 1; batchSize <= 5; batchSize++) {
            List<CustomerHistory> batched = new ArrayList<>();
            fixture.forEachHistory(store, batchSize, batched::add);

            assertThat(batched).as("batches of %d", batchSize).isEqualTo(whole);
        }
        assertThat(whole.get(1).installments()).containsExactly(installment("L2", 1), installment("L2", 2));
    }

    @Test
    void oneHistoryIsFoundByIdEvenWithAQuoteInIt() throws IOException {
        FakeBook book = FakeBook.in(temp.resolve("book"))
                .file("customers.csv", customer("O'Brien Ltd"), customer("C2"))
                .file("loans.csv", loan("L1", "O'Brien Ltd"), loan("L2", "C2"))
                .file("installments.csv", installment("L1", 1), installment("L2", 1));
        load(book);

        assertThat(store.history("O'Brien Ltd")).hasValueSatisfying(h -> {
            assertThat(h.loans()).containsExactly(loan("L1", "O'Brien Ltd"));
            assertThat(h.installments()).containsExactly(installment("L1", 1));
        });
        assertThat(store.history("C404")).isEmpty();
        List<CustomerHistory> batched = new ArrayList<>();
        fixture.forEachHistory(store, 1, batched::add);
        assertThat(batched).isEqualTo(histories());
    }
}
