package io.fidelis.service;

import io.fidelis.store.ApiTokens;
import io.fidelis.store.AuditLog;
import io.fidelis.store.BookStore;
import io.fidelis.store.Overrides;
import io.fidelis.store.PolicyVersions;
import io.fidelis.store.RunClasses;
import io.fidelis.store.Runs;
import io.fidelis.store.Users;
import io.fidelis.store.duckdb.DuckDbBookStore;
import io.fidelis.store.duckdb.DuckDbOverrides;
import io.fidelis.store.duckdb.DuckDbRunClasses;
import io.fidelis.store.duckdb.DuckDbRuns;
import io.fidelis.store.jdbc.JdbcApiTokens;
import io.fidelis.store.jdbc.JdbcAuditLog;
import io.fidelis.store.jdbc.JdbcPolicyVersions;
import io.fidelis.store.jdbc.JdbcUsers;
import java.nio.file.Path;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The workspace's stores, opened once for the service's life. */
@Component
class Workspace implements DisposableBean {

    final Path folder;
    final DuckDbBookStore book;
    final Runs runs;
    final RunClasses runClasses;
    final Overrides overrides;
    final Users users;
    final ApiTokens tokens;
    final AuditLog audit;
    final PolicyVersions policies;

    Workspace(@Value("${fidelis.workspace:fidelis-workspace}") String folder) {
        this.folder = Path.of(folder).toAbsolutePath().normalize();
        this.book = DuckDbBookStore.open(this.folder);
        this.runs = DuckDbRuns.of(book);
        this.runClasses = DuckDbRunClasses.of(book);
        this.overrides = DuckDbOverrides.of(book);
        this.users = JdbcUsers.of(book::newConnection);
        this.tokens = JdbcApiTokens.of(book::newConnection);
        this.audit = JdbcAuditLog.of(book::newConnection);
        this.policies = JdbcPolicyVersions.of(book::newConnection);
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
