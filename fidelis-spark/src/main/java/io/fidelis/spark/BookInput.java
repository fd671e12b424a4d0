package io.fidelis.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.xxhash64;

import io.fidelis.core.domain.Table;
import io.fidelis.store.csv.ContractFiles;
import io.fidelis.store.csv.ReadOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.TimestampType;

/**
 * Where the job reads the contract's tables: a folder of files (CSV or Parquet, named as for {@code fidelis import}),
 * the tables of a Hive database, or tables over JDBC. Every table comes back with its columns named in lower case and
 * every cell as text (dates as yyyy-MM-dd, decimals in plain notation), for the contract's own cell forms to read.
 */
abstract class BookInput {

    enum Format {
        CSV,
        PARQUET
    }

    /** A short description for the provenance, such as the folder. */
    abstract String description();

    /**
     * The table's rows as text columns, or null when the source has no such table (it is then empty). Rows read from
     * CSV files also have the columns of {@link CsvFileRows}: their line, file and the rejects of a broken row.
     *
     * @throws IOException when a file cannot be read
     * @throws IllegalArgumentException when a CSV file's header lacks a required column or names one twice
     */
    abstract Dataset<Row> table(SparkSession spark, Table table) throws IOException;

    /**
     * Identifies the input read, for the provenance: for files their names, sizes and modification times; for tables
     * their row counts and a hash of their content (one more pass over each).
     */
    abstract String fingerprint(SparkSession spark, Map<Table, Dataset<Row>> tables);

    /** The files of {@code folder}; CSV files are read in {@code read}'s charset, or the one detected per file. */
    static BookInput files(String folder, Format format, ReadOptions read) {
        return new Files(folder, format, read);
    }

    /**
     * The Parquet file or folder at exactly {@code path}. Spark takes the paths it reads as patterns, in which {@code [
     * ] { } * ? \} mean something else, so that a folder named {@code book [2026]} is not found; its own readers of
     * listed files switch the patterns off with this option.
     */
    static Dataset<Row> parquet(SparkSession spark, Path path) {
        return spark.read().option("__globPaths__", "false").parquet(path.toString());
    }

    static BookInput hive(String database, String prefix) {
        return new Tables("hive:" + database + "." + prefix + "*") {
            @Override
            Dataset<Row> read(SparkSession spark, Table table) {
                String name = prefix + table.code();
                return spark.catalog().tableExists(database, name) ? spark.table(database + "." + name) : null;
            }
        };
    }

    static BookInput jdbc(String url, String user, String password, String prefix) {
        return new Tables("jdbc:" + url.replaceFirst("^jdbc:", "") + " " + prefix + "*") {
            @Override
            Dataset<Row> read(SparkSession spark, Table table) {
                Properties properties = new Properties();
                if (user != null) {
                    properties.setProperty("user", user);
                }
                if (password != null) {
                    properties.setProperty("password", password);
                }
                try {
                    return spark.read().jdbc(url, prefix + table.code(), properties);
                } catch (RuntimeException e) {
                    if (table == Table.CUSTOMERS) {
                        throw e;
                    }
                    return null; // an optional table the database does not have
                }
            }
        };
    }

    /** The columns in lower case, each cast to text; a timestamp is read as its date. */
    static Dataset<Row> asText(Dataset<Row> rows) {
        List<Column> columns = new ArrayList<>();
        for (StructField field : rows.schema().fields()) {
            Column column = col("`" + field.name().replace("`", "``") + "`");
            if (field.dataType() instanceof TimestampType) {
                column = to_date(column);
            }
            String name = field.name().replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
            columns.add(column.cast("string").as(name));
        }
        return rows.select(columns.toArray(Column[]::new));
    }

    static String sha256(String text) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(
                                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A folder of files; each file (or Parquet part folder) is read alone and the table's files unioned by name. */
    private static final class Files extends BookInput {
        private static final List<String> CSV = List.of(".csv", ".tsv", ".txt");
        private static final List<String> PARQUET = List.of(".parquet");

        private final String folder;
        private final Format format;
        private final ReadOptions options;
        private final List<FileStatus> read = new ArrayList<>();
        private Broadcast<HadoopConfiguration> hadoop;

        Files(String folder, Format format, ReadOptions options) {
            this.folder = folder;
            this.format = format;
            this.options = options;
        }

        @Override
        String description() {
            return format.name().toLowerCase(Locale.ROOT) + ":" + folder;
        }

        @Override
        Dataset<Row> table(SparkSession spark, Table table) throws IOException {
            List<FileStatus> files = list(spark, table);
            Dataset<Row> all = null;
            for (FileStatus file : files) {
                read.add(file);
                Dataset<Row> rows = format == Format.PARQUET
                        ? asText(parquet(spark, file.getPath()))
                        : CsvFileRows.read(spark, file.getPath(), table, options, hadoop(spark));
                all = all == null ? rows : all.unionByName(rows, true);
            }
            return all;
        }

        private Broadcast<HadoopConfiguration> hadoop(SparkSession spark) {
            if (hadoop == null) {
                hadoop = CsvFileRows.hadoop(spark);
            }
            return hadoop;
        }

        private List<FileStatus> list(SparkSession spark, Table table) {
            try {
                Path dir = new Path(folder);
                FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
                List<FileStatus> found = new ArrayList<>();
                for (FileStatus entry : fs.listStatus(dir)) {
                    String name = entry.getPath().getName();
                    if (name.startsWith(".") || name.startsWith("_")) {
                        continue;
                    }
                    // a Parquet table may also be a folder of part files, as Spark writes it
                    List<String> endings = entry.isDirectory()
                            ? (format == Format.PARQUET ? List.of("") : List.of())
                            : (format == Format.PARQUET ? PARQUET : CSV);
                    if (!endings.isEmpty() && ContractFiles.tableOf(name, endings) == table) {
                        found.add(entry);
                    }
                }
                found.sort(Comparator.comparing(f -> f.getPath().getName()));
                return found;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
            }
        }

        @Override
        String fingerprint(SparkSession spark, Map<Table, Dataset<Row>> tables) {
            StringBuilder files = new StringBuilder();
            for (FileStatus file : read) {
                files.append(file.getPath().getName())
                        .append(' ')
                        .append(file.getLen())
                        .append(' ')
                        .append(file.getModificationTime())
                        .append('\n');
            }
            return "files:" + sha256(files.toString());
        }
    }

    /** Tables by name, in a metastore or a database. */
    private abstract static class Tables extends BookInput {
        private final String description;

        Tables(String description) {
            this.description = description;
        }

        abstract Dataset<Row> read(SparkSession spark, Table table);

        @Override
        String description() {
            return description;
        }

        @Override
        Dataset<Row> table(SparkSession spark, Table table) {
            Dataset<Row> rows = read(spark, table);
            return rows == null ? null : asText(rows);
        }

        @Override
        String fingerprint(SparkSession spark, Map<Table, Dataset<Row>> tables) {
            StringBuilder content = new StringBuilder();
            for (Map.Entry<Table, Dataset<Row>> table : tables.entrySet()) {
                Dataset<Row> rows = table.getValue();
                Column[] cells = Arrays.stream(rows.columns())
                        .map(c -> col("`" + c + "`"))
                        .toArray(Column[]::new);
                // the sum of the rows' hashes, whatever their order; as a decimal, which does not overflow
                Row summary = rows.agg(count(lit(1)), sum(xxhash64(cells).cast("decimal(38,0)")))
                        .first();
                content.append(table.getKey().code())
                        .append(' ')
                        .append(summary.get(0))
                        .append(' ')
                        .append(summary.get(1))
                        .append('\n');
            }
            return "tables:" + sha256(content.toString());
        }
    }
}
