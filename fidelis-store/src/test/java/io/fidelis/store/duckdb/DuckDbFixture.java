package io.fidelis.store.duckdb;

import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.store.Store;
import io.fidelis.store.StoreFixture;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;

/** Stores in DuckDB workspaces (the test's temporary folders). */
public final class DuckDbFixture implements StoreFixture {

    @Override
    public Store open(Path workspace) {
        return DuckDbBookStore.open(workspace);
    }

    @Override
    public long queryLong(Store store, String sql) {
        try (Statement statement = ((DuckDbBookStore) store).connection().createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void execute(Store store, String sql) {
        try (Statement statement = ((DuckDbBookStore) store).connection().createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void forEachHistory(Store store, int batchSize, Consumer<CustomerHistory> consumer) {
        ((DuckDbBookStore) store).forEachHistory(batchSize, consumer);
    }

    @Override
    public void close() {}
}
