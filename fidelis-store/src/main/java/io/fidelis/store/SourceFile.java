package io.fidelis.store;

import io.fidelis.core.domain.Table;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One file of a book.
 *
 * @param table the table its rows belong to
 * @param name its name as reported to the user (relative to the book folder)
 * @param path where it is
 * @param bytes its size in bytes
 */
public record SourceFile(Table table, String name, Path path, long bytes) {

    public SourceFile {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
    }
}
