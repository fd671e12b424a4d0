package io.fidelis.store;

import java.util.Objects;

/**
 * What to import and how strictly.
 *
 * @param source the files to read, in table order
 * @param maxErrors how many rejects (errors) are tolerated: above it nothing is written; at or below it the good rows
 *     are written and every reject is still reported. 0 by default: any error rolls the import back
 * @param listener told of progress while reading; {@link ImportListener#NONE} for silence
 */
public record ImportRequest(BookSource source, long maxErrors, ImportListener listener) {

    public ImportRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(listener, "listener");
        if (maxErrors < 0) {
            throw new IllegalArgumentException("max errors " + maxErrors + " is < 0");
        }
    }

    /** A strict import (no error tolerated), without progress reports. */
    public static ImportRequest strict(BookSource source) {
        return new ImportRequest(source, 0, ImportListener.NONE);
    }
}
