package io.fidelis.store.csv;

import java.nio.charset.Charset;
import java.util.List;

/**
 * What reading one file gave.
 *
 * @param rowsRead data rows found (the header and blank lines not counted); 0 when the header was rejected
 * @param rowsAccepted rows passed to the sink as records
 * @param rowsRejected rows with at least one reject (a row may have several, one per broken cell)
 * @param unknownColumns header names the contract does not know, as written, in file order; ignored
 * @param charset the charset the file was decoded in (UTF-8 for an all-ASCII file)
 * @param delimiter {@code ','} or {@code '\t'}
 */
public record ReadSummary(
        long rowsRead,
        long rowsAccepted,
        long rowsRejected,
        List<String> unknownColumns,
        Charset charset,
        char delimiter) {

    public ReadSummary {
        unknownColumns = List.copyOf(unknownColumns);
    }
}
