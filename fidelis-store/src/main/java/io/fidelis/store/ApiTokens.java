package io.fidelis.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * API tokens for other systems (loan origination, CRM): each acts as one user. Only a token's SHA-256 is stored, so
 * the token itself is shown once, when it is made. A token is revoked, never deleted: the list keeps who revoked it
 * and when.
 */
public interface ApiTokens {

    /** Stores a token's hash for {@code user}; the stored token with its new number. */
    ApiToken add(String tokenSha256, String user, String label, Instant createdAt);

    /** The user a token acts as, looked up by the token's hash; empty for an unknown or revoked token. */
    Optional<String> userOf(String tokenSha256);

    /** The token a hash belongs to, revoked or not. */
    Optional<ApiToken> find(String tokenSha256);

    /** Every token, by number, revoked ones included. */
    List<ApiToken> all();

    /**
     * Revokes a token: from now on {@link #userOf} does not find it.
     *
     * @throws java.util.NoSuchElementException when there is no token of that number
     * @throws IllegalStateException when it was already revoked (the first revocation is kept)
     */
    ApiToken revoke(long tokenId, String by, Instant at);

    /** How many tokens are revoked: a cheap mark for other processes to notice a revocation (it only grows). */
    long revokedCount();
}
