package io.fidelis.service;

import io.fidelis.store.AuditEntry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Appends what the signed-in user did to the workspace's audit log. One writer thread commits the entries of all
 * requests waiting at that moment in one transaction (group commit); each request waits until its entry is committed,
 * so an action that answered has its entry stored, and a failed audit write fails the request.
 */
@Component
class Audit implements DisposableBean {

    private record Pending(AuditEntry entry, CompletableFuture<Void> written) {}

    private final Workspace workspace;
    private final Clock clock;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(10_000);
    private final Thread writer;

    Audit(Workspace workspace, Clock clock) {
        this.workspace = workspace;
        this.clock = clock;
        this.writer = new Thread(this::write, "audit-writer");
        writer.setDaemon(true);
        writer.start();
    }

    void record(String action, String target, String detail) {
        Pending pending =
                new Pending(AuditEntry.of(clock.instant(), actor(), action, target, detail), new CompletableFuture<>());
        try {
            if (!queue.offer(pending, 5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the audit log is not keeping up; try again");
            }
            pending.written().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the audit log", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the audit log could not be written: " + e.getMessage(), e);
        }
    }

    private void write() {
        List<Pending> batch = new ArrayList<>();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, 999);
            try {
                workspace.audit.appendAll(batch.stream().map(Pending::entry).toList());
                batch.forEach(p -> p.written().complete(null));
            } catch (RuntimeException e) {
                batch.forEach(p -> p.written().completeExceptionally(e));
            }
            batch.clear();
        }
    }

    @Override
    public void destroy() {
        writer.interrupt();
    }

    static String actor() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who == null ? "anonymous" : who.getName();
    }

    /** Whether the signed-in user sees contact data unmasked (analysts and admins; viewers do not). */
    static boolean seesContactData() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who != null
                && who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ANALYST"));
    }

    /**
     * A company name as a viewer sees it: its first character and asterisks. The contract holds no personal data of
     * contacts; the name is the one field that identifies a customer to someone who reads over a shoulder.
     */
    static String mask(String name) {
        if (name == null || name.isEmpty() || seesContactData()) {
            return name;
        }
        return name.codePoints()
                        .limit(1)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                + "***";
    }
}
