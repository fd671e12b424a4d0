package io.fidelis.store;

import io.fidelis.core.domain.Table;

/**
 * What one import did to one table: {@code accepted = read - rejected}, and for a committed import {@code accepted =
 * inserted + updated + unchanged}.
 *
 * @param table the table
 * @param files files read for it
 * @param read data rows read
 * @param rejected rows rejected, by the reader or by the cross-row rules
 * @param errors rejects reported: one per broken cell of a row, and one for a file whose header is unusable (its
 *     rows are then not read)
 * @param accepted rows that passed every rule
 * @param inserted rows added to the book (0 when rolled back)
 * @param updated stored rows whose values changed (0 when rolled back)
 */
public record TableImport(
        Table table, int files, long read, long rejected, long errors, long accepted, long inserted, long updated) {

    /** Accepted rows equal to what was stored already (0 when rolled back). */
    public long unchanged(ImportStatus status) {
        return status == ImportStatus.COMMITTED ? accepted - inserted - updated : 0;
    }
}
