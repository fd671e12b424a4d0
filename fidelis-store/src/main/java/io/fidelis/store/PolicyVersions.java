package io.fidelis.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The policy files the service has been given, with maker-checker: a version is proposed by one person and becomes
 * the one in force only when another approves it. A version is never edited; a change is a new proposal.
 */
public interface PolicyVersions {

    /** Stores a proposal (state {@code proposed}) and returns it with its number. */
    PolicyVersion propose(String policyId, String version, String sha256, String yaml, String by, Instant at);

    /**
     * Records the decision on a proposal.
     *
     * @param approved true to approve, false to reject
     * @throws IllegalStateException when the version is not a pending proposal, or {@code by} proposed it
     * @throws java.util.NoSuchElementException when there is no such version
     */
    PolicyVersion decide(long versionId, boolean approved, String by, Instant at);

    /** Every version, oldest first. */
    List<PolicyVersion> all();

    /** One version. */
    Optional<PolicyVersion> get(long versionId);

    /** The version in force: the latest approved, if any. */
    Optional<PolicyVersion> active();
}
