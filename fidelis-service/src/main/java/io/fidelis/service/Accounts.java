package io.fidelis.service;

import io.fidelis.store.ApiToken;
import io.fidelis.store.StoredUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Users, their passwords (hashed with bcrypt), dashboard sessions and API tokens. There is no default password: the
 * first start on a workspace without users creates {@code admin} with a random one-time secret printed once.
 *
 * <p>Dashboard sessions are {@link DashboardSessions}: in the store on PostgreSQL (shared by every service on it), in
 * memory on DuckDB. API tokens are looked up once and then kept in memory; a revocation (here, or one {@link
 * StoreChanges} notices in the store) forgets every kept token, so the next request of each reads the store again. A
 * changed password ends the user's dashboard sessions that began before it (except the one that changed it).
 *
 * <p>A name of nobody is answered as a user's with a wrong password, after as long (its password is checked against a
 * hash of a secret nobody knows), and is counted and locked alike by {@link SignInGuard}.
 */
@Component
class Accounts implements UserDetailsService {

    static final Duration SESSION = Duration.ofHours(8);

    private final Workspace workspace;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final Audit audit;
    private final SignInGuard guard;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final DashboardSessions sessions;
    /** What a name of nobody's password is checked against: a hash of a secret nobody knows. */
    private final String nobodysHash;

    private final Map<String, KeptToken> apiTokens = new ConcurrentHashMap<>();
    /** Moves on every revocation: a token read from the store before it is not trusted after it. */
    private final AtomicLong revocations = new AtomicLong();

    /** Who a bearer token stands for; {@code since} is when the session began (its password was right then). */
    record Session(String user, Role role, Instant expires, Instant since) {}

    private record KeptToken(long revocations, Session session) {}

    Accounts(
            Workspace workspace,
            PasswordEncoder encoder,
            Clock clock,
            Audit audit,
            SignInGuard guard,
            DashboardSessions sessions) {
        this.workspace = workspace;
        this.sessions = sessions;
        this.guard = guard;
        this.audit = audit;
        this.encoder = encoder;
        this.clock = clock;
        this.nobodysHash = encoder.encode(secret());
        if (workspace.users.all().isEmpty()) {
            String secret = secret();
            add("admin", Role.ADMIN, secret, "first start");
            String line = "=".repeat(72);
            System.out.println(line);
            System.out.println("Fidelis: first start on this workspace. Sign in as 'admin' with this one-time secret");
            System.out.println("(shown only now and never stored: sign in with it and create named users):");
            System.out.println("  " + secret);
            System.out.println(line);
        }
    }

    StoredUser add(String name, Role role, String password, String actor) {
        PasswordRules.check(name, password);
        StoredUser user =
                workspace.users.add(new StoredUser(name, role.code(), encoder.encode(password), clock.instant()));
        audit.recordAs(actor, "user.add", name, "role " + role.code());
        return user;
    }

    /** A new API token acting as {@code user}; only its hash is kept, so this is the only time it is seen. */
    NewToken newToken(String user, String label, String actor) {
        StoredUser owner =
                workspace.users.find(user).orElseThrow(() -> new IllegalArgumentException("no user named " + user));
        String token = "fid_" + secret();
        ApiToken added = workspace.tokens.add(sha256(token), owner.name(), label == null ? "" : label, now());
        audit.recordAs(actor, "token.add", owner.name(), "token " + added.tokenId() + " " + added.label());
        return new NewToken(token, added);
    }

    record NewToken(String token, ApiToken stored) {}

    /**
     * Revokes an API token: this service refuses it from the next request on, others once they notice.
     *
     * @throws java.util.NoSuchElementException for an unknown number
     * @throws IllegalStateException when it was revoked before
     */
    ApiToken revoke(long tokenId, String actor) {
        ApiToken revoked = workspace.tokens.revoke(tokenId, actor, now());
        tokensRevoked();
        audit.recordAs(actor, "token.revoke", "token " + tokenId, "acted as " + revoked.user() + " " + revoked.label());
        return revoked;
    }

    /** Forgets every API token kept in memory: one was revoked, here or by another process. */
    void tokensRevoked() {
        revocations.incrementAndGet();
        apiTokens.clear();
    }

    /**
     * Changes the signed-in user's own password, given the current one. Their other dashboard sessions end; the one
     * they used ({@code bearer}, if it is a session) stays.
     *
     * @throws IllegalArgumentException when the current password is wrong or the new one breaks a rule
     */
    void changeOwnPassword(String name, String current, String next, String bearer) {
        StoredUser user = workspace.users.find(name).orElseThrow(() -> new NoSuchElementException("no user " + name));
        guard.check(user.name());
        if (current == null || !encoder.matches(current, user.passwordHash())) {
            audit.recordAs(name, "user.password.refused", name, "the current password was wrong");
            wrongPassword(user.name(), true);
            throw new IllegalArgumentException("the current password is not right: nothing was changed");
        }
        guard.succeeded(user.name());
        PasswordRules.check(name, next);
        if (next.equals(current)) {
            throw new IllegalArgumentException("the new password is the current one: choose another");
        }
        Instant at = now();
        workspace.users.changePassword(name, encoder.encode(next), at);
        int ended = endSessions(name, bearer, at);
        audit.recordAs(name, "user.password", name, ended + " other sessions signed out");
    }

    /**
     * Gives a user a new random one-time secret as password (an admin resets it) and ends all their sessions.
     *
     * @return the secret, shown only to the admin who asked
     * @throws java.util.NoSuchElementException when there is no such user
     */
    String resetPassword(String name, String actor) {
        workspace.users.find(name).orElseThrow(() -> new NoSuchElementException("no user named " + name));
        String secret = secret();
        Instant at = now();
        workspace.users.changePassword(name, encoder.encode(secret), at);
        int ended = endSessions(name, null, at);
        audit.recordAs(actor, "user.password.reset", name, ended + " sessions signed out");
        return secret;
    }

    /** Ends the sessions that began before their user's password was last changed, here or by another process. */
    void passwordsChanged() {
        Map<String, Instant> changed = new HashMap<>();
        for (StoredUser user : workspace.users.all()) {
            if (user.passwordChangedAt() != null) {
                changed.put(user.name(), user.passwordChangedAt());
            }
        }
        sessions.endBefore(changed);
    }

    /** Ends {@code name}'s sessions but {@code kept}, which now counts from {@code at}; how many ended. */
    private int endSessions(String name, String kept, Instant at) {
        return sessions.endOf(name, kept, at);
    }

    /** The wall clock to the microsecond, as the store keeps times: a session compares with a stored change. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Signs in with a password; a session token for the dashboard, or empty when the name or password is wrong.
     *
     * @throws SignInGuard.Locked when the name, a user's or not, had too many wrong passwords
     */
    Optional<String> signIn(String name, String password) {
        String given = name == null ? "" : name;
        guard.check(given);
        Optional<StoredUser> user = workspace.users.find(given);
        String hash = user.map(StoredUser::passwordHash).orElse(nobodysHash);
        boolean right = password != null && encoder.matches(password, hash);
        if (user.isEmpty() || !right) {
            wrongPassword(given, user.isPresent());
            return Optional.empty();
        }
        guard.succeeded(given);
        Instant now = now();
        return Optional.of(sessions.begin(user.get().name(), Role.of(user.get().role()), now, now.plus(SESSION)));
    }

    void signOut(String token) {
        sessions.end(token);
    }

    /** Who a bearer token (session or API) stands for. */
    Optional<Session> bearer(String token) {
        if (DashboardSessions.isSession(token)) {
            return sessions.find(token, clock.instant());
        }
        String hash = sha256(token);
        long seen = revocations.get();
        KeptToken kept = apiTokens.get(hash);
        if (kept != null && kept.revocations() == seen) {
            return Optional.of(kept.session());
        }
        Optional<Session> api = workspace
                .tokens
                .userOf(hash)
                .flatMap(workspace.users::find)
                .map(u -> new Session(u.name(), Role.of(u.role()), Instant.MAX, Instant.MIN));
        // unknown or revoked tokens are not kept: a guessing client cannot fill the memory. A token read before a
        // revocation that came meanwhile is kept under the old count, so the next request reads it again.
        api.ifPresentOrElse(found -> apiTokens.put(hash, new KeptToken(seen, found)), () -> apiTokens.remove(hash));
        return api;
    }

    /** Counts a wrong password for a name, and audits the lock it may cause to a user's. */
    private void wrongPassword(String name, boolean isUser) {
        if (guard.failed(name) && isUser) {
            audit.recordAs(name, "user.signin.locked", name, "too many wrong passwords in a row");
        }
    }

    /** HTTP Basic with a wrong password, or a name of nobody, counts as any wrong password. */
    @org.springframework.context.event.EventListener
    void basicFailed(org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent event) {
        String name = event.getAuthentication().getName() == null
                ? ""
                : event.getAuthentication().getName();
        wrongPassword(name, workspace.users.find(name).isPresent());
    }

    /** HTTP Basic with the right password clears the count. */
    @org.springframework.context.event.EventListener
    void basicSucceeded(org.springframework.security.authentication.event.AuthenticationSuccessEvent event) {
        guard.succeeded(event.getAuthentication().getName());
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        boolean locked = guard.lockedUntil(name).isPresent();
        Optional<StoredUser> found = workspace.users.find(name);
        if (found.isEmpty() && locked) {
            // refused as a locked user is, before any password is checked: a name of nobody answers as a user's
            return User.withUsername(name)
                    .accountLocked(true)
                    .password(nobodysHash)
                    .authorities(List.of())
                    .build();
        }
        StoredUser user = found.orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return User.withUsername(user.name())
                .accountLocked(locked)
                .password(user.passwordHash())
                .authorities(Role.of(user.role()).authorities().toArray(String[]::new))
                .build();
    }

    /** 24 random bytes in hex: one-time passwords, API tokens' and dashboard sessions' secrets. */
    static String secret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The SHA-256 of a text's UTF-8 bytes, as runs record a policy file's. */
    static String sha256Bytes(String text) {
        return sha256(text);
    }

    static String sha256(String text) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(
                                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
