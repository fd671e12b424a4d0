package io.fidelis.core.policy;

/**
 * One thing wrong with a policy.
 *
 * @param path where, as a key path into the policy document, e.g. {@code tiers.bands[1].min}; empty for the whole
 *     document
 * @param message what is wrong and, where it helps, what is allowed
 */
public record PolicyProblem(String path, String message) {

    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
