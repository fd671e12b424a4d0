package io.fidelis.service;

import io.fidelis.store.AuditEntry;
import io.fidelis.store.AuditLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Write-ahead for the audit log: a request's entry is appended to a journal file (one line, written to the operating
 * system before the request answers, so an action that answered survives the service being killed), and one writer
 * thread commits the waiting entries to the {@link AuditLog} in one transaction every few milliseconds (group commit).
 * Requests no longer wait for a database commit. Once everything written is committed the journal is emptied.
 *
 * <p>Order: entries are journaled and queued under one lock, with their time taken inside it, so the log's numbers
 * follow the order of the journal and of the times. On a normal shutdown {@link #close} commits every entry still
 * waiting. On start, entries left in the journal by a service that was killed are committed first; those the killed
 * service had committed just before (the journal's first entries equal to the log's last ones) are not added again.
 */
final class AuditJournal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AuditJournal.class);

    private static final int MAX_BATCH = 2000;

    /**
     * How many of the log's latest entries beyond the journal's length are searched for the journal's entries at a
     * start after a kill: room for what other services on a shared store wrote in between.
     */
    static final int RECOVERY_WINDOW = 100_000;

    /**
     * The least time between two commits: a DuckDB commit costs about 5 ms of CPU whatever its size, so committing
     * each entry as it came took a third of a busy service's CPU (50 requests per second). Requests do not wait for commits, so waiting here
     * delays nothing but the log's readers ({@link #awaitCommitted}).
     */
    private static final long COMMIT_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final AuditLog auditLog;
    private final Path file;
    private final FileChannel channel;
    private final Object lock = new Object();
    private final ArrayDeque<AuditEntry> waiting = new ArrayDeque<>();
    private final Thread writer;
    private boolean closing;
    private boolean reader;
    private long appended;
    private long committed;

    AuditJournal(AuditLog auditLog, Path file) {
        this.auditLog = auditLog;
        this.file = file;
        try {
            // with the book on PostgreSQL the workspace folder holds only this journal: it may not exist yet
            Files.createDirectories(file.toAbsolutePath().getParent());
            this.channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            // two services on one PostgreSQL store must not share a journal: the second would commit the first's
            // waiting entries as its own recovery, and each would empty the other's
            if (!locked(channel)) {
                channel.close();
                throw new IllegalStateException("another service is using the audit journal " + file.toAbsolutePath()
                        + ": give each service on a shared store its own --workspace folder");
            }
            recover();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit journal " + file + ": " + e.getMessage(), e);
        }
        this.writer = new Thread(this::commitLoop, "audit-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Journals an entry stamped with {@code clock}'s time now and queues it for the log; returns once it is in the
     * journal. Fails (and the request with it) when the journal cannot be written or the service is stopping.
     */
    void append(java.time.Clock clock, String actor, String action, String target, String detail) {
        synchronized (lock) {
            if (closing) {
                throw new IllegalStateException("the service is stopping: the action was not done");
            }
            AuditEntry entry = AuditEntry.of(clock.instant(), actor, action, target, detail);
            ByteBuffer line = ByteBuffer.wrap(line(entry).getBytes(StandardCharsets.UTF_8));
            try {
                while (line.hasRemaining()) {
                    channel.write(line);
                }
            } catch (IOException e) {
                throw new IllegalStateException("the audit log could not be written: " + e.getMessage(), e);
            }
            waiting.add(entry);
            appended++;
            lock.notifyAll();
        }
    }

    private void commitLoop() {
        long lastCommit = System.nanoTime() - COMMIT_INTERVAL_NANOS;
        while (true) {
            List<AuditEntry> batch;
            synchronized (lock) {
                long nextCommit = lastCommit + COMMIT_INTERVAL_NANOS;
                while (!closing && (waiting.isEmpty() || (System.nanoTime() < nextCommit && !reader))) {
                    long left = waiting.isEmpty() ? 0 : nextCommit - System.nanoTime();
                    try {
                        if (left > 0) {
                            TimeUnit.NANOSECONDS.timedWait(lock, left);
                        } else if (waiting.isEmpty()) {
                            lock.wait();
                        }
                    } catch (InterruptedException e) {
                        // only close() stops the writer, after the last entry is committed
                    }
                }
                if (waiting.isEmpty()) {
                    return;
                }
                batch = new ArrayList<>(Math.min(waiting.size(), MAX_BATCH));
                for (AuditEntry entry : waiting) {
                    if (batch.size() == MAX_BATCH) {
                        break;
                    }
                    batch.add(entry);
                }
            }
            lastCommit = System.nanoTime();
            try {
                auditLog.appendAll(batch);
            } catch (RuntimeException e) {
                log.error("audit entries not yet committed (kept in the journal, trying again): {}", e.getMessage());
                pause();
                continue;
            }
            synchronized (lock) {
                for (int i = 0; i < batch.size(); i++) {
                    waiting.poll();
                }
                committed += batch.size();
                if (committed >= appended) {
                    reader = false;
                }
                if (waiting.isEmpty()) {
                    try {
                        channel.truncate(0);
                    } catch (IOException e) {
                        // a journal not emptied is harmless: on start its entries equal the log's last and are skipped
                        log.warn("cannot empty the audit journal: {}", e.getMessage());
                    }
                }
                lock.notifyAll();
            }
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(200);
        } catch (InterruptedException e) {
            // keep trying: entries must reach the log
        }
    }

    /** Waits until every entry journaled before this call is committed to the log (to read the log). */
    void awaitCommitted() {
        synchronized (lock) {
            long target = appended;
            reader = committed < target;
            lock.notifyAll();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (committed < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("the audit log is not keeping up; try again");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the audit log", e);
                }
            }
        }
    }

    /** How many entries wait for their commit (for tests). */
    int waiting() {
        synchronized (lock) {
            return waiting.size();
        }
    }

    /** Refuses new entries, commits every waiting one, and closes the journal (emptied unless a commit failed). */
    @Override
    public void close() {
        synchronized (lock) {
            closing = true;
            lock.notifyAll();
        }
        try {
            writer.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            channel.close();
        } catch (IOException e) {
            log.warn("cannot close the audit journal: {}", e.getMessage());
        }
        if (writer.isAlive()) {
            log.error("audit entries could not be committed before stopping; they stay in {} for the next start", file);
        }
    }

    private static boolean locked(FileChannel channel) throws IOException {
        try {
            return channel.tryLock() != null;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return false; // this JVM holds it already: another service in the same process
        }
    }

    /** Commits the entries a killed service left in the journal, without those it had committed already. */
    private void recover() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        List<AuditEntry> journaled = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isEmpty()) {
                journaled.add(parse(line));
            }
        }
        if (journaled.isEmpty()) {
            return;
        }
        // other services on a shared store may have written after this one's last commit: look further back than the
        // journal's length and recognise its entries among theirs
        List<AuditEntry> recent = auditLog.latest(journaled.size() + RECOVERY_WINDOW);
        int committed = committedPrefix(journaled, recent);
        List<AuditEntry> missing = journaled.subList(committed, journaled.size());
        if (!missing.isEmpty()) {
            auditLog.appendAll(missing);
        }
        log.info(
                "audit journal of a service that stopped abruptly: {} entries committed now, {} were already",
                missing.size(),
                committed);
        Files.write(file, new byte[0]);
    }

    /**
     * How many of the journal's first entries are in the log already: the journal's entries were committed in their
     * order, so those committed are a start of it. {@code recent} holds the log's latest entries (any order), which
     * may include other services' entries between them.
     */
    static int committedPrefix(List<AuditEntry> journaled, List<AuditEntry> recent) {
        java.util.Set<String> inLog = new java.util.HashSet<>();
        for (AuditEntry entry : recent) {
            inLog.add(key(entry));
        }
        int committed = 0;
        while (committed < journaled.size() && inLog.contains(key(journaled.get(committed)))) {
            committed++;
        }
        return committed;
    }

    /** An entry's identity: its time to the microsecond (what SQL timestamps keep), actor, action, target, detail. */
    private static String key(AuditEntry entry) {
        return micros(entry.at()) + "\t" + escape(entry.actor()) + "\t" + escape(entry.action()) + "\t"
                + escape(entry.target()) + "\t" + escape(entry.detail());
    }

    private static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000L + at.getNano() / 1000;
    }

    static String line(AuditEntry entry) {
        return entry.at() + "\t" + escape(entry.actor()) + "\t" + escape(entry.action()) + "\t" + escape(entry.target())
                + "\t" + escape(entry.detail()) + "\n";
    }

    static AuditEntry parse(String line) {
        String[] fields = line.split("\t", -1);
        if (fields.length != 5) {
            throw new IllegalStateException("the audit journal holds a broken line: " + line);
        }
        return AuditEntry.of(
                Instant.parse(fields[0]),
                unescape(fields[1]),
                unescape(fields[2]),
                unescape(fields[3]),
                unescape(fields[4]));
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\")
                .replace("\t", "\\t")
                .replace("\n", "\\n")
                .replace("\r", "\\r");
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(
                        switch (next) {
                            case 't' -> '\t';
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            default -> next;
                        });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
