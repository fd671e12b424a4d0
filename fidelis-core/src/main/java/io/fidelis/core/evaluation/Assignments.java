package io.fidelis.core.evaluation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The arms of every customer of one strategy's evaluation, ordered by customer id, with their provenance. Immutable. */
public final class Assignments {

    private final List<Assignment> all;
    private final Map<String, Assignment> byCustomer;
    private final AssignmentProvenance provenance;

    Assignments(List<Assignment> all, AssignmentProvenance provenance) {
        this.all = List.copyOf(all);
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        Map<String, Assignment> index = new LinkedHashMap<>();
        for (Assignment assignment : this.all) {
            index.put(assignment.customerId(), assignment);
        }
        this.byCustomer = Collections.unmodifiableMap(index);
    }

    /** Every assignment, ordered by customer id. */
    public List<Assignment> all() {
        return all;
    }

    /** The customer's arm, or empty for a customer that was not assigned. */
    public Optional<Arm> armOf(String customerId) {
        return Optional.ofNullable(byCustomer.get(customerId)).map(Assignment::arm);
    }

    public AssignmentProvenance provenance() {
        return provenance;
    }

    /** Number of customers assigned. */
    public int size() {
        return all.size();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Assignments that && all.equals(that.all) && provenance.equals(that.provenance);
    }

    @Override
    public int hashCode() {
        return Objects.hash(all, provenance);
    }

    @Override
    public String toString() {
        return "Assignments[" + all.size() + " customers, " + provenance + "]";
    }
}
