package io.fidelis.cli;

import io.fidelis.core.domain.Customer;
import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.domain.Table;
import io.fidelis.store.BookStore;
import io.fidelis.store.ImportLogEntry;
import io.fidelis.store.ImportRequest;
import io.fidelis.store.ImportResult;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** A book store that cannot split its book into ranges (BookStore's defaults), over another store's book. */
record UnsplitBook(BookStore book) implements BookStore {

    @Override
    public ImportResult importBook(ImportRequest request) throws IOException {
        return book.importBook(request);
    }

    @Override
    public Map<Table, Long> counts() {
        return book.counts();
    }

    @Override
    public void forEachHistory(Consumer<CustomerHistory> consumer) {
        book.forEachHistory(consumer);
    }

    @Override
    public Optional<CustomerHistory> history(String customerId) {
        return book.history(customerId);
    }

    @Override
    public void forEachCustomer(Consumer<Customer> consumer) {
        book.forEachCustomer(consumer);
    }

    @Override
    public String inputFingerprint() {
        return book.inputFingerprint();
    }

    @Override
    public List<ImportLogEntry> imports() {
        return book.imports();
    }

    @Override
    public void close() {
        book.close();
    }
}
