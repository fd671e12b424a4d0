package io.fidelis.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.size;

import io.fidelis.core.classification.DatedClassifier;
import io.fidelis.core.domain.Table;
import io.fidelis.core.policy.Policy;
import io.fidelis.store.csv.OverridesCsv;
import io.fidelis.store.csv.OverridesFileException;
import io.fidelis.store.policy.PolicyException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The Spark job: reads the contract's tables, classifies every customer as of a date with the core and the policy of
 * the CLI, and writes {@code results/} (one row per customer, the columns of {@code fidelis export --format csv}),
 * {@code reasons/} (one row per reason) and {@code provenance/} (one row) as Parquet. All or nothing, as an import: when
 * a row breaks a rule of the contract, only {@code rejects/} is written and the job exits 1. See docs/spark.md.
 */
public final class ClassifyBook {

    /** Exit codes, as the CLI's. */
    static final int OK = 0;

    static final int DATA_ERRORS = 1;
    static final int USAGE = 2;

    static final StructType PROVENANCE = new StructType()
            .add("policy_id", DataTypes.StringType)
            .add("policy_version", DataTypes.StringType)
            .add("policy_sha256", DataTypes.StringType)
            .add("policy_source", DataTypes.StringType)
            .add("as_of", DataTypes.DateType)
            .add("input", DataTypes.StringType)
            .add("input_fingerprint", DataTypes.StringType)
            .add("code_version", DataTypes.StringType)
            .add("priors", DataTypes.StringType)
            .add("overrides", DataTypes.StringType)
            .add("overrides_sha256", DataTypes.StringType)
            .add("overrides_in_force", DataTypes.LongType)
            .add("engine", DataTypes.StringType)
            .add("created_at", DataTypes.TimestampType)
            .add("customers", DataTypes.LongType);

    /** What a run did. */
    record Summary(long customers, long rejectedCustomers, long rejects, String out) {}

    private ClassifyBook() {}

    public static void main(String[] args) {
        JobOptions options;
        try {
            options = JobOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("fidelis spark: " + e.getMessage());
            System.err.println(JobOptions.USAGE);
            System.exit(USAGE);
            return;
        }
        SparkSession.Builder builder = SparkSession.builder().appName("fidelis classify " + options.asOf());
        if (!new SparkConf().contains("spark.master")) {
            builder.master("local[*]"); // started as a plain java program, not by spark-submit
        }
        SparkSession spark = builder.getOrCreate();
        int exit;
        try {
            long started = System.nanoTime();
            Summary summary = run(spark, options);
            double seconds = (System.nanoTime() - started) / 1e9;
            if (summary.rejects() > 0) {
                System.err.printf(
                        Locale.ROOT,
                        "fidelis spark: %,d rows broke the contract (%,d customers); nothing classified was written."
                                + " The rejects are in %s/rejects%n",
                        summary.rejects(),
                        summary.rejectedCustomers(),
                        summary.out());
                exit = DATA_ERRORS;
            } else {
                System.out.printf(
                        Locale.ROOT,
                        "Classified %,d customers as of %s in %.1f s (%,.0f customers/s); results, reasons and"
                                + " provenance in %s%n",
                        summary.customers(),
                        options.asOf(),
                        seconds,
                        summary.customers() / seconds,
                        summary.out());
                exit = OK;
            }
        } catch (PolicyException e) {
            System.err.println("fidelis spark: the policy cannot be used:\n" + e.getMessage());
            exit = DATA_ERRORS;
        } catch (OverridesFileException e) {
            System.err.println(
                    "fidelis spark: the overrides cannot be used, nothing was classified:\n" + e.getMessage());
            exit = DATA_ERRORS;
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("fidelis spark: " + e.getMessage());
            exit = DATA_ERRORS;
        } finally {
            spark.stop();
        }
        System.exit(exit);
    }

    /** Runs the job in {@code spark}; the caller owns the session. */
    static Summary run(SparkSession spark, JobOptions options)
            throws IOException, PolicyException, OverridesFileException {
        JobPolicy policy = JobPolicy.load(options.policy());
        Policy parsed = policy.policy(); // refuses a bad policy before any executor starts
        JobOverrides overrides = overrides(spark, options); // and a bad overrides file
        BookInput source = options.source();
        Map<Table, Dataset<Row>> tables = new EnumMap<>(Table.class);
        for (Table table : Table.values()) {
            Dataset<Row> rows = source.table(spark, table);
            if (rows != null) {
                tables.put(table, rows);
            }
        }
        if (!tables.containsKey(Table.CUSTOMERS)) {
            throw new IllegalArgumentException(source.description() + " has no customers table; expected "
                    + "customers*.csv, customers*.parquet or a table named customers");
        }
        int partitions = options.partitions() > 0
                ? options.partitions()
                : Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
        CustomerRows rows = new CustomerRows(tables, partitions);
        Dataset<Row> classified = rows.rows()
                .mapPartitions(
                        new ClassifyPartition(policy, options.asOf(), overrides, rows.columns(), ""),
                        Encoders.row(ResultRows.SCHEMA))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Path out = new Path(options.out());
            FileSystem fs = out.getFileSystem(spark.sparkContext().hadoopConfiguration());
            for (String folder : List.of("results", "reasons", "provenance", "rejects")) {
                fs.delete(new Path(out, folder), true);
            }
            Dataset<Row> rejected = classified.where(size(col("rejects")).gt(0));
            long rejectedCustomers = rejected.count();
            if (rejectedCustomers > 0) {
                Dataset<Row> rejects =
                        rejected.select(explode(col("rejects")).as("r")).select("r.*");
                rejects.write().mode(SaveMode.Overwrite).parquet(new Path(out, "rejects").toString());
                long count = BookInput.parquet(spark, new Path(out, "rejects")).count();
                return new Summary(0, rejectedCustomers, count, options.out());
            }
            Column[] results =
                    ResultRows.RESULT_COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new);
            classified.select(results).write().mode(SaveMode.Overwrite).parquet(new Path(out, "results").toString());
            classified
                    .select(col("customer_id"), explode(col("reasons")).as("r"))
                    .select("customer_id", "r.*")
                    .write()
                    .mode(SaveMode.Overwrite)
                    .parquet(new Path(out, "reasons").toString());
            long customers = classified.count();
            Row provenance = RowFactory.create(
                    parsed.id(),
                    parsed.version(),
                    policy.sha256(),
                    policy.source(),
                    java.sql.Date.valueOf(options.asOf()),
                    source.description(),
                    source.fingerprint(spark, tables),
                    codeVersion(),
                    DatedClassifier.priors(parsed, options.asOf()),
                    overrides.describe(),
                    overrides.sha256(),
                    (long) overrides.inForce().size(),
                    "spark " + spark.version(),
                    Timestamp.from(Instant.now()),
                    customers);
            spark.createDataFrame(List.of(provenance), PROVENANCE)
                    .coalesce(1)
                    .write()
                    .mode(SaveMode.Overwrite)
                    .parquet(new Path(out, "provenance").toString());
            return new Summary(customers, 0, 0, options.out());
        } finally {
            classified.unpersist();
        }
    }

    /** The overrides file's overrides in force on the as-of date, read by the driver (local, hdfs: ...). */
    static JobOverrides overrides(SparkSession spark, JobOptions options) throws IOException, OverridesFileException {
        if (options.overrides() == null) {
            return JobOverrides.none(options.asOf());
        }
        Path file = new Path(options.overrides());
        FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
        try (InputStream in = fs.open(file)) {
            return JobOverrides.of(options.overrides(), OverridesCsv.read(in, file.getName()), options.asOf());
        } catch (FileNotFoundException e) {
            throw new IllegalArgumentException("--overrides " + options.overrides() + " is not a file ("
                    + e.getMessage() + "); write the workspace's overrides with fidelis override --export FILE");
        }
    }

    static String codeVersion() {
        String version = ClassifyBook.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
