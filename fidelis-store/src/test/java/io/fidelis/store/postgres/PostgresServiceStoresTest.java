package io.fidelis.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.fidelis.store.ApiToken;
import io.fidelis.store.ApiTokens;
import io.fidelis.store.AuditEntry;
import io.fidelis.store.AuditLog;
import io.fidelis.store.PolicyVersion;
import io.fidelis.store.SignInFailures;
import io.fidelis.store.Store;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
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

    @Test
    void aSchemaMadeBeforeRevocationNumbersItsTokensInTheOrderTheyWereMade() {
        String schema = fixture.newSchema();
        PostgresSettings settings = PostgresFixture.settings(schema, temp.resolve("rejects"));
        Flyway.configure()
                .dataSource(settings.url(), settings.user(), settings.password())
                .locations("classpath:db/postgresql")
                .table("fidelis_schema_history")
                .target("4")
                .load()
                .migrate();
        try (Connection connection = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
                Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO service_users VALUES ('anna', 'analyst', '{bcrypt}a', TIMESTAMP"
                    + " '2026-11-01 09:00:00')");
            sql.execute("INSERT INTO service_tokens VALUES ('sha256:later', 'crm-bot', 'CRM', TIMESTAMP"
                    + " '2026-11-02 09:00:00'), ('sha256:first', 'los-bot', 'LOS', TIMESTAMP '2026-11-01 09:00:00')");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }

        try (PostgresStore upgraded = PostgresStore.open(settings)) {
            ApiTokens tokens = upgraded.serviceStores().apiTokens();
            assertThat(tokens.all())
                    .extracting(ApiToken::tokenId, ApiToken::user, ApiToken::revoked)
                    .containsExactly(tuple(1L, "los-bot", false), tuple(2L, "crm-bot", false));
            tokens.revoke(2, "adam", T0);
            assertThat(tokens.userOf("sha256:later")).isEmpty();
            assertThat(tokens.add("sha256:new", "crm-bot", "CRM 2", T0).tokenId())
                    .isEqualTo(3L);
            assertThat(upgraded.serviceStores()
                            .users()
                            .changePassword("anna", "{bcrypt}b", T0)
                            .passwordChangedAt())
                    .isEqualTo(T0);
        }
    }

    @Test
    void twoProcessesAddingTokensAtOnceNumberEachOnce() throws Exception {
        try (Store other = fixture.open(temp)) {
            ExecutorService writers = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (Store each : List.of(store, other)) {
                    ApiTokens tokens = each.serviceStores().apiTokens();
                    done.add(writers.submit(() -> {
                        for (int i = 0; i < 20; i++) {
                            tokens.add("sha256:" + java.util.UUID.randomUUID(), "crm-bot", "", T0);
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

        assertThat(store.serviceStores().apiTokens().all())
                .hasSize(40)
                .extracting(ApiToken::tokenId)
                .doesNotHaveDuplicates();
    }

    @Test
    void twoProcessesCountingWrongPasswordsOfOneNameAtOnceLoseNone() throws Exception {
        Duration window = Duration.ofMinutes(15);
        try (Store other = fixture.open(temp)) {
            ExecutorService guessers = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (Store each : List.of(store, other, store, other)) {
                    SignInFailures failures = each.serviceStores().signInFailures();
                    done.add(guessers.submit(() -> {
                        for (int i = 0; i < 25; i++) {
                            failures.failed("sha256:anna", T0, window);
                        }
                    }));
                }
                for (Future<?> guesser : done) {
                    guesser.get();
                }
            } finally {
                guessers.shutdownNow();
            }
            assertThat(other.serviceStores().signInFailures().find("sha256:anna"))
                    .hasValueSatisfying(count -> assertThat(count.failures()).isEqualTo(100));
        }
    }
}
