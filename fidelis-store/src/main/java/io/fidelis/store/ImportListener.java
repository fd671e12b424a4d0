package io.fidelis.store;

/**
 * Told how far an import is, for a progress bar. Files may be read by several threads at once; the calls come one at
 * a time (never concurrently) and must return quickly.
 */
public interface ImportListener {

    /** A listener that ignores everything. */
    ImportListener NONE = new ImportListener() {};

    /** Reading starts: {@code totalBytes} in {@code files} files. */
    default void started(long totalBytes, int files) {}

    /** A file starts; {@code bytesBefore} bytes of all files are done by then. */
    default void fileStarted(SourceFile file, long bytesBefore) {}

    /**
     * Bytes read so far of all files. Within a file the count is estimated from the line reached, and exact at its
     * end.
     */
    default void progressed(long bytesDone, long totalBytes) {}

    /** Reading is over and the import moves on to a later step, such as checking references or writing. */
    default void step(String description) {}
}
