package io.fidelis.store;

import io.fidelis.store.duckdb.DuckDbFixture;
import io.fidelis.store.postgres.PostgresFixture;
import java.util.function.Supplier;

/** The stores every contract test runs against. */
public enum StoreKind {
    DUCKDB(DuckDbFixture::new),
    POSTGRES(PostgresFixture::new);

    private final Supplier<StoreFixture> fixture;

    StoreKind(Supplier<StoreFixture> fixture) {
        this.fixture = fixture;
    }

    /** A fixture for one test; for PostgreSQL, aborts the test (or fails it under CI) without a test database. */
    public StoreFixture newFixture() {
        return fixture.get();
    }
}
