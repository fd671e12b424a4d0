package io.fidelis.service;

import io.fidelis.store.StoreException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A store that cannot be opened at start (wrong database password, unreachable server, a workspace held by another
 * process) is the user's to fix: Spring then prints what was wrong and what to do, without a stack trace.
 */
class StoreFailureAnalyzer extends AbstractFailureAnalyzer<StoreException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StoreException cause) {
        return new FailureAnalysis(
                "Fidelis cannot open its store: " + cause.getMessage(),
                "Check --workspace, or --db, --db-user and the password (db.password of --db-config, else"
                        + " FIDELIS_DB_PASSWORD); see docs/postgresql.md.",
                cause);
    }
}
