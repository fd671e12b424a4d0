package io.fidelis.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One audited action.
 *
 * @param entryId its number, increasing; 0 before it is appended
 * @param at when (wall clock)
 * @param actor the user who acted
 * @param action what, as a stable code, e.g. {@code override.record}, {@code policy.approve}
 * @param target what it acted on, e.g. a customer id or a policy version number
 * @param detail more about it, free text, possibly empty
 */
public record AuditEntry(long entryId, Instant at, String actor, String action, String target, String detail) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        target = target == null ? "" : target;
        detail = detail == null ? "" : detail;
    }

    /** A new entry, numbered when appended. */
    public static AuditEntry of(Instant at, String actor, String action, String target, String detail) {
        return new AuditEntry(0, at, actor, action, target, detail);
    }
}
