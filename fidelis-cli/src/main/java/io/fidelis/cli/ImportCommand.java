package io.fidelis.cli;

import io.fidelis.core.domain.Table;
import io.fidelis.store.BookSource;
import io.fidelis.store.BookStore;
import io.fidelis.store.CsvBookFolder;
import io.fidelis.store.ImportListener;
import io.fidelis.store.ImportRequest;
import io.fidelis.store.ImportResult;
import io.fidelis.store.Reject;
import io.fidelis.store.SourceFile;
import io.fidelis.store.StoreException;
import io.fidelis.store.TableImport;
import io.fidelis.store.csv.ReadOptions;
import io.fidelis.store.duckdb.ParquetBookFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fidelis import DIR}: loads a folder of contract files into the workspace's book, all or nothing. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Loads a folder of the lender's CSV files (customers*, loans*, installments*, complaints*, surveys*,"
                    + " interactions*) into the workspace's book, all or nothing.",
            "A folder with no CSV files but Parquet files of those names (customers.parquet ...) is read as Parquet,"
                    + " with the same checks.",
            "Every rejected row is listed with file, line, column, value and rule in <workspace>/rejects/.",
            "Exit codes: 0 imported, 1 data errors (nothing written), 2 wrong command line."
        })
final class ImportCommand implements Callable<Integer> {

    /** Imports smaller than this finish too fast for a progress bar to help. */
    private static final long PROGRESS_BAR_BYTES = 8L << 20;

    @Parameters(index = "0", paramLabel = "DIR", description = "the folder of contract files")
    Path folder;

    @Option(
            names = "--workspace",
            paramLabel = "W",
            defaultValue = "fidelis-workspace",
            description = "where the book is kept (default: ${DEFAULT-VALUE} in the current folder)")
    Path workspace;

    @Mixin
    DatabaseOptions database;

    @Option(
            names = "--max-errors",
            paramLabel = "N",
            defaultValue = "0",
            description = "write the good rows when there are at most N rejects (default: ${DEFAULT-VALUE})")
    long maxErrors;

    @Option(
            names = "--encoding",
            paramLabel = "ENC",
            defaultValue = "auto",
            converter = EncodingConverter.class,
            description = "auto (detect UTF-8 or GB18030 per file), utf-8 or gb18030 (default: ${DEFAULT-VALUE})")
    Charset encoding;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(folder)) {
            err.println("fidelis import: " + folder + " is not a folder"
                    + (Files.exists(folder) ? "" : " (it does not exist)")
                    + "; give the folder that holds the lender's CSV files");
            return Main.USAGE;
        }
        if (maxErrors < 0) {
            err.println("fidelis import: --max-errors must be 0 or more, not " + maxErrors);
            return Main.USAGE;
        }
        BookSource book = encoding == null ? CsvBookFolder.of(folder) : CsvBookFolder.of(folder, encoding);
        try {
            if (book.files().isEmpty() && ParquetBookFolder.holdsParquet(folder)) {
                book = ParquetBookFolder.of(folder);
            }
            if (book.files().isEmpty()) {
                err.println("fidelis import: " + folder + " holds none of the contract's files; expected files named"
                        + " customers*, loans*, installments*, complaints*, surveys* or interactions*"
                        + " (.csv, .tsv or .txt, or all .parquet), see docs/data-format.md");
                return Main.USAGE;
            }
        } catch (IOException e) {
            err.println("fidelis import: cannot list " + folder + ": " + e.getMessage());
            return Main.USAGE;
        }
        try (BookStore store = database.open(workspace);
                Progress progress = new Progress()) {
            ImportResult result = store.importBook(new ImportRequest(book, maxErrors, progress));
            progress.close();
            new ImportReport(result, maxErrors, store.counts()).print(out);
            return result.committed() ? Main.OK : Main.DATA_ERRORS;
        } catch (IOException e) {
            err.println("fidelis import: cannot read " + folder + ": " + e.getMessage());
            return Main.DATA_ERRORS;
        } catch (StoreException e) {
            err.println("fidelis import: " + e.getMessage());
            return Main.DATA_ERRORS;
        }
    }

    /** Converts --encoding; anything else is a usage error that names the choices. */
    static final class EncodingConverter implements CommandLine.ITypeConverter<Charset> {
        @Override
        public Charset convert(String value) {
            try {
                return ReadOptions.named(value).forcedCharset();
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** A progress bar on stderr for imports big enough to need one. */
    private static final class Progress implements ImportListener, AutoCloseable {
        private ProgressBar bar;
        private int files;
        private int started;

        @Override
        public void started(long totalBytes, int files) {
            this.files = files;
            if (totalBytes >= PROGRESS_BAR_BYTES) {
                bar = new ProgressBarBuilder()
                        .setTaskName("Importing")
                        .setInitialMax(totalBytes)
                        .setUnit(" MiB", 1L << 20)
                        .setStyle(ProgressBarStyle.ASCII)
                        .showSpeed()
                        .build();
            }
        }

        @Override
        public void fileStarted(SourceFile file, long bytesBefore) {
            started++;
            if (bar != null) {
                // files are read several at a time, so a single name would mislead
                bar.setExtraMessage(" reading file " + started + " of " + files);
            }
        }

        @Override
        public void progressed(long bytesDone, long totalBytes) {
            if (bar != null) {
                bar.stepTo(bytesDone);
            }
        }

        @Override
        public void step(String description) {
            if (bar != null) {
                bar.setExtraMessage(" " + description);
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }

    /** The summary printed after an import. */
    record ImportReport(ImportResult result, long maxErrors, Map<Table, Long> book) {

        void print(PrintWriter out) {
            out.printf(
                    "Import %d: %s%n",
                    result.importId(),
                    result.committed()
                            ? "written to the book"
                            : "NOT written: " + result.rejectCount() + " errors, more than --max-errors " + maxErrors
                                    + "; the book is unchanged");
            out.printf(
                    "%-13s %5s %12s %9s %12s %12s %10s %10s%n",
                    "table", "files", "read", "rejected", "accepted", "inserted", "updated", "unchanged");
            long[] total = new long[7];
            for (TableImport t : result.tables()) {
                long[] row = {
                    t.files(),
                    t.read(),
                    t.rejected(),
                    t.accepted(),
                    t.inserted(),
                    t.updated(),
                    t.unchanged(result.status())
                };
                printRow(out, t.table().code(), row);
                for (int i = 0; i < row.length; i++) {
                    total[i] += row[i];
                }
            }
            printRow(out, "total", total);
            if (result.rejectCount() > 0) {
                out.printf(
                        "%nErrors: %,d%s%n",
                        result.rejectCount(),
                        result.rejectCount() > result.firstRejects().size()
                                ? " (the first " + result.firstRejects().size() + " below)"
                                : "");
                for (Reject reject : result.firstRejects()) {
                    out.println("  " + reject.describe());
                }
                result.rejectsFile().ifPresent(file -> out.println("Every reject is listed in " + file));
            }
            if (!result.warnings().isEmpty()) {
                out.println();
                out.println("Warnings:");
                result.warnings().forEach(w -> out.println("  " + w));
            }
            out.println();
            StringBuilder counts = new StringBuilder("Book now holds:");
            book.forEach((table, n) -> counts.append(String.format(" %s %,d", table.code(), n)));
            out.println(counts);
            out.println("Input fingerprint: " + result.fingerprint());
            out.flush();
        }

        private static void printRow(PrintWriter out, String name, long[] row) {
            out.printf(
                    "%-13s %5d %,12d %,9d %,12d %,12d %,10d %,10d%n",
                    name, row[0], row[1], row[2], row[3], row[4], row[5], row[6]);
        }
    }
}
