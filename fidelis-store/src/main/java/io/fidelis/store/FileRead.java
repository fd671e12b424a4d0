package io.fidelis.store;

import java.util.List;

/**
 * What reading one file found, besides its rows.
 *
 * @param rowsRead data rows read (the header excluded)
 * @param unknownColumns extra columns the contract does not know, kept aside
 * @param encoding the character encoding read, such as {@code UTF-8} or {@code GB18030}
 * @param delimiter the field delimiter found
 */
public record FileRead(long rowsRead, List<String> unknownColumns, String encoding, char delimiter) {

    public FileRead {
        unknownColumns = List.copyOf(unknownColumns);
    }
}
