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
 * store's query for one range runs while another range is mapped. The consumer of {@link #results} takes the ranges'
 * results in the ranges' order. The results are therefore the same, one for one, whatever the number of threads,
 * the size of the ranges or their timing.
 *
 * @param <R> what one history is mapped to
 */
final class HistoryPipeline<R> implements AutoCloseable {

    private final BookStore book;
    private final Function<CustomerHistory, R> map;
    private final int rangeSize;
    /** At most this many ranges are read ahead of the consumer: the memory bound. */
    private final BlockingQueue<Future<List<R>>> pending;

    private final AtomicBoolean stopped = new AtomicBoolean();
    private final ExecutorService pool;
    private final Thread planner;
    private final Future<List<R>> end = CompletableFuture.completedFuture(List.of());

    /**
     * Starts reading and mapping.
     *
     * @param workers threads that read and map histories, 1 or more
     * @param rangeSize customers per range: large enough to keep the cost of a range's queries small, small enough
     *     for memory (a range's results are held until the consumer takes them, 2 ranges per worker at most)
     * @param map applied to each history on a worker thread; must be safe to call from several threads at once
     */
    HistoryPipeline(BookStore book, int workers, int rangeSize, Function<CustomerHistory, R> map) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be 1 or more, not " + workers);
        }
        if (rangeSize < 1) {
            throw new IllegalArgumentException("ranges hold 1 customer or more, not " + rangeSize);
        }
        this.book = book;
        this.map = map;
        this.rangeSize = rangeSize;
        this.pending = new ArrayBlockingQueue<>(2 * workers);
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
    }

    /** Hands out the ranges in order, as fast as the memory bound allows. */
    private void plan() {
        try {
            for (CustomerRange range : book.customerRanges(rangeSize)) {
                put(pool.submit(() -> read(range)));
            }
            put(end);
        } catch (Stopped e) {
            // the consumer gave up: nobody waits for more
        } catch (RuntimeException | Error e) {
            try {
                put(CompletableFuture.failedFuture(e));
            } catch (Stopped ignored) {
                // the consumer gave up already
            }
        }
    }

    private List<R> read(CustomerRange range) {
        List<R> results = new ArrayList<>();
        book.forEachHistory(range, history -> {
            if (stopped.get()) {
                throw new Stopped();
            }
            results.add(map.apply(history));
        });
        return results;
    }

    private void put(Future<List<R>> batch) {
        try {
            while (!pending.offer(batch, 100, TimeUnit.MILLISECONDS)) {
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

    /** Thrown inside the planner or a worker to end the scan when the consumer has stopped. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }

    /** The results in hand-out order, waiting for each batch's workers. */
    private final class Results implements Iterator<R> {
        private final LongConsumer progress;
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
                Future<List<R>> future = take();
                if (future == end) {
                    ended = true;
                } else {
                    batch = await(future);
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

        private Future<List<R>> take() {
            try {
                return pending.take();
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
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(cause);
            }
        }
    }
}
