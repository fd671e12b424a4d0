package io.fidelis.store;

import io.fidelis.core.domain.CustomerHistory;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Opens the stores of one test on one kind of database, lets the test look inside, and cleans up after it. */
public interface StoreFixture extends AutoCloseable {

    /** Opens (or opens again) the store of {@code workspace}: a new, empty one the first time. */
    Store open(Path workspace);

    /** The single number {@code sql} selects, run beside the store. */
    long queryLong(Store store, String sql);

    /** Runs a statement beside the store. */
    void execute(Store store, String sql);

    /** The store's histories read {@code batchSize} customers at a time. */
    void forEachHistory(Store store, int batchSize, Consumer<CustomerHistory> consumer);

    /** Drops what the test made (a database schema). */
    @Override
    void close();
}
