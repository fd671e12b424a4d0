package io.fidelis.service;

import io.fidelis.store.PolicyVersion;
import io.fidelis.store.RunHeader;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Notices what other processes changed in the store and drops what this service holds from it. On PostgreSQL several
 * services share one store (behind a load balancer), and `fidelis import`, `classify` or `override` may run against
 * it while they serve: without this, a policy approved on one instance, an override recorded by the command line or a
 * new run or import would stay unseen by the others until they restart, and a token revoked on one would still sign
 * in on the others. (Dashboard sessions are in the store itself, {@link DashboardSessions}: a password changed on one
 * service ends them on all at once; the look below still ends those of a change made otherwise.) Every {@code
 * fidelis.store-refresh-ms} (default 2,000; 0 turns it off) one background thread reads six cheap marks (the book's input fingerprint, the active policy version, the number of
 * overrides, which are never changed or deleted, the last run's id, the number of revoked API tokens, which are never
 * un-revoked, and the time of the last password change) and, for each that moved, reloads the policy in force,
 * forgets cached overrides and classifiers, forgets the runs and the latest run's rows, reads the book's histories
 * again, forgets the API tokens it keeps, or ends the sessions that began before their user's password changed.
 * Requests never wait for it; what this service changes itself it applies at once. On the workspace's DuckDB it does
 * nothing: DuckDB lets one process hold the workspace, so nothing else can change it.
 */
@Component
class StoreChanges implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StoreChanges.class);

    /** What is compared between two looks at the store. */
    record Marks(
            String inputFingerprint,
            long activePolicyVersion,
            int overrides,
            long lastRunId,
            long revokedTokens,
            Instant lastPasswordChange) {}

    private final Workspace workspace;
    private final Policies policies;
    private final Classifying classifying;
    private final KnownOverrides knownOverrides;
    private final Portfolio portfolio;
    private final Histories histories;
    private final Accounts accounts;
    private final long intervalMillis;
    private ScheduledExecutorService timer;
    private Marks seen;

    StoreChanges(
            Workspace workspace,
            Policies policies,
            Classifying classifying,
            KnownOverrides knownOverrides,
            Portfolio portfolio,
            Histories histories,
            Accounts accounts,
            @Value("${fidelis.store-refresh-ms:2000}") long intervalMillis) {
        if (intervalMillis < 0) {
            throw new IllegalArgumentException(
                    "fidelis.store-refresh-ms is a number of milliseconds, 0 to turn it off, not " + intervalMillis);
        }
        this.workspace = workspace;
        this.policies = policies;
        this.classifying = classifying;
        this.knownOverrides = knownOverrides;
        this.portfolio = portfolio;
        this.histories = histories;
        this.accounts = accounts;
        this.intervalMillis = intervalMillis;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        if (intervalMillis == 0 || !workspace.shared || timer != null) {
            return;
        }
        seen = marks();
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "store-changes");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::lookSafely, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void lookSafely() {
        try {
            look();
        } catch (RuntimeException e) {
            // the store may be briefly unreachable; the next look tries again, and what is held stays as it was
            log.warn("could not look for changes in the store: {}", e.getMessage());
        }
    }

    /** Compares the store's marks with those seen last and reloads what moved; returns what moved. */
    synchronized Marks look() {
        Marks now = marks();
        Marks before = seen;
        seen = now;
        if (before == null || now.equals(before)) {
            return now;
        }
        if (!Objects.equals(now.inputFingerprint(), before.inputFingerprint())) {
            log.info("the book was imported again: reading its histories again");
            histories.reload();
            portfolio.bookChanged();
        }
        if (now.activePolicyVersion() != before.activePolicyVersion()) {
            log.info("policy version {} is now in force", now.activePolicyVersion());
            policies.reload();
        }
        if (now.overrides() != before.overrides()) {
            log.info("{} overrides recorded since the last look", now.overrides() - before.overrides());
            knownOverrides.changed();
            classifying.overridesChanged();
        }
        if (now.lastRunId() != before.lastRunId()) {
            log.info("run {} stored", now.lastRunId());
            portfolio.runsChanged();
        }
        if (now.revokedTokens() != before.revokedTokens()) {
            log.info("{} API tokens revoked since the last look", now.revokedTokens() - before.revokedTokens());
            accounts.tokensRevoked();
        }
        if (!Objects.equals(now.lastPasswordChange(), before.lastPasswordChange())) {
            log.info("a password was changed: ending the sessions that began before it");
            accounts.passwordsChanged();
        }
        return now;
    }

    private Marks marks() {
        return new Marks(
                workspace.book.inputFingerprint(),
                workspace.policies.active().map(PolicyVersion::versionId).orElse(0L),
                workspace.overrides.all().size(),
                workspace.runs.runs().stream().mapToLong(RunHeader::runId).max().orElse(0L),
                workspace.tokens.revokedCount(),
                workspace.users.lastPasswordChange().orElse(null));
    }

    @Override
    public synchronized void destroy() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
