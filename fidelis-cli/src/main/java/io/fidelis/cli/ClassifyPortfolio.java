package io.fidelis.cli;

import io.fidelis.core.classification.Classification;
import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.store.BookStore;
import io.fidelis.store.RunHeader;
import io.fidelis.store.RunProvenance;
import io.fidelis.store.Runs;
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
import java.util.function.LongConsumer;

/**
 * Classifies every customer of the book and stores the results as one run, in bounded memory and on every core: a
 * reader thread streams the histories in customer-id order and hands them out in batches, worker threads classify
 * the batches, and the calling thread stores the batches' results in the order they were handed out. The run is
 * therefore the same, customer for customer and row for row, whatever the number of threads or their timing.
 */
final class ClassifyPortfolio {

    /** Histories per batch: large enough to keep hand-over costs small, small enough for the memory bound. */
    private static final int BATCH = 256;

    /** Marks the end of the batches. */
    private static final Future<List<Classification>> END = CompletableFuture.completedFuture(List.of());

    private final BookStore book;
    private final Runs runs;
    private final Evaluation evaluation;
    private final int workers;

    ClassifyPortfolio(BookStore book, Runs runs, Evaluation evaluation, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be 1 or more, not " + workers);
        }
        this.book = book;
        this.runs = runs;
        this.evaluation = evaluation;
        this.workers = workers;
    }

    /**
     * Classifies and stores the run.
     *
     * @param progress told the number of customers stored so far, now and then
     */
    RunHeader run(RunProvenance provenance, LongConsumer progress) {
        // at most this many batches are read ahead of the writer: the memory bound
        BlockingQueue<Future<List<Classification>>> pending = new ArrayBlockingQueue<>(4 * workers);
        AtomicBoolean stopped = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "fidelis-classify");
            thread.setDaemon(true);
            return thread;
        });
        Thread reader = new Thread(() -> read(pool, pending, stopped), "fidelis-read-histories");
        reader.setDaemon(true);
        reader.start();
        try {
            return runs.save(provenance, new Results(pending, progress));
        } finally {
            stopped.set(true);
            pending.clear();
            pool.shutdownNow();
            joinQuietly(reader);
        }
    }

    private void read(
            ExecutorService pool, BlockingQueue<Future<List<Classification>>> pending, AtomicBoolean stopped) {
        try {
            List<CustomerHistory> batch = new ArrayList<>(BATCH);
            book.forEachHistory(history -> {
                batch.add(history);
                if (batch.size() == BATCH) {
                    handOut(pool, pending, stopped, List.copyOf(batch));
                    batch.clear();
                }
            });
            if (!batch.isEmpty()) {
                handOut(pool, pending, stopped, List.copyOf(batch));
            }
            put(pending, stopped, END);
        } catch (Stopped e) {
            // the writer gave up: nobody waits for more
        } catch (RuntimeException | Error e) {
            try {
                put(pending, stopped, CompletableFuture.failedFuture(e));
            } catch (Stopped ignored) {
                // the writer gave up already
            }
        }
    }

    private void handOut(
            ExecutorService pool,
            BlockingQueue<Future<List<Classification>>> pending,
            AtomicBoolean stopped,
            List<CustomerHistory> batch) {
        put(pending, stopped, pool.submit(() -> classify(batch)));
    }

    private List<Classification> classify(List<CustomerHistory> batch) {
        List<Classification> results = new ArrayList<>(batch.size());
        for (CustomerHistory history : batch) {
            try {
                results.add(evaluation.classify(history));
            } catch (RuntimeException e) {
                throw new IllegalStateException("classifying customer " + history.customerId() + " failed: " + e, e);
            }
        }
        return results;
    }

    private static void put(
            BlockingQueue<Future<List<Classification>>> pending,
            AtomicBoolean stopped,
            Future<List<Classification>> batch) {
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

    /** Thrown inside the reader to end the scan when the writer has stopped. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }

    /** The results in hand-out order, waiting for each batch's workers. */
    private static final class Results implements Iterator<Classification> {
        private final BlockingQueue<Future<List<Classification>>> pending;
        private final LongConsumer progress;
        private List<Classification> batch = List.of();
        private int next;
        private long done;
        private boolean ended;

        Results(BlockingQueue<Future<List<Classification>>> pending, LongConsumer progress) {
            this.pending = pending;
            this.progress = progress;
        }

        @Override
        public boolean hasNext() {
            while (!ended && next == batch.size()) {
                Future<List<Classification>> future = take();
                if (future == END) {
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
        public Classification next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            done++;
            return batch.get(next++);
        }

        private Future<List<Classification>> take() {
            try {
                return pending.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while classifying", e);
            }
        }

        private static List<Classification> await(Future<List<Classification>> future) {
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
