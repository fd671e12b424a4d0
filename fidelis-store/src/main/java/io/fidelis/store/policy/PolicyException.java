package io.fidelis.store.policy;

import java.util.List;
import java.util.stream.Collectors;

/** A policy file that cannot be used, with every problem found in it. */
public final class PolicyException extends Exception {

    private final transient List<Problem> problems;

    PolicyException(List<Problem> problems) {
        super(problems.stream().map(Problem::describe).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in the order of the file. */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * One problem in a policy file.
     *
     * @param source the file's name as given
     * @param line 1-based line, or 0 when unknown
     * @param column 1-based column, or 0 when unknown
     * @param path key path in the document, e.g. {@code tiers.bands[1].min}; empty for the whole file
     * @param message what is wrong and what is allowed
     */
    public record Problem(String source, int line, int column, String path, String message) {

        /** One line for terminals: {@code default.yaml:12: factors[3].feature: unknown feature 'foo' (...)}. */
        public String describe() {
            StringBuilder out = new StringBuilder(source);
            if (line > 0) {
                out.append(':').append(line);
                if (column > 0) {
                    out.append(':').append(column);
                }
            }
            out.append(": ");
            if (!path.isEmpty()) {
                out.append(path).append(": ");
            }
            return out.append(message).toString();
        }
    }
}
