package io.fidelis.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An API token as an admin sees it in a list: never the token nor its hash.
 *
 * @param tokenId the token's number, by which it is revoked
 * @param user the user the token acts as
 * @param label what the token is for (e.g. {@code CRM}); may be empty
 * @param createdAt when it was made (wall clock)
 * @param revokedAt when it was revoked, or null while it works
 * @param revokedBy who revoked it, or null while it works
 */
public record ApiToken(
        long tokenId, String user, String label, Instant createdAt, Instant revokedAt, String revokedBy) {

    public ApiToken {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(createdAt, "created at");
    }

    /** Whether the token no longer signs anyone in. */
    public boolean revoked() {
        return revokedAt != null;
    }
}
