package io.fidelis.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing a user's password: after {@code fidelis.signin.max-failures} wrong passwords in a row (5 by
 * default) for one user, by any way of signing in (the dashboard's sign-in, HTTP Basic, the current password when
 * changing it), that user cannot sign in for {@code fidelis.signin.lock-minutes} (15) after the last wrong one, even
 * with the right password; a right password before that clears the count. Counted per service process, for users that
 * exist (so the memory it takes is bounded by the users): with several services on one database a guesser gets that
 * many tries on each.
 */
@Component
class SignInGuard {

    /** Thrown when a locked user tries to sign in; answered 429. */
    static final class Locked extends RuntimeException {
        private final transient Instant until;

        Locked(String user, Instant until) {
            super("too many wrong passwords for '" + user + "': signing in is refused until " + until
                    + " (UTC); ask an admin to reset the password if it is lost");
            this.until = until;
        }

        /** When the user may sign in again. */
        Instant until() {
            return until;
        }
    }

    private record Failures(int count, Instant last) {}

    private final Clock clock;
    private final int maxFailures;
    private final Duration lock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    SignInGuard(
            Clock clock,
            @Value("${fidelis.signin.max-failures:5}") int maxFailures,
            @Value("${fidelis.signin.lock-minutes:15}") long lockMinutes) {
        if (maxFailures < 1 || lockMinutes < 1) {
            throw new IllegalArgumentException(
                    "fidelis.signin.max-failures and fidelis.signin.lock-minutes are at least" + " 1, not "
                            + maxFailures + " and " + lockMinutes);
        }
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lock = Duration.ofMinutes(lockMinutes);
    }

    /** When {@code user} may sign in again, if it is locked now. */
    Optional<Instant> lockedUntil(String user) {
        Failures known = failures.get(key(user));
        if (known == null || known.count() < maxFailures) {
            return Optional.empty();
        }
        Instant until = known.last().plus(lock);
        return clock.instant().isBefore(until) ? Optional.of(until) : Optional.empty();
    }

    /** @throws Locked when {@code user} is locked now */
    void check(String user) {
        Optional<Instant> until = lockedUntil(user);
        if (until.isPresent()) {
            throw new Locked(user, until.get());
        }
    }

    /** Counts a wrong password of an existing user; true when this one locks the user. */
    boolean failed(String user) {
        Instant now = clock.instant();
        Failures after = failures.compute(key(user), (name, before) -> {
            int count = before == null || !now.isBefore(before.last().plus(lock)) ? 1 : before.count() + 1;
            return new Failures(count, now);
        });
        return after.count() == maxFailures;
    }

    /** A right password: the count starts again. */
    void succeeded(String user) {
        failures.remove(key(user));
    }

    private static String key(String user) {
        return user == null ? "" : user.toLowerCase(Locale.ROOT);
    }
}
