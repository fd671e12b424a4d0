package io.fidelis.store;

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
}
