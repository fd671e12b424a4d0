package io.fidelis.store.csv;

import io.fidelis.core.domain.Table;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Finds the files of each contract table in an import folder. */
public final class ContractFiles {

    private static final List<String> EXTENSIONS = List.of(".csv", ".tsv", ".txt");

    private ContractFiles() {}

    /**
     * Every file of each table in {@code dir} (not its subfolders): a file belongs to a table when its name starts
     * with the table's name, case-insensitive, followed by anything but a letter ({@code installments_2026-09.csv},
     * {@code LOANS.csv}; not {@code loansummary.csv}), and ends in .csv, .tsv or .txt. Files are sorted by name;
     * tables come in {@link Table} order; a table with no file maps to an empty list.
     *
     * @throws IOException if {@code dir} is not a readable folder
     */
    public static Map<Table, List<Path>> filesByTable(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "no such folder");
        }
        if (!Files.isDirectory(dir)) {
            throw new FileSystemException(dir.toString(), null, "not a folder");
        }
        if (!Files.isReadable(dir)) {
            throw new AccessDeniedException(dir.toString(), null, "the folder cannot be read");
        }
        Map<Table, List<Path>> found = new EnumMap<>(Table.class);
        for (Table table : Table.values()) {
            found.put(table, new ArrayList<>());
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                Table table = tableOf(entry.getFileName().toString());
                if (table != null && Files.isRegularFile(entry)) {
                    found.get(table).add(entry);
                }
            }
        }
        Comparator<Path> byName =
                Comparator.comparing(path -> path.getFileName().toString());
        for (Table table : Table.values()) {
            List<Path> files = found.get(table);
            files.sort(byName);
            found.put(table, List.copyOf(files));
        }
        return Collections.unmodifiableMap(found);
    }

    /** The table a file of this name belongs to, or null when it is none of the contract's. */
    static Table tableOf(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (EXTENSIONS.stream().noneMatch(name::endsWith)) {
            return null;
        }
        for (Table table : Table.values()) {
            String prefix = table.code();
            if (name.startsWith(prefix) && !Character.isLetter(name.charAt(prefix.length()))) {
                return table;
            }
        }
        return null;
    }
}
