package io.fidelis.store;

/**
 * What the service keeps beside the book: its users, API tokens, audit log, policy versions and the wrong passwords
 * its sign-in guard counts, in the same database as the book (the workspace's DuckDB or PostgreSQL). One instance per
 * opened store: its writers number entries under its own lock.
 */
public record ServiceStores(
        Users users,
        ApiTokens apiTokens,
        AuditLog auditLog,
        PolicyVersions policyVersions,
        SignInFailures signInFailures) {}
