package io.fidelis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The service's stores on each database: users, API tokens, the audit log and policy versions. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class ServiceStoresTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    @Parameter
    StoreKind kind;

    @TempDir
    Path temp;

    private StoreFixture fixture;
    private Store store;

    @BeforeEach
    void open() {
        fixture = kind.newFixture();
        store = fixture.open(temp.resolve("workspace"));
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
    void aUserIsFoundByNameAndANameIsTakenOnce() {
        Users users = store.serviceStores().users();
        users.add(new StoredUser("anna", "analyst", "{bcrypt}x", T0));

        assertThat(users.find("anna")).hasValueSatisfying(u -> {
            assertThat(u.role()).isEqualTo("analyst");
            assertThat(u.createdAt()).isEqualTo(T0);
        });
        assertThat(users.find("anna' OR '1'='1")).isEmpty();
        assertThatThrownBy(() -> users.add(new StoredUser("anna", "admin", "{bcrypt}y", T0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already exists");
    }

    @Test
    void usersAreListedByName() {
        Users users = store.serviceStores().users();
        users.add(new StoredUser("vera", "viewer", "{bcrypt}v", T0));
        users.add(new StoredUser("Adam", "admin", "{bcrypt}a", T0));
        users.add(new StoredUser("anna", "analyst", "{bcrypt}x", T0));

        assertThat(users.all()).extracting(StoredUser::name).containsExactly("Adam", "anna", "vera");
    }

    @Test
    void aTokenHashNamesItsUser() {
        ApiTokens tokens = store.serviceStores().apiTokens();
        tokens.add("sha256:aa", "crm-bot", "CRM", T0);

        assertThat(tokens.userOf("sha256:aa")).contains("crm-bot");
        assertThat(tokens.userOf("sha256:bb")).isEmpty();
    }

    @Test
    void tokensAreNumberedAndListedWithoutTheirHash() {
        ApiTokens tokens = store.serviceStores().apiTokens();
        ApiToken crm = tokens.add("sha256:aa", "crm-bot", "CRM", T0);
        ApiToken los = tokens.add("sha256:bb", "los-bot", "", T0.plusSeconds(1));

        assertThat(crm.tokenId()).isEqualTo(1L);
        assertThat(los.tokenId()).isEqualTo(2L);
        assertThat(tokens.all())
                .extracting(ApiToken::tokenId, ApiToken::user, ApiToken::label, ApiToken::createdAt, ApiToken::revoked)
                .containsExactly(
                        tuple(1L, "crm-bot", "CRM", T0, false), tuple(2L, "los-bot", "", T0.plusSeconds(1), false));
        assertThat(tokens.find("sha256:bb")).contains(los);
    }

    @Test
    void aRevokedTokenNamesNobodyAndIsRevokedOnce() {
        ApiTokens tokens = store.serviceStores().apiTokens();
        long crm = tokens.add("sha256:aa", "crm-bot", "CRM", T0).tokenId();
        tokens.add("sha256:bb", "crm-bot", "CRM 2", T0);
        assertThat(tokens.revokedCount()).isZero();

        ApiToken revoked = tokens.revoke(crm, "adam", T0.plusSeconds(60));

        assertThat(revoked.revokedBy()).isEqualTo("adam");
        assertThat(revoked.revokedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(tokens.userOf("sha256:aa")).isEmpty();
        assertThat(tokens.userOf("sha256:bb")).as("the other token still works").contains("crm-bot");
        assertThat(tokens.find("sha256:aa"))
                .hasValueSatisfying(t -> assertThat(t.revoked()).isTrue());
        assertThat(tokens.revokedCount()).isEqualTo(1);
        assertThatThrownBy(() -> tokens.revoke(crm, "ada", T0.plusSeconds(120)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already revoked by adam");
        assertThat(tokens.all().get(0).revokedBy())
                .as("the first revocation is kept")
                .isEqualTo("adam");
        assertThatThrownBy(() -> tokens.revoke(99, "adam", T0)).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void aRevocationSurvivesReopening() {
        Path workspace = temp.resolve("workspace");
        ApiTokens tokens = store.serviceStores().apiTokens();
        tokens.revoke(tokens.add("sha256:aa", "crm-bot", "CRM", T0).tokenId(), "adam", T0);
        store.close();
        store = fixture.open(workspace);

        assertThat(store.serviceStores().apiTokens().userOf("sha256:aa")).isEmpty();
        assertThat(store.serviceStores()
                        .apiTokens()
                        .add("sha256:cc", "crm-bot", "CRM", T0)
                        .tokenId())
                .isEqualTo(2L);
    }

    @Test
    void aPasswordChangeReplacesTheHashAndMovesTheMark() {
        Users users = store.serviceStores().users();
        users.add(new StoredUser("anna", "analyst", "{bcrypt}old", T0));
        users.add(new StoredUser("vera", "viewer", "{bcrypt}v", T0));
        assertThat(users.lastPasswordChange()).isEmpty();

        StoredUser changed = users.changePassword("anna", "{bcrypt}new", T0.plusSeconds(5));

        assertThat(changed.passwordHash()).isEqualTo("{bcrypt}new");
        assertThat(changed.passwordChangedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(users.find("anna")).hasValueSatisfying(u -> {
            assertThat(u.passwordHash()).isEqualTo("{bcrypt}new");
            assertThat(u.role()).isEqualTo("analyst");
        });
        assertThat(users.find("vera").orElseThrow().passwordHash()).isEqualTo("{bcrypt}v");
        assertThat(users.lastPasswordChange()).contains(T0.plusSeconds(5));
        users.changePassword("vera", "{bcrypt}v2", T0.plusSeconds(9));
        assertThat(users.lastPasswordChange()).contains(T0.plusSeconds(9));
    }

    @Test
    void anUnknownOrInjectedNameChangesNoPassword() {
        Users users = store.serviceStores().users();
        users.add(new StoredUser("anna", "analyst", "{bcrypt}old", T0));

        assertThatThrownBy(() -> users.changePassword("anna' OR '1'='1", "{bcrypt}x", T0))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("no user named");
        assertThat(users.find("anna").orElseThrow().passwordHash()).isEqualTo("{bcrypt}old");
        assertThat(users.lastPasswordChange()).isEmpty();
    }

    @Test
    void auditEntriesAreNumberedInOrderAndReadNewestFirst() {
        AuditLog audit = store.serviceStores().auditLog();
        audit.append(AuditEntry.of(T0, "anna", "customer.classify", "C1", ""));
        List<AuditEntry> batch = audit.appendAll(List.of(
                AuditEntry.of(T0.plusSeconds(1), "anna", "override.record", "C2", "tier low"),
                AuditEntry.of(T0.plusSeconds(2), "adam", "policy.approve", "version 1", "default@2")));

        assertThat(batch).extracting(AuditEntry::entryId).containsExactly(2L, 3L);
        assertThat(audit.latest(10))
                .extracting(AuditEntry::entryId, AuditEntry::actor, AuditEntry::action, AuditEntry::at)
                .containsExactly(
                        tuple(3L, "adam", "policy.approve", T0.plusSeconds(2)),
                        tuple(2L, "anna", "override.record", T0.plusSeconds(1)),
                        tuple(1L, "anna", "customer.classify", T0));
        assertThat(audit.latest(1)).hasSize(1);
    }

    @Test
    void aLongDetailIsCutToItsColumnRatherThanLost() {
        AuditLog audit = store.serviceStores().auditLog();
        audit.append(AuditEntry.of(T0, "anna", "policy.propose", "version 1", "x".repeat(3000)));

        assertThat(audit.latest(1).get(0).detail()).hasSize(2000);
    }

    @Test
    void theAuditLogSurvivesReopening() {
        Path workspace = temp.resolve("workspace");
        store.serviceStores().auditLog().append(AuditEntry.of(T0, "anna", "run.export", "run 1", ""));
        store.close();
        store = fixture.open(workspace);

        assertThat(store.serviceStores().auditLog().latest(5))
                .extracting(AuditEntry::action)
                .containsExactly("run.export");
    }

    @Test
    void aProposalComesIntoForceOnlyWhenAnotherPersonApprovesIt() {
        PolicyVersions versions = store.serviceStores().policyVersions();
        PolicyVersion proposed = versions.propose("default", "2026.2", "sha256:cc", "id: default", "anna", T0);

        assertThat(versions.active()).isEmpty();
        assertThatThrownBy(() -> versions.decide(proposed.versionId(), true, "anna", T0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another person");
        PolicyVersion approved = versions.decide(proposed.versionId(), true, "adam", T0.plusSeconds(60));

        assertThat(approved.state()).isEqualTo(PolicyVersion.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo("adam");
        assertThat(approved.decidedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(versions.active())
                .hasValueSatisfying(v -> assertThat(v.version()).isEqualTo("2026.2"));
        assertThatThrownBy(() -> versions.decide(proposed.versionId(), false, "ada", T0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already approved");
    }

    @Test
    void aRejectedProposalLeavesTheOneInForce() {
        PolicyVersions versions = store.serviceStores().policyVersions();
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

    @Test
    void theStoreGivesOneInstanceSoItsWritersShareOneLock() {
        assertThat(store.serviceStores()).isSameAs(store.serviceStores());
    }
}
