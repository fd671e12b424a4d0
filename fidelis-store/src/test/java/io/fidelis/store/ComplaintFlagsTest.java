package io.fidelis.store;

import static io.fidelis.store.FakeBook.customer;
import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.domain.Complaint;
import io.fidelis.core.domain.ComplaintCategory;
import io.fidelis.core.domain.Severity;
import io.fidelis.store.duckdb.DuckDbBookStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regression: an open complaint (no resolved_on) that was escalated came back from the store as not escalated. */
class ComplaintFlagsTest {

    @TempDir
    Path temp;

    private static Complaint complaint(String id, LocalDate resolvedOn, Boolean escalated) {
        return new Complaint(
                id, "C1", LocalDate.of(2025, 3, 1), ComplaintCategory.SERVICE, Severity.HIGH, resolvedOn, escalated);
    }

    @Test
    void theEscalationOfAnOpenComplaintIsKept() throws IOException {
        try (DuckDbBookStore store = DuckDbBookStore.open(temp.resolve("workspace"))) {
            store.importBook(ImportRequest.strict(FakeBook.in(temp.resolve("book"))
                    .file("customers.csv", customer("C1"))
                    .file(
                            "complaints.csv",
                            complaint("K1", null, true),
                            complaint("K2", null, false),
                            complaint("K3", LocalDate.of(2025, 4, 1), null),
                            complaint("K4", LocalDate.of(2025, 4, 1), true))));

            assertThat(store.history("C1").orElseThrow().complaints())
                    .extracting(Complaint::id, Complaint::escalated)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("K1", true),
                            org.assertj.core.groups.Tuple.tuple("K2", false),
                            org.assertj.core.groups.Tuple.tuple("K3", null),
                            org.assertj.core.groups.Tuple.tuple("K4", true));
        }
    }
}
