package io.fidelis.cli;

import io.fidelis.core.domain.Table;
import io.fidelis.store.Store;
import io.fidelis.store.duckdb.DuckDbBookStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fidelis export-book --format parquet --out DIR}: the stored book as Parquet files, for Spark or a lake. */
@Command(
        name = "export-book",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the workspace's book (not a run's results: see export) as one Parquet file per contract table"
                    + " (customers.parquet, loans.parquet, ...) with the contract's columns, dates as DATE and amounts"
                    + " as DECIMAL: what `fidelis import DIR` and the Spark job read back as the same book.",
            "Exit codes: 0 written, 1 no book or the folder cannot be written, 2 wrong command line."
        })
final class ExportBookCommand extends BookCommand {

    @Option(
            names = "--format",
            defaultValue = "parquet",
            paramLabel = "parquet",
            description = "parquet (the only format; CSV is what the book was imported from)")
    String format;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the folder to write the files into")
    Path out;

    @Override
    int execute(PrintWriter stdout, PrintWriter err) {
        if (!format.strip().equalsIgnoreCase("parquet")) {
            throw CommandFailure.usage("'" + format + "' is not a supported format: parquet");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw CommandFailure.usage("--out " + out + " is a file; give a folder");
        }
        try (Store store = openBook()) {
            if (!(store instanceof DuckDbBookStore book)) {
                throw CommandFailure.usage("export-book writes a workspace's book; with --db, export from PostgreSQL"
                        + " with its own tools (COPY ... TO), or import the book into a workspace first");
            }
            Map<Table, Long> written;
            try {
                written = book.exportParquet(out);
            } catch (IOException e) {
                throw CommandFailure.data("cannot write to " + out + ": " + e.getMessage()
                        + "; check that the folder is writable and the disk has space");
            }
            for (Map.Entry<Table, Long> table : written.entrySet()) {
                stdout.printf(
                        Locale.ROOT,
                        "%-13s %,12d rows  %s%n",
                        table.getKey().code(),
                        table.getValue(),
                        out.resolve(table.getKey().code() + ".parquet"));
            }
            return Main.OK;
        }
    }
}
