package io.fidelis.store.duckdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

/**
 * The baseline beside {@code fidelis classify} in bench/classify-bench.sh: one hand-written DuckDB query computing the
 * core features of every customer as of a date straight from the stored tables (installments due and paid on time,
 * the on-time rate, maximum days late, recency of the last activity, complaints and mean satisfaction in a 36-month
 * window), materialised into a table as classify materialises its run. It is what a SQL analyst would write, and it
 * has no policy, no scoring, no reasons and no provenance. Usage: {@code java -cp fidelis.jar
 * io.fidelis.store.duckdb.FeatureQueryBaseline WORKSPACE AS_OF}. Prints the customers and the seconds.
 */
public final class FeatureQueryBaseline {

    /** Every customer, with each table's aggregates where it has rows. */
    private static final String FROM_CUSTOMERS = """
            FROM customers c
            LEFT JOIN inst ON inst.customer_id = c.customer_id
            LEFT JOIN inter ON inter.customer_id = c.customer_id
            LEFT JOIN lo ON lo.customer_id = c.customer_id
            LEFT JOIN co ON co.customer_id = c.customer_id
            LEFT JOIN su ON su.customer_id = c.customer_id""";

    private FeatureQueryBaseline() {}

    /** The query as of {@code asOf}, creating the temporary table {@code baseline_features}. */
    public static String query(LocalDate asOf) {
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
                %3$s
                """.formatted(d, windowStart, FROM_CUSTOMERS);
    }

    /**
     * The same features at several dates in one pass over each table (each aggregate once per date, with a FILTER),
     * into the temporary table {@code baseline_features_at_dates}, columns suffixed {@code _1}, {@code _2} ... in the
     * order of {@code dates}: the least a SQL push-down of classify's features would do, since classify computes
     * them at the as-of date and at the month-ends before it that hysteresis chains (bench/ClassifyFloors.java).
     */
    public static String queryAtDates(List<LocalDate> dates) {
        if (dates.isEmpty()) {
            throw new IllegalArgumentException("no dates");
        }
        LocalDate last = dates.stream().max(LocalDate::compareTo).orElseThrow();
        LocalDate first = dates.stream().min(LocalDate::compareTo).orElseThrow();
        String latest = "DATE '" + last + "'";
        String earliestStart = "(DATE '" + first + "' - INTERVAL 36 MONTH)";
        StringBuilder inst = new StringBuilder();
        StringBuilder inter = new StringBuilder();
        StringBuilder lo = new StringBuilder();
        StringBuilder co = new StringBuilder();
        StringBuilder su = new StringBuilder();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < dates.size(); i++) {
            String d = "DATE '" + dates.get(i) + "'";
            String start = "(" + d + " - INTERVAL 36 MONTH)";
            String n = "_" + (i + 1);
            String due = "due_date <= %1$s AND due_date > %2$s".formatted(d, start);
            inst.append("""
                    , COUNT(*) FILTER (WHERE %3$s) AS installments_due%4$s,
                      COUNT(*) FILTER (WHERE %3$s AND paid_date IS NOT NULL AND paid_date <= due_date
                                       AND paid_date <= %1$s AND paid_amount >= due_amount) AS on_time%4$s,
                      MAX(GREATEST(0, date_diff('day', due_date,
                            CASE WHEN paid_date IS NOT NULL AND paid_date <= %1$s AND paid_amount >= due_amount
                                 THEN paid_date ELSE %1$s END))) FILTER (WHERE %3$s) AS max_days_late%4$s,
                      MAX(paid_date) FILTER (WHERE %3$s AND paid_date <= %1$s) AS last_payment%4$s
                    """.formatted(d, start, due, n));
            inter.append("""
                    , MAX(occurred_on) FILTER (WHERE occurred_on <= %1$s) AS last_interaction%2$s,
                      COUNT(*) FILTER (WHERE occurred_on <= %1$s AND occurred_on > %1$s - INTERVAL 12 MONTH)
                        AS activity_12m%2$s
                    """.formatted(d, n));
            lo.append("""
                    , MAX(start_date) FILTER (WHERE start_date <= %1$s) AS last_loan_start%2$s,
                      COUNT(*) FILTER (WHERE start_date <= %1$s) AS loans%2$s
                    """.formatted(d, n));
            co.append(", COUNT(*) FILTER (WHERE received_on <= %1$s AND received_on > %2$s) AS complaints%3$s\n"
                    .formatted(d, start, n));
            su.append(
                    ", AVG(satisfaction) FILTER (WHERE surveyed_on <= %1$s AND surveyed_on > %2$s)".formatted(d, start)
                            + " AS satisfaction_mean" + n + "\n");
            // a customer with no rows at a date has no row in the baseline's groups, hence NULL there, not 0
            out.append("""
                    , NULLIF(inst.installments_due%2$s, 0) AS installments_due%2$s,
                      inst.on_time%2$s::DOUBLE / NULLIF(inst.installments_due%2$s, 0) AS on_time_rate%2$s,
                      inst.max_days_late%2$s,
                      date_diff('day', GREATEST(inter.last_interaction%2$s, lo.last_loan_start%2$s,
                                                inst.last_payment%2$s), %1$s) AS days_since_last_activity%2$s,
                      CASE WHEN inter.last_interaction%2$s IS NOT NULL THEN inter.activity_12m%2$s END
                        AS activity_12m%2$s,
                      CASE WHEN lo.last_loan_start%2$s IS NOT NULL THEN lo.loans%2$s END AS loans%2$s,
                      COALESCE(co.complaints%2$s, 0) AS complaints%2$s,
                      su.satisfaction_mean%2$s
                    """.formatted(d, n));
        }
        return """
                CREATE OR REPLACE TEMP TABLE baseline_features_at_dates AS
                WITH inst AS (SELECT customer_id %3$s FROM installments
                              WHERE due_date <= %1$s AND due_date > %2$s GROUP BY customer_id),
                inter AS (SELECT customer_id %4$s FROM interactions WHERE occurred_on <= %1$s GROUP BY customer_id),
                lo AS (SELECT customer_id %5$s FROM loans WHERE start_date <= %1$s GROUP BY customer_id),
                co AS (SELECT customer_id %6$s FROM complaints
                       WHERE received_on <= %1$s AND received_on > %2$s GROUP BY customer_id),
                su AS (SELECT customer_id %7$s FROM surveys
                       WHERE surveyed_on <= %1$s AND surveyed_on > %2$s GROUP BY customer_id)
                SELECT c.customer_id %8$s
                %9$s
                """.formatted(latest, earliestStart, inst, inter, lo, co, su, out, FROM_CUSTOMERS);
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
