package io.fidelis.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A set of assignments to store, with its provenance. Optional fields are null when they do not apply (an imported
 * set has no seed; a randomised one no file).
 *
 * @param strategyId the strategy evaluated
 * @param source randomised here or imported
 * @param runId the classification run whose customers and strata were randomised, or null
 * @param assignedOn the day of the assignment when all rows share one, or null
 * @param seed the random seed, or null
 * @param treatmentShare the intended share in treatment, or null
 * @param fileName the imported file's name, or null
 * @param fileSha256 SHA-256 of the imported file's bytes ({@code sha256:<hex>}), or null
 * @param inputFingerprint the book's fingerprint when the set was made
 * @param codeVersion the version of the code that made it
 * @param createdAt when (wall clock), for audit only
 * @param assignments the customers' arms, each customer once
 */
public record NewAssignmentSet(
        String strategyId,
        AssignmentSource source,
        Long runId,
        LocalDate assignedOn,
        Long seed,
        Double treatmentShare,
        String fileName,
        String fileSha256,
        String inputFingerprint,
        String codeVersion,
        Instant createdAt,
        List<ArmAssignment> assignments) {

    public NewAssignmentSet {
        Objects.requireNonNull(strategyId, "strategy id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(inputFingerprint, "input fingerprint");
        Objects.requireNonNull(codeVersion, "code version");
        Objects.requireNonNull(createdAt, "created at");
        assignments = List.copyOf(assignments);
    }
}
