package io.fidelis.spark;

import io.fidelis.core.domain.Table;
import io.fidelis.store.Reject;
import io.fidelis.store.csv.ContractCells;
import io.fidelis.store.csv.ReadOptions;
import io.fidelis.store.csv.RowSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One CSV file of a contract table read by the store's own reader ({@link ContractCells}, as {@code fidelis import}
 * reads it), whole, in one task: its rows as the contract's text columns, with the line each row starts on, the file's
 * name as the rejects' source, and the rejects of a row broken in its structure or charset (whose cells are then
 * NULL). The file is opened through Hadoop's file system, so it may be on HDFS or S3, by its exact path: not as a path
 * pattern, in which {@code [ ] { } * ? \} and commas would mean something else.
 */
final class CsvFileRows implements FlatMapFunction<String, Row> {

    private static final long serialVersionUID = 1L;

    /** The columns every table read from CSV files has besides the contract's; unlikely names for a lender's column. */
    static final String LINE = "_fidelis_line";

    static final String SOURCE = "_fidelis_source";
    static final String REJECTS = "_fidelis_rejects";

    private final Table table;
    private final String name;
    private final ArrayList<String> columns;
    /** The charset's name, or null to detect it per file (a Charset is not serializable). */
    private final String charset;

    private final Broadcast<HadoopConfiguration> hadoop;

    private CsvFileRows(
            Table table, String name, List<String> columns, ReadOptions read, Broadcast<HadoopConfiguration> hadoop) {
        this.table = table;
        this.name = name;
        this.columns = new ArrayList<>(columns);
        this.charset =
                read.forcedCharset() == null ? null : read.forcedCharset().name();
        this.hadoop = hadoop;
    }

    /**
     * The driver's Hadoop configuration for the tasks that read the files: broadcast once, as it is large (some hundred
     * KB written), rather than in every file's task.
     */
    static Broadcast<HadoopConfiguration> hadoop(SparkSession spark) {
        return JavaSparkContext.fromSparkContext(spark.sparkContext())
                .broadcast(new HadoopConfiguration(spark.sparkContext().hadoopConfiguration()));
    }

    /**
     * The rows of {@code file}, read in {@code read}'s charset (or the one detected), whose header the driver reads
     * first for the columns; the tasks open it with {@code hadoop} ({@link #hadoop(SparkSession)}).
     *
     * @throws IllegalArgumentException when the header lacks a required column or names one twice
     */
    static Dataset<Row> read(
            SparkSession spark, Path file, Table table, ReadOptions read, Broadcast<HadoopConfiguration> hadoop)
            throws IOException {
        String name = file.getName();
        FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
        List<Reject> rejects = new ArrayList<>();
        List<String> columns;
        try (InputStream in = fs.open(file);
                ContractCells cells = ContractCells.open(in, read, name, table, collect(rejects))) {
            columns = cells.columns();
        }
        if (!rejects.isEmpty()) {
            throw new IllegalArgumentException(String.join(
                    "\n",
                    rejects.stream().map(r -> r.file() + ": " + r.message()).toList()));
        }
        StructType schema = new StructType();
        for (String column : columns) {
            schema = schema.add(column, DataTypes.StringType);
        }
        schema = schema.add(LINE, DataTypes.LongType, false)
                .add(SOURCE, DataTypes.StringType, false)
                .add(REJECTS, DataTypes.createArrayType(ResultRows.REJECT, false), true);
        // the file's URI, not a path string: binaryFiles and textFile take theirs as patterns, which a folder named
        // "book [2026]" or a file named "loans,2026.csv" does not survive
        return spark.createDataFrame(
                JavaSparkContext.fromSparkContext(spark.sparkContext())
                        .parallelize(List.of(file.toUri().toString()), 1)
                        .flatMap(new CsvFileRows(table, name, columns, read, hadoop)),
                schema);
    }

    @Override
    public Iterator<Row> call(String uri) throws IOException {
        Path file = new Path(URI.create(uri));
        List<Reject> rejects = new ArrayList<>();
        InputStream in = file.getFileSystem(hadoop.value().get()).open(file);
        ContractCells cells;
        try {
            ReadOptions read = charset == null ? ReadOptions.detect() : ReadOptions.forced(Charset.forName(charset));
            cells = ContractCells.open(in, read, name, table, collect(rejects));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        if (!cells.columns().equals(columns)) {
            cells.close();
            throw new IllegalStateException(name + " changed while the job read it: its header now names "
                    + cells.columns() + ", first " + columns);
        }
        // rows are made as Spark takes them: a file is never held whole in memory
        return Stream.generate(() -> advance(uri, cells, rejects))
                .takeWhile(Objects::nonNull)
                .iterator();
    }

    /** The file's next row, or null at its end (when the file is closed). */
    private Row advance(String path, ContractCells cells, List<Reject> rejects) {
        try {
            if (!cells.next()) {
                cells.close();
                return null;
            }
            Object[] values = new Object[columns.size() + 3];
            if (cells.rejected()) {
                List<Row> broken = new ArrayList<>(rejects.size());
                for (Reject r : rejects) {
                    broken.add(RowFactory.create(r.file(), r.line(), r.column(), r.value(), r.rule(), r.message()));
                }
                rejects.clear();
                values[columns.size() + 2] = ResultRows.seq(broken);
            } else {
                List<String> text = cells.cells();
                for (int i = 0; i < text.size(); i++) {
                    values[i] = text.get(i);
                }
            }
            values[columns.size()] = cells.line();
            values[columns.size() + 1] = name;
            return RowFactory.create(values);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static RowSink collect(List<Reject> rejects) {
        return RowSink.rejectsTo(rejects::add);
    }
}
