package io.fidelis.store;

import io.fidelis.store.csv.ContractFiles;
import io.fidelis.store.csv.ContractReader;
import io.fidelis.store.csv.ReadOptions;
import io.fidelis.store.csv.ReadSummary;
import io.fidelis.store.csv.RowSink;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

/** A folder of the contract's CSV files (docs/data-format.md), read with the contract reader. */
public final class CsvBookFolder implements BookSource {

    private final Path folder;
    private final ContractReader reader;

    private CsvBookFolder(Path folder, ReadOptions options) {
        this.folder = folder;
        this.reader = new ContractReader(options);
    }

    /** The folder's files, each in the charset detected from its bytes. */
    public static CsvBookFolder of(Path folder) {
        return new CsvBookFolder(folder, ReadOptions.detect());
    }

    /** The folder's files, all read in {@code charset}. */
    public static CsvBookFolder of(Path folder, Charset charset) {
        return new CsvBookFolder(folder, ReadOptions.forced(charset));
    }

    @Override
    public String description() {
        return folder.toAbsolutePath().normalize().toString();
    }

    @Override
    public List<SourceFile> files() throws IOException {
        return SourceFile.inFolder(folder, ContractFiles.filesByTable(folder));
    }

    @Override
    public FileRead read(SourceFile file, RowSink sink) throws IOException {
        ReadSummary summary = reader.read(file.path(), file.name(), file.table(), sink);
        return new FileRead(
                summary.rowsRead(),
                summary.rowsRejected(),
                summary.unknownColumns(),
                summary.charset().name(),
                summary.delimiter());
    }
}
