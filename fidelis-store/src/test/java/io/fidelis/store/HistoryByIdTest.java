package io.fidelis.store;

import static io.fidelis.store.FakeBook.complaint;
import static io.fidelis.store.FakeBook.customer;
import static io.fidelis.store.FakeBook.installment;
import static io.fidelis.store.FakeBook.loan;
import static io.fidelis.store.FakeBook.meeting;
import static io.fidelis.store.FakeBook.survey;
import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.domain.CustomerHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class HistoryByIdTest {

    @Parameter
    StoreKind kind;

    private StoreFixture fixture;

    @TempDir
    Path temp;

    private Store store;

    @BeforeEach
    void loadABook() throws IOException {
        fixture = kind.newFixture();
        store = fixture.open(temp.resolve("workspace"));
        store.importBook(ImportRequest.strict(FakeBook.in(temp.resolve("book"))
                .file("customers.csv", customer("C1"), customer("C2"), customer("C3"))
                .file("loans.csv", loan("L1", "C1"), loan("L2", "C2"), loan("L3", "C2"))
                .file("installments.csv", installment("L1", 1), installment("L2", 1), installment("L3", 1))
                .file("complaints.csv", complaint("K1", "C2"))
                .file("surveys.csv", survey("C2", LocalDate.of(2025, 6, 1), 4))
                .file(
                        "interactions.csv",
                        meeting("C2", LocalDate.of(2025, 2, 1)),
                        meeting("C3", LocalDate.of(2025, 3, 1)))));
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

    @Test
    void oneHistoryIsTheSameAsInTheFullScan() {
        List<CustomerHistory> all = new ArrayList<>();
        store.forEachHistory(all::add);

        for (CustomerHistory history : all) {
            assertThat(store.history(history.customerId())).contains(history);
        }
        assertThat(store.history("C2").orElseThrow().loans()).hasSize(2);
    }

    @Test
    void anUnknownCustomerHasNoHistory() {
        assertThat(store.history("C9")).isEmpty();
        assertThat(store.history("c1")).isEmpty();
        assertThat(store.history("C1' OR '1'='1")).isEmpty();
    }
}
