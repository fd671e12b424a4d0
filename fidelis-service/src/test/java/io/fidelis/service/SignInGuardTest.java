package io.fidelis.service;

import static io.fidelis.service.TestDatabase.password;
import static io.fidelis.service.TestDatabase.run;
import static io.fidelis.service.TestDatabase.schemaUrl;
import static io.fidelis.service.TestDatabase.url;
import static io.fidelis.service.TestDatabase.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fidelis.store.Store;
import io.fidelis.store.Stores;
import io.fidelis.store.duckdb.DuckDbBookStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Guessing a password: a name is locked after five wrong ones in a row, for fifteen minutes after the last, whether a
 * user has it or not; the counts are in the store, so two services on one PostgreSQL store share them.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(SignInGuardTest.Database.class)
class SignInGuardTest {

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-11-29T08:00:00Z");

        void pass(Duration time) {
            now = now.plus(time);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The stores the guard counts in. */
    enum Database {
        DUCKDB,
        POSTGRES
    }

    @Parameter
    Database database;

    @TempDir
    Path temp;

    private final MovingClock clock = new MovingClock();
    private final List<Store> opened = new ArrayList<>();
    private String schema;
    private SignInGuard guard;

    @BeforeEach
    void open() {
        guard = new SignInGuard(open(temp.resolve("one")).serviceStores().signInFailures(), clock, 5, 15);
    }

    /** A store: the workspace's DuckDB, or (for every call of a test) the one PostgreSQL schema of the test. */
    private Store open(Path folder) {
        Store store;
        if (database == Database.DUCKDB) {
            store = DuckDbBookStore.open(folder);
        } else {
            if (url() == null) {
                String why = "FIDELIS_TEST_PG_URL is not set, so the guard on PostgreSQL is not tested";
                if ("true".equals(System.getenv("CI"))) {
                    throw new IllegalStateException(why + " (CI must test it)");
                }
                Assumptions.abort(why);
            }
            if (schema == null) {
                schema = "fidelis_guard_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 1_000_000;
                run("CREATE SCHEMA " + schema);
            }
            store = Stores.open(folder, schemaUrl(schema), user(), password());
        }
        opened.add(store);
        return store;
    }

    @AfterEach
    void close() {
        opened.forEach(Store::close);
        if (schema != null) {
            run("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Test
    void theFifthWrongPasswordInARowLocksTheUserForFifteenMinutesAfterIt() {
        for (int i = 1; i <= 4; i++) {
            assertThat(guard.failed("anna")).as("wrong password %d", i).isFalse();
            clock.pass(Duration.ofMinutes(1));
        }
        assertThat(guard.lockedUntil("anna")).isEmpty();

        assertThat(guard.failed("anna")).isTrue();

        assertThat(guard.lockedUntil("anna")).contains(clock.now.plus(Duration.ofMinutes(15)));
        assertThatThrownBy(() -> guard.check("Anna"))
                .isInstanceOf(SignInGuard.Locked.class)
                .hasMessageContaining("too many wrong passwords for 'Anna'")
                .hasMessageContaining("2026-11-29T08:19:00Z");
        assertThat(guard.lockedUntil("vera")).isEmpty();
        clock.pass(Duration.ofMinutes(14));
        assertThat(guard.lockedUntil("anna")).isPresent();
        clock.pass(Duration.ofMinutes(1));
        assertThat(guard.lockedUntil("anna")).isEmpty();
    }

    @Test
    void aRightPasswordClearsTheCountAndOldFailuresExpire() {
        for (int i = 0; i < 4; i++) {
            guard.failed("anna");
        }
        guard.succeeded("anna");
        assertThat(guard.failed("anna")).isFalse();

        for (int i = 0; i < 3; i++) {
            guard.failed("vera");
        }
        clock.pass(Duration.ofMinutes(16));
        for (int i = 0; i < 4; i++) {
            assertThat(guard.failed("vera")).isFalse();
        }
        assertThat(guard.lockedUntil("vera")).isEmpty();
    }

    @Test
    void theNamesAreKeptOnlyAsHashesAndQuietOnesArePurged() {
        Store store = opened.get(0);
        for (int i = 0; i < 100; i++) {
            guard.failed("nobody" + i);
        }
        assertThat(count(store, "SELECT COUNT(*) FROM service_signin_failures")).isEqualTo(100);
        assertThat(count(store, "SELECT COUNT(*) FROM service_signin_failures WHERE name_key LIKE '%nobody%'"))
                .isZero();

        clock.pass(Duration.ofMinutes(15));
        guard.failed("anna");

        assertThat(count(store, "SELECT COUNT(*) FROM service_signin_failures")).isEqualTo(1);
    }

    @Test
    void fiveWrongPasswordsSpreadOverTwoServicesLockTheNameOnBoth() {
        Assumptions.assumeTrue(database == Database.POSTGRES, "one process holds a DuckDB workspace");
        SignInGuard other =
                new SignInGuard(open(temp.resolve("two")).serviceStores().signInFailures(), clock, 5, 15);
        for (int i = 1; i <= 4; i++) {
            assertThat((i % 2 == 0 ? guard : other).failed("anna")).isFalse();
        }

        assertThat(other.failed("Anna")).isTrue();

        assertThat(guard.lockedUntil("anna")).isPresent();
        assertThat(other.lockedUntil("anna")).isPresent();
        guard.succeeded("anna");
        assertThat(other.lockedUntil("anna")).isEmpty();
    }

    /** The number {@code sql} selects, beside the store. */
    private static long count(Store store, String sql) {
        try (Connection connection = store.sharedDatabase().isPresent()
                        ? store.sharedDatabase().get().getConnection()
                        : ((DuckDbBookStore) store).newConnection();
                Statement statement = connection.createStatement();
                var row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
