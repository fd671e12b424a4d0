package io.fidelis.store;

import java.time.Instant;
import java.util.Optional;

/**
 * API tokens for other systems (loan origination, CRM): each acts as one user. Only a token's SHA-256 is stored, so
 * the token itself is shown once, when it is made.
 */
public interface ApiTokens {

    /** Stores a token's hash for {@code user}. */
    void add(String tokenSha256, String user, String label, Instant createdAt);

    /** The user a token acts as, looked up by the token's hash. */
    Optional<String> userOf(String tokenSha256);
}
