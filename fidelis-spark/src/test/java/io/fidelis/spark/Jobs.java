package io.fidelis.spark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** Runs the job in a test's Spark session as {@code spark-submit} would, with its input options first. */
final class Jobs {

    private Jobs() {}

    /** The job over {@code input} (its options, e.g. {@code --input DIR --format parquet}) as of {@code asOf}. */
    static ClassifyBook.Summary run(SparkSession spark, LocalDate asOf, Object out, String... input) throws Exception {
        List<String> args = new ArrayList<>(List.of(input));
        args.addAll(List.of("--as-of", asOf.toString(), "--out", out.toString()));
        return ClassifyBook.run(spark, JobOptions.parse(args.toArray(String[]::new)));
    }

    /** The job over the Parquet folder {@code parquet}, with {@code more} options. */
    static ClassifyBook.Summary parquet(SparkSession spark, LocalDate asOf, Object out, Object parquet, String... more)
            throws Exception {
        List<String> input = new ArrayList<>(List.of("--input", parquet.toString(), "--format", "parquet"));
        input.addAll(List.of(more));
        return run(spark, asOf, out, input.toArray(String[]::new));
    }
}
