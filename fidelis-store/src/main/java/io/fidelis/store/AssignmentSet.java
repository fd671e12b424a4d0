package io.fidelis.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A stored set of assignments of one strategy: its number, its provenance and its size. Never changed once stored; a
 * later set of the same strategy (made with {@code --replace}) supersedes it and names it in {@link #replaces()}.
 *
 * @param setId its number, from a sequence: later sets have larger numbers
 * @param strategyId the strategy
 * @param source randomised here or imported
 * @param runId the classification run randomised, or null
 * @param assignedOn the day of the assignment when all rows share one, or null
 * @param seed the random seed, or null
 * @param treatmentShare the intended share in treatment, or null
 * @param fileName the imported file's name, or null
 * @param fileSha256 SHA-256 of the imported file's bytes, or null
 * @param inputFingerprint the book's fingerprint when the set was made
 * @param codeVersion the version of the code that made it
 * @param treatment customers in treatment
 * @param control customers in control
 * @param replaces the set of the same strategy this one superseded, or null
 * @param createdAt when (wall clock), for audit only
 */
public record AssignmentSet(
        long setId,
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
        long treatment,
        long control,
        Long replaces,
        Instant createdAt) {

    public AssignmentSet {
        Objects.requireNonNull(strategyId, "strategy id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(inputFingerprint, "input fingerprint");
        Objects.requireNonNull(codeVersion, "code version");
        Objects.requireNonNull(createdAt, "created at");
    }

    /** Customers assigned. */
    public long customers() {
        return treatment + control;
    }
}
