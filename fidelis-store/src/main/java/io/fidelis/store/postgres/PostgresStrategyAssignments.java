package io.fidelis.store.postgres;

import io.fidelis.store.ArmAssignment;
import io.fidelis.store.sql.SqlStrategyAssignments;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** Strategies' assignments in PostgreSQL: a set's rows go in with COPY inside its transaction. */
final class PostgresStrategyAssignments extends SqlStrategyAssignments {

    PostgresStrategyAssignments(DataSource pool) {
        super(pool::getConnection);
    }

    @Override
    protected void append(Connection connection, long setId, List<ArmAssignment> assignments) throws SQLException {
        try (CopyRows copy =
                new CopyRows(connection, "assignments", "set_id, customer_id, arm, assigned_on, stratum")) {
            for (ArmAssignment assignment : assignments) {
                copy.plain(setId);
                copy.text(assignment.customerId());
                copy.text(assignment.arm().code());
                copy.plain(assignment.assignedOn());
                copy.text(assignment.stratum());
                copy.endRow();
            }
        }
    }
}
