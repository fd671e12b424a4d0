package io.fidelis.store.sql;

import io.fidelis.store.Cohorts;
import io.fidelis.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.SortedMap;
import java.util.TreeMap;

/** {@link Cohorts} of the book in a store's database. */
public class SqlCohorts implements Cohorts {

    private static final String STARTED_BETWEEN = "SELECT customer_id, started FROM ("
            + "SELECT c.customer_id, COALESCE(c.onboarded_on, LEAST(l.first_loan, i.first_interaction)) AS started"
            + " FROM customers c"
            + " LEFT JOIN (SELECT customer_id, MIN(start_date) AS first_loan FROM loans GROUP BY customer_id) l"
            + " ON l.customer_id = c.customer_id"
            + " LEFT JOIN (SELECT customer_id, MIN(occurred_on) AS first_interaction FROM interactions"
            + " GROUP BY customer_id) i ON i.customer_id = c.customer_id) starts"
            + " WHERE started BETWEEN ? AND ?";

    private final Connections database;

    /** The cohorts of the book in the database {@code database} connects to. */
    public SqlCohorts(Connections database) {
        this.database = database;
    }

    @Override
    public SortedMap<String, LocalDate> startedBetween(LocalDate from, LocalDate to) {
        // code point order, as the book streams customers
        SortedMap<String, LocalDate> started = new TreeMap<>(Histories::compareIds);
        try (Connection connection = database.open();
                PreparedStatement sql = connection.prepareStatement(STARTED_BETWEEN)) {
            sql.setObject(1, from);
            sql.setObject(2, to);
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    started.put(rows.getString(1), rows.getObject(2, LocalDate.class));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read when the customers' relationships started: " + e.getMessage(), e);
        }
        return started;
    }
}
