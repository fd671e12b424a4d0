package io.fidelis.store.duckdb;

import io.fidelis.store.sql.SqlRunClasses;

/** {@link io.fidelis.store.RunClasses} of the runs in the workspace's DuckDB database. */
public final class DuckDbRunClasses extends SqlRunClasses {

    private DuckDbRunClasses(DuckDbBookStore book) {
        super(DuckDbRuns.of(book), book.connection()::duplicate);
    }

    /** The classes of the runs kept in {@code book}'s database. */
    public static DuckDbRunClasses of(DuckDbBookStore book) {
        return new DuckDbRunClasses(book);
    }
}
