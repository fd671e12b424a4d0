package io.fidelis.store.duckdb;

import io.fidelis.store.sql.SqlCohorts;

/** {@link io.fidelis.store.Cohorts} of the book in the workspace's DuckDB database. */
public final class DuckDbCohorts extends SqlCohorts {

    private DuckDbCohorts(DuckDbBookStore book) {
        super(book.connection()::duplicate);
    }

    /** The cohorts of {@code book}. */
    public static DuckDbCohorts of(DuckDbBookStore book) {
        return new DuckDbCohorts(book);
    }
}
