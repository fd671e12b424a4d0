package io.fidelis.store.csv;

import io.fidelis.store.Reject;
import java.util.List;

/**
 * An overrides file that breaks a rule ({@link OverridesCsv}): refused whole. The message lists every problem listed,
 * one a line, as {@code file:line: column c value 'v' - what to do [rule]}.
 */
public final class OverridesFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Reject> rejects;
    private final long rejectCount;

    OverridesFileException(String file, List<Reject> rejects, long rejectCount) {
        super(message(file, rejects, rejectCount));
        this.rejects = List.copyOf(rejects);
        this.rejectCount = rejectCount;
    }

    /** The first {@value OverridesCsv#MAX_LISTED} problems, in file order. */
    public List<Reject> rejects() {
        return rejects;
    }

    /** Every problem. */
    public long rejectCount() {
        return rejectCount;
    }

    private static String message(String file, List<Reject> rejects, long rejectCount) {
        StringBuilder text = new StringBuilder()
                .append(file)
                .append(": ")
                .append(rejectCount)
                .append(rejectCount == 1 ? " problem" : " problems")
                .append("; no override of the file was used. Fix the file and run again.");
        for (Reject reject : rejects) {
            text.append('\n').append(reject.describe());
        }
        if (rejectCount > rejects.size()) {
            text.append("\n... and ").append(rejectCount - rejects.size()).append(" more");
        }
        return text.toString();
    }
}
