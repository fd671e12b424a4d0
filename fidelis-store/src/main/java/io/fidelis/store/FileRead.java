package io.fidelis.store;

import java.util.List;

/**
 * What reading one file found, besides its rows.
 *
 * @param rowsRead data rows read (the header excluded)
 * @param rowsRejected rows the reader rejected (a row may have several rejects, one per broken cell)
 * @param unknownColumns extra columns the contract does not know, kept aside
 * @param encoding the character encoding read, such as {@code UTF-8} or {@code GB18030}
 * @param delimiter the field delimiter found
 */
public record FileRead(long rowsRead, long rowsRejected, List<String> unknownColumns, String encoding, char delimiter) {

    public FileRead {
        unknownColumns = List.copyOf(unknownColumns);
    }
}
