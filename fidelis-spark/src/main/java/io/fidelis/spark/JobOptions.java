package io.fidelis.spark;

import io.fidelis.store.csv.ReadOptions;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the job is asked to do, parsed from its command line (see {@link #USAGE}).
 *
 * @param source where the contract's tables are read from
 * @param asOf the date every customer is classified as of
 * @param policy a policy YAML file, or the name of a shipped policy
 * @param out the folder the results, reasons and provenance are written to (replaced)
 * @param partitions how many partitions customers are spread over, or 0 for spark.sql.shuffle.partitions
 * @param overrides an overrides file ({@code fidelis override --export}), or null for none
 */
record JobOptions(BookInput source, LocalDate asOf, String policy, String out, int partitions, String overrides) {

    static final String USAGE = String.join(
            "\n",
            "usage: spark-submit --class io.fidelis.spark.ClassifyBook fidelis-spark.jar",
            "         (--input DIR [--format csv|parquet] [--encoding auto|utf-8|gb18030] | --hive-database DB",
            "          | --jdbc-url URL [--jdbc-user USER])",
            "         [--table-prefix P] --as-of yyyy-MM-dd [--policy FILE|NAME] [--overrides FILE] --out DIR",
            "         [--partitions N]",
            "  --input DIR          a folder (local, hdfs:, s3a: ...) of the contract's files: customers*.csv ... or",
            "                       customers*.parquet ... (a table may also be a folder of part files, e.g. loans/)",
            "  --format             csv (UTF-8 or GB18030, comma or tab, RFC 4180 quotes; the default) or parquet",
            "  --encoding ENC       of the CSV files: auto (detect UTF-8 or GB18030 per file; the default), utf-8 or",
            "                       gb18030, as fidelis import --encoding",
            "  --hive-database DB   read the tables DB.customers, DB.loans ... of the metastore",
            "  --jdbc-url URL       read the tables over JDBC; the password comes from FIDELIS_JDBC_PASSWORD",
            "  --table-prefix P     Hive or JDBC table names start with P (e.g. lender_ for lender_loans)",
            "  --as-of DATE         classify as of this date (required)",
            "  --policy FILE|NAME   a policy YAML file (local to the driver) or a shipped policy (default: default)",
            "  --overrides FILE     manual overrides to apply, those in force on --as-of: a CSV file as written by",
            "                       fidelis override --export (local, hdfs:, s3a: ...; default: none)",
            "  --out DIR            write results/, reasons/ and provenance/ as Parquet here (replaced)",
            "  --partitions N       spread the customers over N partitions (default: spark.sql.shuffle.partitions)");

    /** Parses the command line; a {@link IllegalArgumentException} says what is wrong. */
    static JobOptions parse(String[] args) {
        String input = null;
        String format = "csv";
        String encoding = null;
        String hive = null;
        String jdbc = null;
        String jdbcUser = null;
        String prefix = "";
        LocalDate asOf = null;
        String policy = "default";
        String out = null;
        int partitions = 0;
        String overrides = null;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String option = rest.remove(0);
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = rest.remove(0);
            switch (option) {
                case "--input" -> input = value;
                case "--format" -> format = value.strip().toLowerCase(Locale.ROOT);
                case "--encoding" -> encoding = value;
                case "--hive-database" -> hive = value;
                case "--jdbc-url" -> jdbc = value;
                case "--jdbc-user" -> jdbcUser = value;
                case "--table-prefix" -> prefix = value;
                case "--as-of" -> asOf = date(value);
                case "--policy" -> policy = value;
                case "--out" -> out = value;
                case "--partitions" -> partitions = positive(value);
                case "--overrides" -> overrides = value;
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        int sources = (input == null ? 0 : 1) + (hive == null ? 0 : 1) + (jdbc == null ? 0 : 1);
        if (sources != 1) {
            throw new IllegalArgumentException("give exactly one of --input, --hive-database, --jdbc-url");
        }
        if (asOf == null) {
            throw new IllegalArgumentException("give --as-of yyyy-MM-dd");
        }
        if (out == null) {
            throw new IllegalArgumentException("give --out DIR");
        }
        if (!format.equals("csv") && !format.equals("parquet")) {
            throw new IllegalArgumentException("--format " + format + " is not one of csv, parquet");
        }
        ReadOptions read;
        try {
            read = encoding == null ? ReadOptions.detect() : ReadOptions.named(encoding);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--encoding " + e.getMessage());
        }
        if (read.forcedCharset() != null && (input == null || !format.equals("csv"))) {
            throw new IllegalArgumentException("--encoding " + encoding + " applies to CSV files only (--input DIR"
                    + " --format csv); Parquet, Hive and JDBC tables hold text, not bytes");
        }
        BookInput source = input != null
                ? BookInput.files(input, format.equals("csv") ? BookInput.Format.CSV : BookInput.Format.PARQUET, read)
                : hive != null
                        ? BookInput.hive(hive, prefix)
                        : BookInput.jdbc(jdbc, jdbcUser, System.getenv("FIDELIS_JDBC_PASSWORD"), prefix);
        return new JobOptions(source, asOf, policy, out, partitions, overrides);
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--as-of " + value + " is not a date as yyyy-MM-dd");
        }
    }

    private static int positive(String value) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new IllegalArgumentException("--partitions " + value + " is not a whole number of 1 or more");
    }
}
