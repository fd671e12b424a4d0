package io.fidelis.core.policy;

import java.util.List;
import java.util.stream.Collectors;

/** A policy that breaks its rules, with every problem found (not only the first). */
public final class InvalidPolicyException extends IllegalArgumentException {

    private final transient List<PolicyProblem> problems;

    public InvalidPolicyException(List<PolicyProblem> problems) {
        super(problems.stream().map(PolicyProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in the order found. */
    public List<PolicyProblem> problems() {
        return problems;
    }
}
