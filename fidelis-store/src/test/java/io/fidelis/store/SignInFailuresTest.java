package io.fidelis.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.store.SignInFailures.Count;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Wrong passwords counted in the store on each database: in a row, starting again after the window, purged. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class SignInFailuresTest {

    private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(15);

    @Parameter
    StoreKind kind;

    @TempDir
    Path temp;

    private StoreFixture fixture;
    private Store store;
    private SignInFailures failures;

    @BeforeEach
    void open() {
        fixture = kind.newFixture();
        store = fixture.open(temp.resolve("workspace"));
        failures = store.serviceStores().signInFailures();
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
    void wrongPasswordsInARowCountUpWithTheTimeOfTheLast() {
        assertThat(failures.find("k1")).isEmpty();
        assertThat(failures.failed("k1", T0, WINDOW)).isEqualTo(new Count(1, T0));
        assertThat(failures.failed("k1", T0.plusSeconds(60), WINDOW)).isEqualTo(new Count(2, T0.plusSeconds(60)));
        assertThat(failures.failed("k2", T0.plusSeconds(61), WINDOW)).isEqualTo(new Count(1, T0.plusSeconds(61)));

        assertThat(failures.find("k1")).contains(new Count(2, T0.plusSeconds(60)));
    }

    @Test
    void aCountStartsAgainOnceTheWindowPassedSinceTheLastWrongPassword() {
        failures.failed("k1", T0, WINDOW);
        failures.failed("k1", T0.plus(WINDOW).minusSeconds(1), WINDOW);
        assertThat(failures.failed("k1", T0.plus(WINDOW).plus(WINDOW).minusSeconds(2), WINDOW)
                        .failures())
                .as("still within the window of the second")
                .isEqualTo(3);

        Instant quiet = T0.plus(WINDOW).plus(WINDOW).minusSeconds(2).plus(WINDOW);
        assertThat(failures.failed("k1", quiet, WINDOW)).isEqualTo(new Count(1, quiet));
    }

    @Test
    void aRightPasswordClearsOnlyItsKey() {
        failures.failed("k1", T0, WINDOW);
        failures.failed("k2", T0, WINDOW);

        failures.clear("k1");
        failures.clear("never counted");

        assertThat(failures.find("k1")).isEmpty();
        assertThat(failures.find("k2")).isPresent();
        assertThat(failures.failed("k1", T0.plusSeconds(1), WINDOW).failures()).isEqualTo(1);
    }

    @Test
    void keysQuietSinceTheWindowArePurgedAndTheOthersKept() {
        failures.failed("old", T0, WINDOW);
        failures.failed("recent", T0.plus(WINDOW), WINDOW);

        assertThat(failures.purge(T0.plus(WINDOW).minusSeconds(1))).isEqualTo(1);

        assertThat(failures.find("old")).isEmpty();
        assertThat(failures.find("recent")).isPresent();
        assertThat(fixture.queryLong(store, "SELECT COUNT(*) FROM service_signin_failures"))
                .isEqualTo(1);
    }

    @Test
    void aKeyIsTakenAsItIsWithoutInjection() {
        failures.failed("x' OR '1'='1", T0, WINDOW);

        assertThat(failures.find("x")).isEmpty();
        assertThat(failures.find("x' OR '1'='1")).isPresent();
        failures.clear("' OR ''='");
        assertThat(failures.find("x' OR '1'='1")).isPresent();
    }
}
