package io.fidelis.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fidelis.store.AuditEntry;
import io.fidelis.store.AuditLog;
import io.fidelis.store.PolicyVersion;
import io.fidelis.store.Store;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only PostgreSQL has to show: the audit log refuses changes from any user of the database, not only from the
 * code; and two processes (two stores on one schema, each with its own lock) writing at once lose nothing.
 */
class PostgresServiceStoresTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    @TempDir
    Path temp;

    private PostgresFixture fixture;
    private Store store;

    @BeforeEach
    void open() {
        fixture = new PostgresFixture();
        store = fixture.open(temp);
        store.serviceStores().auditLog().append(AuditEntry.of(T0, "anna", "override.record", "C1", "tier low"));
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void theAuditLogRefusesUpdatesDeletesAndTruncation() {
        for (String change :
                List.of("UPDATE audit_log SET actor = 'mallory'", "DELETE FROM audit_log", "TRUNCATE audit_log")) {
            assertThatThrownBy(() -> fixture.execute(store, change)).as(change).hasMessageContaining("append-only");
        }
        assertThat(store.serviceStores().auditLog().latest(10))
                .singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("anna"));
    }

    @Test
    void twoProcessesAppendingAndProposingAtOnceLoseNothing() throws Exception {
        try (Store other = fixture.open(temp)) {
            ExecutorService writers = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (Store each : List.of(store, other)) {
                    AuditLog audit = each.serviceStores().auditLog();
                    done.add(writers.submit(() -> {
                        for (int i = 0; i < 50; i++) {
                            audit.appendAll(List.of(
                                    AuditEntry.of(T0, "anna", "customer.classify", "C" + i, ""),
                                    AuditEntry.of(T0, "anna", "override.record", "C" + i, "")));
                        }
                    }));
                    done.add(writers.submit(() -> {
                        for (int i = 0; i < 10; i++) {
                            each.serviceStores()
                                    .policyVersions()
                                    .propose("default", "v" + i, "sha256:" + i, "id: default", "anna", T0);
                        }
                    }));
                }
                for (Future<?> writer : done) {
                    writer.get();
                }
            } finally {
                writers.shutdownNow();
            }
        }

        List<AuditEntry> entries = store.serviceStores().auditLog().latest(1000);
        assertThat(entries).hasSize(1 + 2 * 50 * 2);
        assertThat(entries).extracting(AuditEntry::entryId).doesNotHaveDuplicates();
        assertThat(store.serviceStores().policyVersions().all())
                .hasSize(20)
                .extracting(PolicyVersion::versionId)
                .doesNotHaveDuplicates();
    }
}
