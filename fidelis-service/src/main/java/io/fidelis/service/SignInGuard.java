package io.fidelis.service;

import io.fidelis.store.SignInFailures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing a user's password: after {@code fidelis.signin.max-failures} wrong passwords in a row (5 by
 * default) for one name, by any way of signing in (the dashboard's sign-in, HTTP Basic, the current password when
 * changing it), that name cannot sign in for {@code fidelis.signin.lock-minutes} (15) after the last wrong one, even
 * with the right password; a right password before that clears the count. Names of nobody are counted and locked
 * exactly as users' names, so the answers do not tell whether a user exists. The counts are in the store (keyed by a
 * hash of the name in lower case, so typed names are not kept): every service on one PostgreSQL store shares them,
 * and a guesser gets that many tries in all, however a load balancer spreads them. Counts quiet for the lock's length
 * are purged (at most once a minute, at a wrong password), so names tried once do not pile up.
 */
@Component
class SignInGuard {

    /** How often at most the counts that no longer matter are purged. */
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    /** Thrown when a locked name tries to sign in; answered 429. */
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

    private final SignInFailures failures;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lock;
    private Instant purged = Instant.MIN;

    @Autowired
    SignInGuard(
            Workspace workspace,
            Clock clock,
            @Value("${fidelis.signin.max-failures:5}") int maxFailures,
            @Value("${fidelis.signin.lock-minutes:15}") long lockMinutes) {
        this(workspace.signInFailures, clock, maxFailures, lockMinutes);
    }

    SignInGuard(SignInFailures failures, Clock clock, int maxFailures, long lockMinutes) {
        if (maxFailures < 1 || lockMinutes < 1) {
            throw new IllegalArgumentException(
                    "fidelis.signin.max-failures and fidelis.signin.lock-minutes are at least" + " 1, not "
                            + maxFailures + " and " + lockMinutes);
        }
        this.failures = failures;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lock = Duration.ofMinutes(lockMinutes);
    }

    /** When {@code user} may sign in again, if it is locked now. */
    Optional<Instant> lockedUntil(String user) {
        Instant now = clock.instant();
        return failures.find(key(user))
                .filter(count -> count.failures() >= maxFailures)
                .map(count -> count.last().plus(lock))
                .filter(now::isBefore);
    }

    /** @throws Locked when {@code user} is locked now */
    void check(String user) {
        Optional<Instant> until = lockedUntil(user);
        if (until.isPresent()) {
            throw new Locked(user, until.get());
        }
    }

    /** Counts a wrong password for a name, a user's or not; true when this one locks it. */
    boolean failed(String user) {
        // the store keeps microseconds: the lock's end is the same read back on any service
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        purgeNowAndThen(now);
        return failures.failed(key(user), now, lock).failures() == maxFailures;
    }

    /**
     * A right password: the count starts again. Read first, as a name without wrong passwords (nearly every sign-in,
     * and every HTTP Basic request) needs no write, which the store takes one at a time.
     */
    void succeeded(String user) {
        String key = key(user);
        if (failures.find(key).isPresent()) {
            failures.clear(key);
        }
    }

    /** Forgets the counts whose lock, or window, is over: they would start again at one anyway. */
    private void purgeNowAndThen(Instant now) {
        synchronized (this) {
            if (now.isBefore(purged.plus(PURGE_EVERY))) {
                return;
            }
            purged = now;
        }
        failures.purge(now.minus(lock));
    }

    private static String key(String user) {
        return Accounts.sha256(user == null ? "" : user.toLowerCase(Locale.ROOT));
    }
}
