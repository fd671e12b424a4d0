package io.fidelis.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Guessing a password: a user is locked after five wrong ones in a row, for fifteen minutes after the last. */
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

    private final MovingClock clock = new MovingClock();
    private final SignInGuard guard = new SignInGuard(clock, 5, 15);

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
}
