package io.fidelis.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A policy file as proposed to the service, and what became of it.
 *
 * @param versionId its number in the store, increasing
 * @param policyId the policy's id, from the file
 * @param version the policy's version, from the file
 * @param sha256 the file's SHA-256, {@code sha256:<hex>}
 * @param yaml the file's text
 * @param state {@code proposed}, {@code approved} or {@code rejected}
 * @param proposedBy who proposed it
 * @param proposedAt when
 * @param decidedBy who approved or rejected it, or null while proposed
 * @param decidedAt when, or null while proposed
 */
public record PolicyVersion(
        long versionId,
        String policyId,
        String version,
        String sha256,
        String yaml,
        String state,
        String proposedBy,
        Instant proposedAt,
        String decidedBy,
        Instant decidedAt) {

    public static final String PROPOSED = "proposed";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";

    public PolicyVersion {
        Objects.requireNonNull(policyId, "policy id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(proposedBy, "proposed by");
        Objects.requireNonNull(proposedAt, "proposed at");
    }
}
