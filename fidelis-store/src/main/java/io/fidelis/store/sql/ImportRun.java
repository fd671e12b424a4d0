package io.fidelis.store.sql;

import io.fidelis.store.FileRead;
import io.fidelis.store.ImportListener;
import io.fidelis.store.ImportRequest;
import io.fidelis.store.ImportResult;
import io.fidelis.store.ImportStatus;
import io.fidelis.store.Reject;
import io.fidelis.store.SourceFile;
import io.fidelis.store.TableImport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One import: stage every file's good rows, run the cross-row rules, then either write everything accepted in one
 * transaction or write nothing. The files' SHA-256 are computed on a second thread while the rows are read. The store
 * gives the staging (see {@link StagingArea}); the rest is the same for every store. A store runs one import at a time.
 */
public final class ImportRun {

    private static final int SAMPLE_BYTES = 64 * 1024;

    private final Connection connection;
    private final StagingArea staging;
    private final Path rejectsDirectory;
    private final ImportRequest request;
    private final ImportListener listener;
    private final Clock clock;

    public ImportRun(
            Connection connection, StagingArea staging, Path rejectsDirectory, ImportRequest request, Clock clock) {
        this.connection = connection;
        this.staging = staging;
        this.rejectsDirectory = rejectsDirectory;
        this.request = request;
        this.listener = request.listener();
        this.clock = clock;
    }

    public ImportResult run() throws IOException, SQLException {
        List<SourceFile> files = request.source().files();
        long importId = ImportLog.nextId(connection);
        ExecutorService hashing = Executors.newSingleThreadExecutor(daemon("fidelis-import-sha256"));
        try {
            List<CompletableFuture<String>> hashes = new ArrayList<>();
            for (SourceFile file : files) {
                hashes.add(CompletableFuture.supplyAsync(() -> sha256(file.path()), hashing));
            }
            return importFiles(importId, files, hashes);
        } finally {
            hashing.shutdownNow();
            staging.drop(connection);
        }
    }

    private ImportResult importFiles(long importId, List<SourceFile> files, List<CompletableFuture<String>> hashes)
            throws IOException, SQLException {
        long totalBytes = files.stream().mapToLong(SourceFile::bytes).sum();
        listener.started(totalBytes, files.size());
        int[] filesPerTable = new int[StoredTable.values().length];
        long[] readPerTable = new long[StoredTable.values().length];
        long[] rejectedPerTable = new long[StoredTable.values().length];
        long[] stagedPerTable = new long[StoredTable.values().length];
        staging.create(connection);
        List<Staged> staged = stageAll(files, totalBytes);
        List<FileRead> reads = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            int t = files.get(i).table().ordinal();
            Staged file = staged.get(i);
            reads.add(file.read());
            filesPerTable[t]++;
            readPerTable[t] += file.read().rowsRead();
            rejectedPerTable[t] += file.read().rowsRejected() + file.rowsRejected();
            stagedPerTable[t] += file.staged();
        }

        listener.step("checking keys and references");
        staging.staged(connection);
        CrossRowRules.apply(connection, staging);
        staging.staged(connection);
        long[] crossRowRejects = new long[StoredTable.values().length];
        long[] allRejects = new long[StoredTable.values().length];
        countRejects(crossRowRejects, allRejects);
        long rejectCount = 0;
        for (long n : allRejects) {
            rejectCount += n;
        }
        ImportStatus status = rejectCount > request.maxErrors() ? ImportStatus.ROLLED_BACK : ImportStatus.COMMITTED;

        Optional<Path> rejectsFile = Optional.empty();
        List<Reject> firstRejects = List.of();
        if (rejectCount > 0) {
            Path path = RejectsFile.pathFor(rejectsDirectory, importId);
            firstRejects = RejectsFile.write(connection, staging, path, ImportResult.FIRST_REJECTS);
            rejectsFile = Optional.of(path);
        }

        List<ImportLog.FileEntry> entries = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            FileRead read = reads.get(i);
            entries.add(new ImportLog.FileEntry(
                    files.get(i),
                    join(hashes.get(i)),
                    read.rowsRead(),
                    read.encoding(),
                    FileRead.PARQUET.equals(read.encoding()) ? null : read.delimiter()));
        }

        listener.step(status == ImportStatus.COMMITTED ? "writing to the book" : "rolling back");
        Merge merge = new Merge(connection, importId, staging);
        if (status == ImportStatus.COMMITTED) {
            merge.prepare();
        }
        connection.setAutoCommit(false);
        try {
            List<TableImport> tables = new ArrayList<>();
            long changed = 0;
            for (StoredTable table : StoredTable.values()) {
                int t = table.ordinal();
                long accepted = stagedPerTable[t] - crossRowRejects[t];
                Merge.Written written =
                        status == ImportStatus.COMMITTED && accepted > 0 ? merge.into(table) : new Merge.Written(0, 0);
                changed += written.inserted() + written.updated();
                tables.add(new TableImport(
                        table.table,
                        filesPerTable[t],
                        readPerTable[t],
                        rejectedPerTable[t] + crossRowRejects[t],
                        allRejects[t],
                        accepted,
                        written.inserted(),
                        written.updated()));
            }
            if (status == ImportStatus.COMMITTED) {
                staging.merged(connection, listener);
            }
            String previous = ImportLog.latestFingerprint(connection);
            String fingerprint = changed > 0 ? ImportLog.chain(previous, entries, tables) : previous;
            ImportResult result = new ImportResult(
                    importId, status, tables, rejectCount, firstRejects, rejectsFile, staging.warnings(), fingerprint);
            ImportLog.record(
                    connection, result, request.source().description(), request.maxErrors(), clock.instant(), entries);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** What staging one file gave. */
    private record Staged(FileRead read, long staged, long rowsRejected) {}

    /**
     * Reads and stages every file, several at a time (reading and appending are the slow part, and files are independent until the
     * cross-row rules), biggest first so the threads finish together; each thread appends through its own
     * connection. Returns the results in the files' order.
     */
    private List<Staged> stageAll(List<SourceFile> files, long totalBytes) throws IOException, SQLException {
        Staged[] results = new Staged[files.size()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer i) -> files.get(i).bytes()).reversed());
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        Progress progress = new Progress(listener, files, totalBytes);
        int threads = Math.max(1, Math.min(staging.threads(), files.size()));
        ExecutorService readers = Executors.newFixedThreadPool(threads, daemon("fidelis-import-reader"));
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(readers.submit(() -> {
                    Connection own = staging.connectionForThread(connection);
                    try {
                        for (int k = next.getAndIncrement();
                                k < order.size() && !failed.get();
                                k = next.getAndIncrement()) {
                            int i = order.get(k);
                            results[i] = stage(own, files.get(i), i, progress);
                        }
                    } catch (IOException | SQLException | RuntimeException e) {
                        failed.set(true);
                        throw e;
                    } finally {
                        if (own != connection) {
                            own.close();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                join(worker);
            }
        } finally {
            readers.shutdownNow();
        }
        return List.of(results);
    }

    private Staged stage(Connection own, SourceFile file, int index, Progress progress)
            throws IOException, SQLException {
        progress.fileStarted(index);
        double bytesPerLine = bytesPerLine(file);
        FileRead read;
        long staged;
        long rowsRejected;
        try (StagingSink sink = staging.sinkFor(
                own, file, index, line -> progress.at(index, Math.min(file.bytes(), (long) (line * bytesPerLine))))) {
            read = request.source().read(file, sink);
            staged = sink.staged();
            rowsRejected = sink.rowsRejected();
        }
        boolean warned = staging.warnings().stream().anyMatch(w -> w.startsWith(file.name() + ":"));
        if (!read.unknownColumns().isEmpty() && !warned) {
            staging.warn(file.name() + ": unknown columns kept aside: " + String.join(", ", read.unknownColumns()));
        }
        progress.at(index, file.bytes());
        return new Staged(read, staged, rowsRejected);
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Serialises the readers' progress reports for the listener. */
    private static final class Progress {
        private final ImportListener listener;
        private final List<SourceFile> files;
        private final long totalBytes;
        private final long[] done;
        private long allDone;

        Progress(ImportListener listener, List<SourceFile> files, long totalBytes) {
            this.listener = listener;
            this.files = files;
            this.totalBytes = totalBytes;
            this.done = new long[files.size()];
        }

        synchronized void fileStarted(int index) {
            listener.fileStarted(files.get(index), allDone);
        }

        synchronized void at(int index, long bytes) {
            allDone += bytes - done[index];
            done[index] = bytes;
            listener.progressed(allDone, totalBytes);
        }
    }

    private static void join(Future<?> worker) throws IOException, SQLException {
        try {
            worker.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the files", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }

    private void countRejects(long[] crossRow, long[] all) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery(
                        "SELECT table_ord, COUNT(*), COUNT(seq) FROM " + staging.rejects() + " GROUP BY table_ord")) {
            while (rows.next()) {
                int t = rows.getInt(1) - 1;
                all[t] = rows.getLong(2);
                crossRow[t] = rows.getLong(3);
            }
        }
    }

    /** Estimated from the file's first bytes, to turn the line reached into bytes read for the progress bar. */
    private static double bytesPerLine(SourceFile file) throws IOException {
        byte[] sample = new byte[(int) Math.min(SAMPLE_BYTES, Math.max(file.bytes(), 1))];
        int length;
        try (InputStream in = Files.newInputStream(file.path())) {
            length = in.readNBytes(sample, 0, sample.length);
        }
        int lines = 0;
        for (int i = 0; i < length; i++) {
            if (sample[i] == '\n') {
                lines++;
            }
        }
        return lines == 0 ? Math.max(length, 1) : (double) length / lines;
    }

    private static String sha256(Path file) {
        MessageDigest digest = ImportLog.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String join(CompletableFuture<String> hash) throws IOException {
        try {
            return hash.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while hashing the files", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
