package io.fidelis.store;

import java.util.List;

/**
 * Who did what and when: classifications, overrides, policy changes, exports, sign-in administration. Append-only:
 * there is no way to change or delete an entry.
 */
public interface AuditLog {

    /** Appends an entry and returns it with its number. */
    AuditEntry append(AuditEntry entry);

    /**
     * Appends entries in one transaction (all or none), in order, and returns them with their numbers: how a busy
     * service writes the entries of many requests at once.
     */
    List<AuditEntry> appendAll(List<AuditEntry> entries);

    /** The latest {@code limit} entries, newest first. */
    List<AuditEntry> latest(int limit);
}
