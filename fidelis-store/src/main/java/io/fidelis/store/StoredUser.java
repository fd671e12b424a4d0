package io.fidelis.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A user of the service as stored.
 *
 * @param name the sign-in name
 * @param role the role's code, e.g. {@code viewer}, {@code analyst}, {@code admin}
 * @param passwordHash the password's hash in the service's encoder format (never the password)
 * @param createdAt when the user was added (wall clock), for audit
 * @param passwordChangedAt when the password was last changed, or null if never since the user was added: sessions
 *     that began before it are no longer valid
 */
public record StoredUser(String name, String role, String passwordHash, Instant createdAt, Instant passwordChangedAt) {

    public StoredUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(passwordHash, "password hash");
        Objects.requireNonNull(createdAt, "created at");
        if (name.isBlank() || name.length() > 64) {
            throw new IllegalArgumentException("a user name has 1 to 64 characters");
        }
    }

    /** A new user, whose password was never changed. */
    public StoredUser(String name, String role, String passwordHash, Instant createdAt) {
        this(name, role, passwordHash, createdAt, null);
    }
}
