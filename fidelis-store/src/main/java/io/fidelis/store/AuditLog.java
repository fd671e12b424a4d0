package io.fidelis.store;

import java.util.List;

/**
 * Who did what and when: classifications, overrides, policy changes, exports, sign-in administration. Append-only:
 * there is no way to change or delete an entry.
 */
public interface AuditLog {

    /** Appends an entry and returns it with its number. */
    AuditEntry append(AuditEntry entry);

    /** The latest {@code limit} entries, newest first. */
    List<AuditEntry> latest(int limit);
}
