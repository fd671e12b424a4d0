package io.fidelis.store;

import java.util.List;

/**
 * What reading one file found, besides its rows.
 *
 * @param rowsRead data rows read (the header excluded)
 * @param rowsRejected rows the reader rejected (a row may have several rejects, one per broken cell)
 * @param unknownColumns extra columns the contract does not know, kept aside
 * @param encoding the character encoding read, such as {@code UTF-8} or {@code GB18030}, or {@link #PARQUET} for a
 *     Parquet file (which has no text encoding and no delimiter)
 * @param delimiter the field delimiter found
 */
public record FileRead(long rowsRead, long rowsRejected, List<String> unknownColumns, String encoding, char delimiter) {

    /** The {@link #encoding()} of a Parquet file. */
    public static final String PARQUET = "parquet";

    public FileRead {
        unknownColumns = List.copyOf(unknownColumns);
    }
}
