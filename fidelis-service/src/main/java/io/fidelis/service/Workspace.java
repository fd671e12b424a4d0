package io.fidelis.service;

import io.fidelis.store.ApiTokens;
import io.fidelis.store.AuditLog;
import io.fidelis.store.BookStore;
import io.fidelis.store.DatabaseChoice;
import io.fidelis.store.Overrides;
import io.fidelis.store.PolicyVersions;
import io.fidelis.store.RunClasses;
import io.fidelis.store.Runs;
import io.fidelis.store.ServiceStores;
import io.fidelis.store.SignInFailures;
import io.fidelis.store.Store;
import io.fidelis.store.Users;
import java.nio.file.Path;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The workspace's stores, opened once for the service's life: the workspace's own DuckDB database, or a PostgreSQL
 * database chosen as the command line chooses it ({@code --db}, {@code --db-user}, {@code --db-config}, else
 * {@code FIDELIS_DB}, {@code FIDELIS_DB_USER}; the password from the configuration file or {@code
 * FIDELIS_DB_PASSWORD}). The book, runs, overrides and the service's own tables are all in that one store.
 */
@Component
class Workspace implements DisposableBean {

    final Path folder;
    final Store book;
    final Runs runs;
    final RunClasses runClasses;
    final Overrides overrides;
    final Users users;
    final ApiTokens tokens;
    final AuditLog audit;
    final PolicyVersions policies;
    final SignInFailures signInFailures;
    /** Whether other processes may change the store while the service runs (a database server, not DuckDB). */
    final boolean shared;

    Workspace(
            @Value("${fidelis.workspace:fidelis-workspace}") String folder,
            @Value("${fidelis.db.url:}") String database,
            @Value("${fidelis.db.user:}") String user,
            @Value("${fidelis.db.config:}") String config) {
        this.folder = Path.of(folder).toAbsolutePath().normalize();
        DatabaseChoice choice = DatabaseChoice.resolve(database, user, config.isBlank() ? null : Path.of(config));
        this.shared = choice.isServer();
        this.book = choice.open(this.folder);
        this.runs = book.runs();
        this.runClasses = book.runClasses();
        this.overrides = book.overrides();
        ServiceStores service = book.serviceStores();
        this.users = service.users();
        this.tokens = service.apiTokens();
        this.audit = service.auditLog();
        this.policies = service.policyVersions();
        this.signInFailures = service.signInFailures();
    }

    /**
     * At most a few queries of request threads run in DuckDB at once: each already uses every core, and hundreds at
     * once were seen to stall it for minutes.
     */
    final java.util.concurrent.Semaphore queries = new java.util.concurrent.Semaphore(4, true);

    <T> T query(java.util.function.Supplier<T> query) {
        try {
            queries.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
        try {
            return query.get();
        } finally {
            queries.release();
        }
    }

    BookStore book() {
        return book;
    }

    @Override
    public void destroy() {
        book.close();
    }
}
