package io.fidelis.store;

import io.fidelis.store.csv.RowSink;
import java.io.IOException;
import java.util.List;

/**
 * Where an import's rows come from: a folder of contract CSV files today, Parquet files or a JDBC source later.
 * Stores call {@link #files()} once, then {@link #read} once for each file, possibly for several files at once on
 * different threads (an implementation must allow that); the rows of one file come in file order.
 */
public interface BookSource {

    /** A short description for logs, such as the folder's path. */
    String description();

    /** The files to import, in table order (a table only refers to tables before it), then by name. */
    List<SourceFile> files() throws IOException;

    /**
     * Streams the file's rows, in file order, as domain records or rejects.
     *
     * @return what reading the file found
     */
    FileRead read(SourceFile file, RowSink sink) throws IOException;
}
