package io.fidelis.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one import.
 *
 * @param importId the import's sequence number in this store, from 1
 * @param status whether the rows were written
 * @param tables what happened per table, in table order
 * @param rejectCount all rejects (errors), from the reader and the cross-row rules: what {@link
 *     ImportRequest#maxErrors()} is compared with
 * @param firstRejects the first rejects, in table, file and line order (at most {@link #FIRST_REJECTS})
 * @param rejectsFile the CSV file listing every reject, absent when there were none
 * @param warnings things worth telling that are not errors, such as unknown columns
 * @param fingerprint the book's {@link BookStore#inputFingerprint()} after the import
 */
public record ImportResult(
        long importId,
        ImportStatus status,
        List<TableImport> tables,
        long rejectCount,
        List<Reject> firstRejects,
        Optional<Path> rejectsFile,
        List<String> warnings,
        String fingerprint) {

    /** How many rejects a result carries itself; the rest are in the rejects file. */
    public static final int FIRST_REJECTS = 20;

    public ImportResult {
        tables = List.copyOf(tables);
        firstRejects = List.copyOf(firstRejects);
        warnings = List.copyOf(warnings);
    }

    /** True when the rows were written. */
    public boolean committed() {
        return status == ImportStatus.COMMITTED;
    }

    /** Rows read over all tables. */
    public long rowsRead() {
        return tables.stream().mapToLong(TableImport::read).sum();
    }

    /** Rows accepted over all tables. */
    public long rowsAccepted() {
        return tables.stream().mapToLong(TableImport::accepted).sum();
    }
}
