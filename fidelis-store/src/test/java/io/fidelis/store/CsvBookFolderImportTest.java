package io.fidelis.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.domain.Table;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** Imports of real CSV folders, through the contract reader, into each store. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class CsvBookFolderImportTest {

    @Parameter
    StoreKind kind;

    private StoreFixture fixture;

    @TempDir
    Path temp;

    private BookStore store;

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

    private Path september() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("september"));
        write(folder, "customers.csv", "customer_id,name,size\nC1,Acme,small\nC2,Birch,large\n");
        write(
                folder,
                "loans.csv",
                "loan_id,customer_id,product,amount,start_date,maturity_date,status\n"
                        + "L1,C1,term_loan,\"1,200,000.50\",2024-01-01,2027-01-01,active\n"
                        + "L2,C2,leasing,500000,2024/03/01,20260301,active\n");
        write(
                folder,
                "installments_2026-08.csv",
                "loan_id,installment_no,due_date,due_amount,paid_date,paid_amount\n"
                        + "L1,1,2026-08-01,30000,2026-08-01,30000\n"
                        + "L2,1,2026-08-15,20000,2026-08-20,20000\n");
        write(
                folder,
                "installments_2026-09.csv",
                "loan_id,installment_no,due_date,due_amount,paid_date,paid_amount\n" + "L1,2,2026-09-01,30000,,\n");
        write(folder, "interactions.csv", "customer_id,occurred_on,type,channel\nC1,2026-09-03,meeting,branch\n");
        return folder;
    }

    private static void write(Path folder, String file, String text) throws IOException {
        write(folder, file, text, StandardCharsets.UTF_8);
    }

    private static void write(Path folder, String file, String text, Charset charset) throws IOException {
        Files.writeString(folder.resolve(file), text, charset);
    }

    private ImportResult load(Path folder) throws IOException {
        return store.importBook(ImportRequest.strict(CsvBookFolder.of(folder)));
    }

    private List<CustomerHistory> histories() {
        List<CustomerHistory> all = new ArrayList<>();
        store.forEachHistory(all::add);
        return all;
    }

    @Test
    void aFolderIsLoadedAndReadBackAsHistories() throws IOException {
        ImportResult result = load(september());

        assertThat(result.committed()).isTrue();
        assertThat(store.counts())
                .containsEntry(Table.CUSTOMERS, 2L)
                .containsEntry(Table.LOANS, 2L)
                .containsEntry(Table.INSTALLMENTS, 3L)
                .containsEntry(Table.INTERACTIONS, 1L);
        CustomerHistory acme = histories().get(0);
        assertThat(acme.customer().name()).isEqualTo("Acme");
        assertThat(acme.loans().get(0).amount()).isEqualByComparingTo("1200000.50");
        assertThat(acme.installments()).extracting(i -> i.number()).containsExactly(1, 2);
        assertThat(acme.installments().get(1).paidDate()).isNull();
    }

    @Test
    void importingTheSameFolderAgainChangesNoCount() throws IOException {
        Path folder = september();
        load(folder);
        Map<Table, Long> counts = store.counts();
        List<CustomerHistory> histories = histories();

        ImportResult again = load(folder);

        assertThat(again.committed()).isTrue();
        assertThat(store.counts()).isEqualTo(counts);
        assertThat(histories()).isEqualTo(histories);
    }

    @Test
    void anErrorInTheLastFileLeavesTheBookAsItWas() throws IOException {
        load(september());
        Map<Table, Long> counts = store.counts();
        List<CustomerHistory> histories = histories();
        String fingerprint = store.inputFingerprint();
        Path october = Files.createDirectories(temp.resolve("october"));
        write(
                october,
                "installments_2026-10.csv",
                "loan_id,installment_no,due_date,due_amount,paid_date,paid_amount\n"
                        + "L1,3,2026-10-01,30000,2026-10-01,30000\n");
        write(
                october,
                "interactions_2026-10.csv",
                "customer_id,occurred_on,type\nC2,2026-10-02,inquiry\nC404,2026-10-03,inquiry\n");

        ImportResult result = load(october);

        assertThat(result.committed()).isFalse();
        assertThat(result.firstRejects()).singleElement().satisfies(reject -> {
            assertThat(reject.file()).isEqualTo("interactions_2026-10.csv");
            assertThat(reject.line()).isEqualTo(3);
            assertThat(reject.column()).isEqualTo("customer_id");
            assertThat(reject.rule()).isEqualTo("reference.customer");
        });
        assertThat(store.counts()).isEqualTo(counts);
        assertThat(histories()).isEqualTo(histories);
        assertThat(store.inputFingerprint()).isEqualTo(fingerprint);
    }

    @Test
    void aLaterPeriodAddsItsRowsAndUpdatesChangedOnes() throws IOException {
        load(september());
        Path october = Files.createDirectories(temp.resolve("october"));
        write(
                october,
                "installments_2026-09.csv",
                "loan_id,installment_no,due_date,due_amount,paid_date,paid_amount\n"
                        + "L1,2,2026-09-01,30000,2026-09-04,30000\n");
        write(
                october,
                "installments_2026-10.csv",
                "loan_id,installment_no,due_date,due_amount,paid_date,paid_amount\n"
                        + "L1,3,2026-10-01,30000,2026-10-01,30000\n");

        ImportResult result = load(october);

        TableImport installments = result.tables().get(Table.INSTALLMENTS.ordinal());
        assertThat(installments.inserted()).isEqualTo(1);
        assertThat(installments.updated()).isEqualTo(1);
        assertThat(store.counts()).containsEntry(Table.INSTALLMENTS, 4L);
        assertThat(histories().get(0).installments().get(1).paidDate()).hasToString("2026-09-04");
    }

    @Test
    void readerAndCrossRowRejectsAreReportedTogetherInFileOrder() throws IOException {
        Path folder = september();
        write(
                folder,
                "loans_2.csv",
                "loan_id,customer_id,product,amount,start_date,maturity_date,status\n"
                        + "L3,C1,term_loan,-5,2024-01-01,2027-01-01,active\n"
                        + "L1,C2,term_loan,100,2024-01-01,2027-01-01,active\n");

        ImportResult result = store.importBook(new ImportRequest(CsvBookFolder.of(folder), 2, ImportListener.NONE));

        assertThat(result.committed()).isTrue();
        assertThat(result.firstRejects())
                .extracting(r -> r.file() + ":" + r.line() + " " + r.column())
                .containsExactly("loans_2.csv:2 amount", "loans_2.csv:3 loan_id");
        assertThat(result.firstRejects().get(1).rule()).isEqualTo("duplicate.loan");
        assertThat(store.counts()).containsEntry(Table.LOANS, 2L);
    }

    @Test
    void gb18030FilesAreRead() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("gbk"));
        write(folder, "customers.csv", "customer_id,name\nC1,华夏建设有限公司\n", Charset.forName("GB18030"));

        load(folder);

        assertThat(histories().get(0).customer().name()).isEqualTo("华夏建设有限公司");
    }
}
