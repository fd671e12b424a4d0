package io.fidelis.service;

import io.fidelis.store.StoredUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Users, their passwords (hashed with bcrypt), dashboard sessions and API tokens. There is no default password: the
 * first start on a workspace without users creates {@code admin} with a random one-time secret printed once.
 */
@Component
class Accounts implements UserDetailsService {

    static final Duration SESSION = Duration.ofHours(8);

    private final Workspace workspace;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final Audit audit;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Optional<Session>> apiTokens = new ConcurrentHashMap<>();

    record Session(String user, Role role, Instant expires) {}

    Accounts(Workspace workspace, PasswordEncoder encoder, Clock clock, Audit audit) {
        this.workspace = workspace;
        this.audit = audit;
        this.encoder = encoder;
        this.clock = clock;
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
        if (password == null || password.length() < 12) {
            throw new IllegalArgumentException("a password has at least 12 characters");
        }
        StoredUser user =
                workspace.users.add(new StoredUser(name, role.code(), encoder.encode(password), clock.instant()));
        audit.recordAs(actor, "user.add", name, "role " + role.code());
        return user;
    }

    /** A new API token acting as {@code user}; only its hash is kept, so this is the only time it is seen. */
    String newToken(String user, String label, String actor) {
        StoredUser owner =
                workspace.users.find(user).orElseThrow(() -> new IllegalArgumentException("no user named " + user));
        String token = "fid_" + secret();
        workspace.tokens.add(sha256(token), owner.name(), label == null ? "" : label, clock.instant());
        audit.recordAs(actor, "token.add", owner.name(), label);
        return token;
    }

    /** Signs in with a password; a session token for the dashboard, or empty when the name or password is wrong. */
    Optional<String> signIn(String name, String password) {
        Optional<StoredUser> user = workspace.users.find(name == null ? "" : name);
        if (user.isEmpty()
                || password == null
                || !encoder.matches(password, user.get().passwordHash())) {
            return Optional.empty();
        }
        String token = "ses_" + secret();
        sessions.put(
                sha256(token),
                new Session(name, Role.of(user.get().role()), clock.instant().plus(SESSION)));
        return Optional.of(token);
    }

    void signOut(String token) {
        sessions.remove(sha256(token));
    }

    /** Who a bearer token (session or API) stands for. */
    Optional<Session> bearer(String token) {
        String hash = sha256(token);
        Session session = sessions.get(hash);
        if (session != null) {
            if (session.expires().isAfter(clock.instant())) {
                return Optional.of(session);
            }
            sessions.remove(hash);
            return Optional.empty();
        }
        Optional<Session> api = apiTokens.computeIfAbsent(
                hash,
                h -> workspace
                        .tokens
                        .userOf(h)
                        .flatMap(workspace.users::find)
                        .map(u -> new Session(u.name(), Role.of(u.role()), Instant.MAX)));
        if (api.isEmpty()) {
            apiTokens.remove(hash); // unknown tokens are not cached: a guessing client cannot fill the memory
        }
        return api;
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        StoredUser user = workspace.users.find(name).orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return User.withUsername(user.name())
                .password(user.passwordHash())
                .authorities(Role.of(user.role()).authorities().toArray(String[]::new))
                .build();
    }

    private String secret() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
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
