package io.fidelis.cli;

import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.store.BookStore;
import io.fidelis.store.CustomerRange;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Maps every customer history of the book on every core, in bounded memory, and gives the results in the book's
 * customer-id order. The book is split into ranges of customers ({@link BookStore#customerRanges}); worker threads
 * each read a range's histories ({@link BookStore#forEachHistory(CustomerRange, java.util.function.Consumer)}) and
 * map them as they come, so that reading, which was one thread's work, is spread over the cores as well, and the
 * store's queries for one range run while another range is mapped. Each range hands its results on in batches through
 * a queue of its own, and the consumer of {@link #results} drains the ranges' queues in the ranges' order: a worker
 * ahead of the consumer maps up to {@code ahead} results before it waits (a snapshot lets it map a whole range: with
 * only a few batches ahead, the second worker waited for the range before it most of the time, and classify used 1.5
 * of 2 cores), so memory holds that many results per worker, whatever the size of the book. The
 * results are therefore the same, one for one, whatever the number of threads, the size of the ranges or their
 * timing.
 *
 * @param <R> what one history is mapped to
 */
final class HistoryPipeline<R> implements AutoCloseable {

    /** Batches a range holds ahead of the consumer at the least. */
    static final int BATCHES_AHEAD = 4;

    /**
     * Ranges at most: a larger book's ranges are merged into this many (1.28M customers in ranges of 10,000). A table
     * whose rows are not stored in customer order (a workspace imported before 2026-11-29, until its next import) is
     * scanned whole by each range's query, about a second per range at 1M customers; in customer order each range's
     * queries read only its rows.
     */
    static final int MAX_RANGES = 128;

    private final BookStore book;
    private final Function<CustomerHistory, R> map;
    private final int rangeSize;
    private final int batchSize;
    /** Batches a range may hold ahead of the consumer (and its end). */
    private final int batchesAhead;
    /** The ranges handed to the workers, in order: at most 2 per worker are started ahead of the consumer. */
    private final BlockingQueue<Part> pending;

    private final AtomicBoolean stopped = new AtomicBoolean();
    private final ExecutorService pool;
    private final Thread planner;
    private final Part end;
    private final int workers;
    private volatile ExecutorService mappers;

    /**
     * Starts reading and mapping.
     *
     * @param workers threads that read and map histories, 1 or more
     * @param rangeSize customers per range: large enough to keep the cost of a range's queries small
     * @param batchSize results per hand-over: large enough to keep hand-over costs small, small enough for memory
     * @param ahead results a range may hold before the consumer takes them: {@code rangeSize} lets a worker map its
     *     whole range while the consumer is busy with the range before it (a snapshot, whose consumer is quick), a few
     *     batches keep memory small where the consumer is the slower side (a series, storing 36 rows per customer)
     * @param map applied to each history on a worker thread; must be safe to call from several threads at once
     */
    HistoryPipeline(
            BookStore book, int workers, int rangeSize, int batchSize, int ahead, Function<CustomerHistory, R> map) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be 1 or more, not " + workers);
        }
        if (rangeSize < 1) {
            throw new IllegalArgumentException("ranges hold 1 customer or more, not " + rangeSize);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batches hold 1 result or more, not " + batchSize);
        }
        this.book = book;
        this.map = map;
        this.rangeSize = rangeSize;
        this.batchSize = batchSize;
        this.batchesAhead = Math.max(BATCHES_AHEAD, (ahead + batchSize - 1) / batchSize + 1);
        this.end = new Part();
        this.workers = workers;
        this.pending = new ArrayBlockingQueue<>(2 * workers);
        // a fixed pool takes its tasks first come, first served: a range starts no later than the ranges after it, so
        // the range the consumer waits for is always running or done
        this.pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "fidelis-classify");
            thread.setDaemon(true);
            return thread;
        });
        this.planner = new Thread(this::plan, "fidelis-plan-ranges");
        planner.setDaemon(true);
        planner.start();
    }

    /**
     * The results in customer-id order; to be consumed once, from one thread.
     *
     * @param progress told the number of results taken so far, now and then
     */
    Iterator<R> results(LongConsumer progress) {
        return new Results(progress);
    }

    /** Stops reading and mapping, whether or not every result was taken. */
    @Override
    public void close() {
        stopped.set(true);
        pending.clear();
        pool.shutdownNow();
        joinQuietly(planner);
        ExecutorService started = mappers;
        if (started != null) {
            started.shutdownNow();
        }
    }

    private ExecutorService mappers() {
        mappers = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "fidelis-classify-map");
            thread.setDaemon(true);
            return thread;
        });
        return mappers;
    }

    /** Hands out the ranges in order, as fast as the memory bound allows. */
    private void plan() {
        try {
            List<CustomerRange> ranges = merged(book.customerRanges(rangeSize), MAX_RANGES);
            // a store that cannot split its book gives one range: one worker reads, the others map
            ExecutorService mappers = ranges.size() == 1 && workers > 1 ? mappers() : null;
            for (CustomerRange range : ranges) {
                Part part = new Part();
                offer(pending, part);
                pool.execute(() -> part.fill(range, mappers));
            }
            offer(pending, end);
        } catch (Stopped e) {
            // the consumer gave up: nobody waits for more
        } catch (RuntimeException | Error e) {
            Part failed = new Part();
            failed.failure = e;
            try {
                offer(failed.batches, failed.done);
                offer(pending, failed);
            } catch (Stopped ignored) {
                // the consumer gave up already
            }
        }
    }

    /** Consecutive ranges merged, neighbours with neighbours, into {@code most} ranges or fewer. */
    static List<CustomerRange> merged(List<CustomerRange> ranges, int most) {
        int per = (ranges.size() + most - 1) / most;
        if (per <= 1) {
            return ranges;
        }
        List<CustomerRange> merged = new ArrayList<>(most);
        for (int i = 0; i < ranges.size(); i += per) {
            CustomerRange last = ranges.get(Math.min(ranges.size(), i + per) - 1);
            merged.add(new CustomerRange(ranges.get(i).first(), last.last()));
        }
        return merged;
    }

    /** Puts {@code item} into {@code queue}, waiting while it is full, unless the consumer stops. */
    private <T> void offer(BlockingQueue<T> queue, T item) {
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (stopped.get()) {
                    throw new Stopped();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One range's results, handed on in batches, then {@link #done}. */
    private final class Part {
        final BlockingQueue<Future<List<R>>> batches = new ArrayBlockingQueue<>(batchesAhead);
        final Future<List<R>> done = CompletableFuture.completedFuture(List.of());
        volatile Throwable failure;

        /**
         * Reads the range on a worker; maps it there too, or, when {@code mappers} is given (a book in one range),
         * hands each batch of histories to them, so that mapping still uses every core.
         */
        void fill(CustomerRange range, ExecutorService mappers) {
            try {
                List<CustomerHistory> histories = new ArrayList<>(batchSize);
                List<R> batch = new ArrayList<>(batchSize);
                book.forEachHistory(range, history -> {
                    if (stopped.get()) {
                        throw new Stopped();
                    }
                    if (mappers == null) {
                        batch.add(map.apply(history));
                        if (batch.size() == batchSize) {
                            offer(batches, CompletableFuture.completedFuture(List.copyOf(batch)));
                            batch.clear();
                        }
                    } else {
                        histories.add(history);
                        if (histories.size() == batchSize) {
                            offer(batches, mappers.submit(mapping(List.copyOf(histories))));
                            histories.clear();
                        }
                    }
                });
                if (!batch.isEmpty()) {
                    offer(batches, CompletableFuture.completedFuture(List.copyOf(batch)));
                }
                if (!histories.isEmpty()) {
                    offer(batches, mappers.submit(mapping(List.copyOf(histories))));
                }
                offer(batches, done);
            } catch (Stopped e) {
                // the consumer gave up: nobody waits for more
            } catch (RuntimeException | Error e) {
                failure = e;
                try {
                    offer(batches, done);
                } catch (Stopped ignored) {
                    // the consumer gave up already
                }
            }
        }

        private Callable<List<R>> mapping(List<CustomerHistory> histories) {
            return () -> {
                List<R> results = new ArrayList<>(histories.size());
                for (CustomerHistory history : histories) {
                    results.add(map.apply(history));
                }
                return results;
            };
        }
    }

    /** Thrown inside the planner or a worker to end the scan when the consumer has stopped. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }

    /** The results in range order, each range's batches in their order, waiting for the workers. */
    private final class Results implements Iterator<R> {
        private final LongConsumer progress;
        private Part part;
        private List<R> batch = List.of();
        private int next;
        private long done;
        private boolean ended;

        Results(LongConsumer progress) {
            this.progress = progress;
        }

        @Override
        public boolean hasNext() {
            while (!ended && next == batch.size()) {
                if (part == null) {
                    part = take(pending);
                    if (part == end) {
                        ended = true;
                        break;
                    }
                }
                Future<List<R>> taken = take(part.batches);
                if (taken == part.done) {
                    rethrow(part.failure);
                    part = null;
                } else {
                    batch = await(taken);
                    next = 0;
                    progress.accept(done);
                }
            }
            return !ended;
        }

        @Override
        public R next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            done++;
            return batch.get(next++);
        }

        private <T> T take(BlockingQueue<T> queue) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while classifying", e);
            }
        }

        private List<R> await(Future<List<R>> future) {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while classifying", e);
            } catch (ExecutionException e) {
                rethrow(e.getCause());
                throw new IllegalStateException(e);
            }
        }

        private void rethrow(Throwable failure) {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
        }
    }
}
