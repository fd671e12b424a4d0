package io.fidelis.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fidelis.store.ApiToken;
import io.fidelis.store.ApiTokens;
import io.fidelis.store.ServiceStores;
import io.fidelis.store.SignInFailures;
import io.fidelis.store.StoredUser;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace whose service tables were made before tokens could be revoked and passwords changed brings them up to
 * date on first use, and gets the table of sign-in counts: DuckDB has no migrations (PostgreSQL's are {@code
 * V5__token_revocation.sql} and {@code V6__shared_sessions.sql}).
 */
class DuckDbServiceTablesUpgradeTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    @TempDir
    Path temp;

    @Test
    void tablesWithoutTheNewColumnsGetThemAndTheirTokensNumbersInTheOrderTheyWereMade() {
        Path workspace = temp.resolve("workspace");
        try (DuckDbBookStore store = DuckDbBookStore.open(workspace)) {
            DuckDbFixture fixture = new DuckDbFixture();
            fixture.execute(
                    store,
                    "CREATE TABLE service_users (user_name VARCHAR(64) NOT NULL PRIMARY KEY, role VARCHAR(16) NOT NULL,"
                            + " password_hash VARCHAR(200) NOT NULL, created_at TIMESTAMP NOT NULL)");
            fixture.execute(
                    store,
                    "INSERT INTO service_users VALUES ('anna', 'analyst', '{bcrypt}a', TIMESTAMP"
                            + " '2026-11-01 09:00:00')");
            fixture.execute(
                    store,
                    "CREATE TABLE service_tokens (token_sha256 VARCHAR(80) NOT NULL PRIMARY KEY, user_name VARCHAR(64)"
                            + " NOT NULL, label VARCHAR(200) NOT NULL, created_at TIMESTAMP NOT NULL)");
            fixture.execute(
                    store,
                    "INSERT INTO service_tokens VALUES ('sha256:later', 'crm-bot', 'CRM', TIMESTAMP"
                            + " '2026-11-02 09:00:00'), ('sha256:first', 'los-bot', 'LOS', TIMESTAMP '2026-11-01 09:00:00')");
        }

        try (DuckDbBookStore store = DuckDbBookStore.open(workspace)) {
            ServiceStores service = store.serviceStores();
            ApiTokens tokens = service.apiTokens();

            assertThat(tokens.all())
                    .extracting(ApiToken::tokenId, ApiToken::user, ApiToken::revoked)
                    .containsExactly(tuple(1L, "los-bot", false), tuple(2L, "crm-bot", false));
            assertThat(tokens.userOf("sha256:later")).contains("crm-bot");
            tokens.revoke(2, "adam", T0);
            assertThat(tokens.userOf("sha256:later")).isEmpty();
            assertThat(tokens.add("sha256:new", "crm-bot", "CRM 2", T0).tokenId())
                    .isEqualTo(3L);
            StoredUser anna = service.users().changePassword("anna", "{bcrypt}b", T0);
            assertThat(anna.passwordChangedAt()).isEqualTo(T0);
            assertThat(service.signInFailures().failed("sha256:anna", T0, Duration.ofMinutes(15)))
                    .as("the sign-in counts' table is made too")
                    .isEqualTo(new SignInFailures.Count(1, T0));
        }
        try (DuckDbBookStore store = DuckDbBookStore.open(workspace)) {
            assertThat(store.serviceStores().apiTokens().all())
                    .extracting(ApiToken::tokenId)
                    .as("numbered once")
                    .containsExactly(1L, 2L, 3L);
        }
    }
}
