package io.fidelis.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The people who sign in to the service, with their role and password hash (never the password). Users are added,
 * never renamed; the tables are {@code io.fidelis.store.jdbc}'s portable SQL.
 */
public interface Users {

    /** Adds a user. @throws IllegalArgumentException when the name is taken */
    StoredUser add(StoredUser user);

    /** The user of that name, if any. */
    Optional<StoredUser> find(String name);

    /** Every user, by name. */
    List<StoredUser> all();

    /**
     * Replaces a user's password hash and records when.
     *
     * @throws java.util.NoSuchElementException when there is no user of that name
     */
    StoredUser changePassword(String name, String passwordHash, Instant at);

    /**
     * When a password was last changed, by anyone: a cheap mark for other processes to notice a change and sign out
     * the sessions it ended. Empty when no password was ever changed.
     */
    Optional<Instant> lastPasswordChange();
}
