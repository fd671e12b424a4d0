package io.fidelis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.domain.Customer;
import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.domain.Table;
import io.fidelis.store.BookStore;
import io.fidelis.store.CustomerRange;
import io.fidelis.store.ImportLogEntry;
import io.fidelis.store.ImportRequest;
import io.fidelis.store.ImportResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HistoryPipelineTest {

    @ParameterizedTest
    @CsvSource({"1, 16, 1", "16, 16, 16", "17, 16, 9", "100, 16, 15", "43, 16, 15", "5, 2, 2", "7, 1, 1"})
    void mergedRangesCoverTheSameCustomersInOrderAndAreFewEnough(int count, int most, int expected) {
        List<CustomerRange> ranges = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ranges.add(new CustomerRange(String.format("C%04d", 2 * i), String.format("C%04d", 2 * i + 1)));
        }

        List<CustomerRange> merged = HistoryPipeline.merged(ranges, most);

        assertThat(merged).hasSize(expected);
        assertThat(merged.get(0).first()).isEqualTo(ranges.get(0).first());
        assertThat(merged.get(merged.size() - 1).last())
                .isEqualTo(ranges.get(count - 1).last());
        for (CustomerRange range : ranges) {
            assertThat(merged.stream().filter(m -> m.contains(range.first()) && m.contains(range.last())))
                    .as("%s in exactly one merged range", range)
                    .hasSize(1);
        }
        for (int i = 1; i < merged.size(); i++) {
            assertThat(CustomerRange.compare(
                            merged.get(i - 1).last(), merged.get(i).first()))
                    .isNegative();
        }
    }

    /**
     * The consumer takes the first range's results in order; meanwhile the worker of the second range reads and maps
     * all of it into its own queue instead of stopping after a few batches, so both cores work whatever the consumer's
     * pace (with 4 batches ahead a worker waited for the range before it, and classify used 1.5 of 2 cores).
     */
    @Test
    void aWorkerAheadOfTheConsumerMapsItsWholeRangeWithoutWaiting() throws InterruptedException {
        CountDownLatch secondRangeMapped = new CountDownLatch(1);
        RangedBook book = new RangedBook(1_000, 500, secondRangeMapped);

        try (HistoryPipeline<String> pipeline =
                new HistoryPipeline<>(book, 2, 500, 10, 500, CustomerHistory::customerId)) {
            Iterator<String> results = pipeline.results(done -> {});
            assertThat(results.next()).isEqualTo("C0000");

            assertThat(secondRangeMapped.await(60, TimeUnit.SECONDS))
                    .as("the second range's 500 customers mapped while the first range's results wait")
                    .isTrue();
            List<String> all = new ArrayList<>(List.of("C0000"));
            results.forEachRemaining(all::add);
            assertThat(all).hasSize(1_000).isSorted();
        }
    }

    /** {@code customers} customers C0000 ..., in ranges of {@code rangeSize}; tells when the last range is read. */
    private static final class RangedBook implements BookStore {
        private final int customers;
        private final int rangeSize;
        private final CountDownLatch lastRangeRead;

        RangedBook(int customers, int rangeSize, CountDownLatch lastRangeRead) {
            this.customers = customers;
            this.rangeSize = rangeSize;
            this.lastRangeRead = lastRangeRead;
        }

        @Override
        public List<CustomerRange> customerRanges(int size) {
            List<CustomerRange> ranges = new ArrayList<>();
            for (int first = 0; first < customers; first += rangeSize) {
                ranges.add(new CustomerRange(id(first), id(Math.min(customers, first + rangeSize) - 1)));
            }
            return ranges;
        }

        @Override
        public void forEachHistory(CustomerRange range, Consumer<CustomerHistory> consumer) {
            int first = Integer.parseInt(range.first().substring(1));
            int last = Integer.parseInt(range.last().substring(1));
            for (int i = first; i <= last; i++) {
                consumer.accept(history(i));
            }
            if (last == customers - 1) {
                lastRangeRead.countDown();
            }
        }

        @Override
        public void forEachHistory(Consumer<CustomerHistory> consumer) {
            forEachHistory(new CustomerRange(id(0), id(customers - 1)), consumer);
        }

        @Override
        public ImportResult importBook(ImportRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<Table, Long> counts() {
            return Map.of(Table.CUSTOMERS, (long) customers);
        }

        @Override
        public Optional<CustomerHistory> history(String customerId) {
            return Optional.empty();
        }

        @Override
        public void forEachCustomer(Consumer<Customer> consumer) {
            for (int i = 0; i < customers; i++) {
                consumer.accept(Customer.withId(id(i)));
            }
        }

        @Override
        public String inputFingerprint() {
            return "none";
        }

        @Override
        public List<ImportLogEntry> imports() {
            return List.of();
        }

        @Override
        public void close() {}

        private static CustomerHistory history(int i) {
            return new CustomerHistory(Customer.withId(id(i)), List.of(), List.of(), List.of(), List.of(), List.of());
        }

        private static String id(int i) {
            return String.format("C%04d", i);
        }
    }
}
