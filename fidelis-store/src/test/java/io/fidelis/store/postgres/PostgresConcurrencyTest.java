package io.fidelis.store.postgres;

import static io.fidelis.store.FakeBook.customer;
import static io.fidelis.store.FakeBook.installment;
import static io.fidelis.store.FakeBook.loan;
import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.classification.Classification;
import io.fidelis.core.classification.ManualOverride;
import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.domain.Table;
import io.fidelis.core.policy.Tier;
import io.fidelis.store.Classifications;
import io.fidelis.store.FakeBook;
import io.fidelis.store.ImportLogEntry;
import io.fidelis.store.ImportRequest;
import io.fidelis.store.ImportStatus;
import io.fidelis.store.RecordedOverride;
import io.fidelis.store.RunHeader;
import io.fidelis.store.RunResult;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several service users on one PostgreSQL store at once, each thread a user with connections from the store's pool:
 * importers of disjoint books, classifiers that read the whole book and store runs, and clerks recording overrides.
 * Nothing is lost, ids never collide, and every scan of the book sees whole imports only.
 */
class PostgresConcurrencyTest {

    private static final int IMPORTERS = 4;
    private static final int CUSTOMERS_PER_BOOK = 40;
    private static final int CLASSIFIERS = 2;
    private static final int RUNS_EACH = 4;
    private static final int CLERKS = 2;
    private static final int OVERRIDES_EACH = 20;

    @TempDir
    Path temp;

    private FakeBook book(int number) {
        List<Object> customers = new ArrayList<>();
        List<Object> loans = new ArrayList<>();
        List<Object> installments = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS_PER_BOOK; i++) {
            String id = "B" + number + "-" + i;
            customers.add(customer(id));
            loans.add(loan("L-" + id, id));
            installments.add(installment("L-" + id, 1));
            installments.add(installment("L-" + id, 2));
        }
        return FakeBook.in(temp.resolve("book-" + number))
                .file("customers.csv", customers.toArray())
                .file("loans.csv", loans.toArray())
                .file("installments.csv", installments.toArray());
    }

    @Test
    void importsRunsAndOverridesAtOnceLoseNothingAndScansSeeWholeImports() throws Exception {
        try (PostgresFixture fixture = new PostgresFixture();
                PostgresStore store =
                        PostgresStore.open(PostgresFixture.settings(fixture.newSchema(), temp.resolve("rejects"))
                                .withPoolSize(6))) {
            List<FakeBook> books = new ArrayList<>();
            for (int b = 0; b < IMPORTERS; b++) {
                books.add(book(b));
            }
            ConcurrentLinkedQueue<Integer> customersSeen = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<RunHeader> saved = new ConcurrentLinkedQueue<>();
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Void>> users = new ArrayList<>();
            for (FakeBook book : books) {
                users.add(() -> {
                    start.await();
                    assertThat(store.importBook(ImportRequest.strict(book)).status())
                            .isEqualTo(ImportStatus.COMMITTED);
                    return null;
                });
            }
            for (int c = 0; c < CLASSIFIERS; c++) {
                users.add(() -> {
                    start.await();
                    for (int r = 0; r < RUNS_EACH; r++) {
                        List<Classification> results = new ArrayList<>();
                        store.forEachHistory(h -> results.add(Classifications.classify(h)));
                        customersSeen.add(results.size());
                        saved.add(store.runs()
                                .save(Classifications.provenance(store.inputFingerprint()), results.iterator()));
                    }
                    return null;
                });
            }
            for (int k = 0; k < CLERKS; k++) {
                String clerk = "clerk " + k;
                users.add(() -> {
                    start.await();
                    for (int o = 0; o < OVERRIDES_EACH; o++) {
                        store.overrides()
                                .record(
                                        new ManualOverride(
                                                "B0-" + o,
                                                Tier.HIGH,
                                                null,
                                                "review " + o,
                                                clerk,
                                                null,
                                                LocalDate.parse("2027-01-01")),
                                        Instant.parse("2026-10-01T08:00:00Z"));
                    }
                    return null;
                });
            }

            ExecutorService threads = Executors.newFixedThreadPool(users.size());
            try {
                List<Future<Void>> running = new ArrayList<>();
                users.forEach(u -> running.add(threads.submit(u)));
                start.countDown();
                for (Future<Void> user : running) {
                    user.get(120, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdownNow();
            }

            assertThat(store.counts())
                    .containsEntry(Table.CUSTOMERS, (long) IMPORTERS * CUSTOMERS_PER_BOOK)
                    .containsEntry(Table.LOANS, (long) IMPORTERS * CUSTOMERS_PER_BOOK)
                    .containsEntry(Table.INSTALLMENTS, 2L * IMPORTERS * CUSTOMERS_PER_BOOK);
            assertThat(store.imports()).extracting(ImportLogEntry::importId).containsExactly(1L, 2L, 3L, 4L);
            assertThat(store.imports()).extracting(ImportLogEntry::status).containsOnly(ImportStatus.COMMITTED);
            // every scan saw a whole number of imports, never half of one
            assertThat(customersSeen)
                    .hasSize(CLASSIFIERS * RUNS_EACH)
                    .allSatisfy(n -> assertThat(n % CUSTOMERS_PER_BOOK).isZero());
            assertThat(store.runs().runs())
                    .extracting(RunHeader::runId)
                    .doesNotHaveDuplicates()
                    .hasSize(CLASSIFIERS * RUNS_EACH);
            for (RunHeader run : saved) {
                List<RunResult> results = new ArrayList<>();
                store.runs().forEachResult(run.runId(), results::add);
                assertThat(results).hasSize((int) run.customers());
            }
            assertThat(store.overrides().all())
                    .hasSize(CLERKS * OVERRIDES_EACH)
                    .extracting(RecordedOverride::overrideId)
                    .doesNotHaveDuplicates();
            List<CustomerHistory> histories = new ArrayList<>();
            store.forEachHistory(histories::add);
            assertThat(histories).hasSize(IMPORTERS * CUSTOMERS_PER_BOOK);
        }
    }
}
