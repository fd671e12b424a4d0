package io.fidelis.generator;

import java.time.LocalDate;
import java.util.Objects;

/**
 * How and when a customer's relationship ends, decided up front by the {@link Planner}: the churned and defaulted
 * archetypes end this way by design, and customers of the active archetypes may end this way through the background
 * hazards (see {@link Archetype}).
 *
 * @param kind leaving for a competitor, or no longer paying
 * @param on the day the customer refinances everything elsewhere, or from which it pays nothing
 */
record Exit(Kind kind, LocalDate on) {

    Exit {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(on, "on");
    }

    enum Kind {
        /** Moves every running loan to a competitor on that day and stops doing business; most also close. */
        LEAVES,
        /** Stops paying from that day on; its loans are declared defaulted 91 to 150 days after the first miss. */
        STOPS_PAYING
    }

    boolean leaves() {
        return kind == Kind.LEAVES;
    }
}
