package io.fidelis.store;

import java.time.LocalDate;
import java.util.SortedMap;

/**
 * Customers grouped by when their relationship started: its {@code onboarded_on}, or when that is empty its first loan
 * or interaction, as the input contract defines it.
 *
 * <p>Portable SQL: the customers' {@code COALESCE(onboarded_on, LEAST(first loan start_date, first interaction
 * occurred_on))}, the first ones from {@code GROUP BY customer_id} subqueries joined to {@code customers}, filtered
 * in an outer query (PostgreSQL does not filter on a column alias); {@code LEAST} skips NULLs in both DuckDB and
 * PostgreSQL.
 */
public interface Cohorts {

    /** The customers whose relationship started from {@code from} to {@code to}, both included: id to start date. */
    SortedMap<String, LocalDate> startedBetween(LocalDate from, LocalDate to);
}
