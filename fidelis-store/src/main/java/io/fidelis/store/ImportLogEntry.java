package io.fidelis.store;

import java.time.Instant;

/**
 * One line of a store's import log.
 *
 * @param importId the import's sequence number, from 1
 * @param importedAt when it ran
 * @param source what was imported (the folder)
 * @param status how it ended
 * @param rowsRead data rows read
 * @param rowsRejected rows rejected
 * @param rowsInserted rows added
 * @param rowsUpdated rows changed
 * @param fingerprint the book's fingerprint after it
 */
public record ImportLogEntry(
        long importId,
        Instant importedAt,
        String source,
        ImportStatus status,
        long rowsRead,
        long rowsRejected,
        long rowsInserted,
        long rowsUpdated,
        String fingerprint) {}
