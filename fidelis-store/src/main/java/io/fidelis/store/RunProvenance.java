package io.fidelis.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Where a run's results came from, stored with them so that they can be reproduced and defended: the same policy
 * content, as-of date, input and code give the same results.
 *
 * @param policyId the policy's id, e.g. {@code default}
 * @param policyVersion the policy's version, e.g. {@code 2026.1}
 * @param policySha256 SHA-256 of the policy file's bytes, written {@code sha256:<64 hex digits>}
 * @param asOf the date every customer was classified as of
 * @param inputFingerprint the book's {@link BookStore#inputFingerprint()} when the run was computed
 * @param codeVersion the version of the code that computed it
 * @param priors how the previous monthly evaluations for hysteresis were obtained, e.g. {@code none (hysteresis
 *     off)} or {@code chained month-ends 2026-07-31, 2026-08-31}
 * @param createdAt when the run was computed (wall clock), for audit only: never an input of a result
 */
public record RunProvenance(
        String policyId,
        String policyVersion,
        String policySha256,
        LocalDate asOf,
        String inputFingerprint,
        String codeVersion,
        String priors,
        Instant createdAt) {

    public RunProvenance {
        Objects.requireNonNull(policyId, "policy id");
        Objects.requireNonNull(policyVersion, "policy version");
        Objects.requireNonNull(policySha256, "policy SHA-256");
        Objects.requireNonNull(asOf, "as-of date");
        Objects.requireNonNull(inputFingerprint, "input fingerprint");
        Objects.requireNonNull(codeVersion, "code version");
        Objects.requireNonNull(priors, "priors");
        Objects.requireNonNull(createdAt, "created at");
    }

    /** {@code policyId@policyVersion}. */
    public String policyLabel() {
        return policyId + "@" + policyVersion;
    }
}
