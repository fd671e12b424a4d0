package io.fidelis.store;

import io.fidelis.core.domain.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** The files of a book folder, table by table, each named relative to the folder, with its size read now. */
    public static List<SourceFile> inFolder(Path folder, Map<Table, List<Path>> filesByTable) throws IOException {
        List<SourceFile> files = new ArrayList<>();
        for (Map.Entry<Table, List<Path>> table : filesByTable.entrySet()) {
            for (Path path : table.getValue()) {
                files.add(new SourceFile(table.getKey(), folder.relativize(path).toString(), path, Files.size(path)));
            }
        }
        return files;
    }
}
