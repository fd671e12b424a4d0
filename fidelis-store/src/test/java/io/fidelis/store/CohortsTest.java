package io.fidelis.store;

import static io.fidelis.store.FakeBook.loan;
import static io.fidelis.store.FakeBook.meeting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.fidelis.core.domain.Customer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class CohortsTest {

    @Parameter
    StoreKind kind;

    @TempDir
    Path temp;

    private static Customer onboarded(String id, String on) {
        return new Customer(id, null, null, null, null, null, LocalDate.parse(on), null, null);
    }

    @Test
    void aRelationshipStartsWhenOnboardedElseAtTheFirstLoanOrInteraction() throws IOException {
        try (StoreFixture fixture = kind.newFixture();
                Store book = fixture.open(temp.resolve("workspace"))) {
            book.importBook(ImportRequest.strict(FakeBook.in(temp.resolve("book"))
                    .file(
                            "customers.csv",
                            onboarded("C1", "2025-03-10"),
                            Customer.withId("C2"),
                            Customer.withId("C3"),
                            onboarded("C4", "2026-01-01"),
                            Customer.withId("C5"))
                    .file("loans.csv", loan("L1", "C1"), loan("L2", "C2"), loan("L4", "C4"))
                    .file(
                            "interactions.csv",
                            meeting("C2", LocalDate.of(2023, 12, 1)),
                            meeting("C3", LocalDate.of(2025, 3, 31)),
                            meeting("C4", LocalDate.of(2025, 2, 1)))));
            Cohorts cohorts = book.cohorts();

            // loans start 2024-01-01; C2 met the lender before; C5 has no record at all
            assertThat(cohorts.startedBetween(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-03-31")))
                    .containsExactly(
                            entry("C1", LocalDate.parse("2025-03-10")), entry("C3", LocalDate.parse("2025-03-31")));
            assertThat(cohorts.startedBetween(LocalDate.parse("2023-01-01"), LocalDate.parse("2024-12-31")))
                    .containsOnlyKeys("C2");
            assertThat(cohorts.startedBetween(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-01")))
                    .containsOnlyKeys("C4");
        }
    }
}
