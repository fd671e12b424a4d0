package io.fidelis.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fidelis.store.AuditEntry;
import io.fidelis.store.PolicyVersion;
import io.fidelis.store.StoredUser;
import io.fidelis.store.duckdb.DuckDbBookStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The portable stores on the embedded database: users, API tokens, the audit log and policy versions. */
class JdbcStoresTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    @TempDir
    Path workspace;

    private DuckDbBookStore book;

    @BeforeEach
    void open() {
        book = DuckDbBookStore.open(workspace);
    }

    @AfterEach
    void close() {
        book.close();
    }

    @Test
    void aUserIsFoundByNameAndANameIsTakenOnce() {
        JdbcUsers users = JdbcUsers.of(book::newConnection);
        users.add(new StoredUser("anna", "analyst", "{bcrypt}x", T0));

        assertThat(users.find("anna"))
                .hasValueSatisfying(u -> assertThat(u.role()).isEqualTo("analyst"));
        assertThat(users.find("anna' OR '1'='1")).isEmpty();
        assertThatThrownBy(() -> users.add(new StoredUser("anna", "admin", "{bcrypt}y", T0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already exists");
    }

    @Test
    void aTokenHashNamesItsUser() {
        JdbcApiTokens tokens = JdbcApiTokens.of(book::newConnection);
        tokens.add("sha256:aa", "crm-bot", "CRM", T0);

        assertThat(tokens.userOf("sha256:aa")).contains("crm-bot");
        assertThat(tokens.userOf("sha256:bb")).isEmpty();
    }

    @Test
    void auditEntriesAreNumberedInOrderAndReadNewestFirst() {
        JdbcAuditLog audit = JdbcAuditLog.of(book::newConnection);
        audit.append(AuditEntry.of(T0, "anna", "customer.classify", "C1", ""));
        List<AuditEntry> batch = audit.appendAll(List.of(
                AuditEntry.of(T0.plusSeconds(1), "anna", "override.record", "C2", "tier low"),
                AuditEntry.of(T0.plusSeconds(2), "adam", "policy.approve", "version 1", "default@2")));

        assertThat(batch).extracting(AuditEntry::entryId).containsExactly(2L, 3L);
        assertThat(audit.latest(10))
                .extracting(AuditEntry::entryId, AuditEntry::actor, AuditEntry::action, AuditEntry::at)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3L, "adam", "policy.approve", T0.plusSeconds(2)),
                        org.assertj.core.groups.Tuple.tuple(2L, "anna", "override.record", T0.plusSeconds(1)),
                        org.assertj.core.groups.Tuple.tuple(1L, "anna", "customer.classify", T0));
        assertThat(audit.latest(1)).hasSize(1);
    }

    @Test
    void theAuditLogSurvivesReopening() {
        JdbcAuditLog.of(book::newConnection).append(AuditEntry.of(T0, "anna", "run.export", "run 1", ""));
        book.close();
        book = DuckDbBookStore.open(workspace);

        assertThat(JdbcAuditLog.of(book::newConnection).latest(5))
                .extracting(AuditEntry::action)
                .containsExactly("run.export");
    }

    @Test
    void aProposalComesIntoForceOnlyWhenAnotherPersonApprovesIt() {
        JdbcPolicyVersions versions = JdbcPolicyVersions.of(book::newConnection);
        PolicyVersion proposed = versions.propose("default", "2026.2", "sha256:cc", "id: default", "anna", T0);

        assertThat(versions.active()).isEmpty();
        assertThatThrownBy(() -> versions.decide(proposed.versionId(), true, "anna", T0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another person");
        PolicyVersion approved = versions.decide(proposed.versionId(), true, "adam", T0.plusSeconds(60));

        assertThat(approved.state()).isEqualTo(PolicyVersion.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo("adam");
        assertThat(versions.active())
                .hasValueSatisfying(v -> assertThat(v.version()).isEqualTo("2026.2"));
        assertThatThrownBy(() -> versions.decide(proposed.versionId(), false, "ada", T0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already approved");
    }

    @Test
    void aRejectedProposalLeavesTheOneInForce() {
        JdbcPolicyVersions versions = JdbcPolicyVersions.of(book::newConnection);
        long first =
                versions.propose("default", "2", "sha256:1", "a", "anna", T0).versionId();
        versions.decide(first, true, "adam", T0.plusSeconds(1));
        long second = versions.propose("default", "3", "sha256:2", "b", "anna", T0.plusSeconds(2))
                .versionId();
        versions.decide(second, false, "adam", T0.plusSeconds(3));

        assertThat(versions.active())
                .hasValueSatisfying(v -> assertThat(v.versionId()).isEqualTo(first));
        assertThat(versions.all()).extracting(PolicyVersion::state).containsExactly("approved", "rejected");
    }
}
