package io.fidelis.store.duckdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * The baseline beside {@code fidelis classify} in bench/classify-bench.sh: one hand-written DuckDB query computing the
 * core features of every customer as of a date straight from the stored tables (installments due and paid on time,
 * the on-time rate, maximum days late, recency of the last activity, complaints and mean satisfaction in a 36-month
 * window), materialised into a table as classify materialises its run. It is what a SQL analyst would write, and it
 * has no policy, no scoring, no reasons and no provenance. Usage: {@code java -cp fidelis.jar
 * io.fidelis.store.duckdb.FeatureQueryBaseline WORKSPACE AS_OF}. Prints the customers and the seconds.
 */
public final class FeatureQueryBaseline {

    private FeatureQueryBaseline() {}

    /** The query, with {@code ?} replaced by the as-of date literal. */
    static String query(LocalDate asOf) {
        String d = "DATE '" + asOf + "'";
        String windowStart = "(" + d + " - INTERVAL 36 MONTH)";
        return """
                CREATE OR REPLACE TEMP TABLE baseline_features AS
                WITH inst AS (
                  SELECT customer_id,
                         COUNT(*) AS installments_due,
                         COUNT(*) FILTER (WHERE paid_date IS NOT NULL AND paid_date <= due_date AND paid_date <= %1$s
                                          AND paid_amount >= due_amount) AS on_time,
                         MAX(GREATEST(0, date_diff('day', due_date,
                               CASE WHEN paid_date IS NOT NULL AND paid_date <= %1$s AND paid_amount >= due_amount
                                    THEN paid_date ELSE %1$s END))) AS max_days_late,
                         MAX(paid_date) FILTER (WHERE paid_date <= %1$s) AS last_payment
                  FROM installments
                  WHERE due_date <= %1$s AND due_date > %2$s
                  GROUP BY customer_id),
                inter AS (
                  SELECT customer_id, MAX(occurred_on) AS last_interaction,
                         COUNT(*) FILTER (WHERE occurred_on > %1$s - INTERVAL 12 MONTH) AS activity_12m
                  FROM interactions WHERE occurred_on <= %1$s GROUP BY customer_id),
                lo AS (
                  SELECT customer_id, MAX(start_date) AS last_loan_start, COUNT(*) AS loans
                  FROM loans WHERE start_date <= %1$s GROUP BY customer_id),
                co AS (
                  SELECT customer_id, COUNT(*) AS complaints
                  FROM complaints WHERE received_on <= %1$s AND received_on > %2$s GROUP BY customer_id),
                su AS (
                  SELECT customer_id, AVG(satisfaction) AS satisfaction_mean
                  FROM surveys WHERE surveyed_on <= %1$s AND surveyed_on > %2$s GROUP BY customer_id)
                SELECT c.customer_id,
                       inst.installments_due,
                       inst.on_time::DOUBLE / NULLIF(inst.installments_due, 0) AS on_time_rate,
                       inst.max_days_late,
                       date_diff('day', GREATEST(inter.last_interaction, lo.last_loan_start, inst.last_payment), %1$s)
                         AS days_since_last_activity,
                       inter.activity_12m,
                       lo.loans,
                       COALESCE(co.complaints, 0) AS complaints,
                       su.satisfaction_mean
                FROM customers c
                LEFT JOIN inst ON inst.customer_id = c.customer_id
                LEFT JOIN inter ON inter.customer_id = c.customer_id
                LEFT JOIN lo ON lo.customer_id = c.customer_id
                LEFT JOIN co ON co.customer_id = c.customer_id
                LEFT JOIN su ON su.customer_id = c.customer_id
                """.formatted(d, windowStart);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: FeatureQueryBaseline WORKSPACE AS_OF");
            System.exit(2);
        }
        Path database = Path.of(args[0]).resolve(DuckDbBookStore.DATABASE_FILE).toAbsolutePath();
        LocalDate asOf = LocalDate.parse(args[1]);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database);
                Statement sql = connection.createStatement()) {
            sql.execute("SET memory_limit = '" + System.getProperty("fidelis.duckdb.memoryLimit", "4GB") + "'");
            long started = System.nanoTime();
            sql.execute(query(asOf));
            double seconds = (System.nanoTime() - started) / 1e9;
            try (ResultSet row = sql.executeQuery("SELECT COUNT(*) FROM baseline_features")) {
                row.next();
                System.out.printf("feature query: %,d customers in %.2f s%n", row.getLong(1), seconds);
            }
        }
    }
}
