package io.fidelis.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The baseline's features at several dates in one pass (what bench/ClassifyFloors.java times as the least a SQL
 * push-down would do) are, date by date, the baseline's features at that date: on a seeded book with installments
 * paid late, short or never, dates on the windows' edges and customers with nothing at all.
 */
class FeatureQueryBaselineTest {

    /** The baseline's columns, named with {@code suffix}; the means rounded, being sums divided. */
    private static String columns(String suffix) {
        return "installments_due%1$s, ROUND(on_time_rate%1$s, 9), max_days_late%1$s, days_since_last_activity%1$s,"
                        .formatted(suffix)
                + " activity_12m%1$s, loans%1$s, complaints%1$s, ROUND(satisfaction_mean%1$s, 9)".formatted(suffix);
    }

    static Stream<Arguments> dates() {
        return Stream.of(
                Arguments.of(List.of(LocalDate.of(2026, 7, 31), LocalDate.of(2026, 8, 31), LocalDate.of(2026, 9, 30))),
                Arguments.of(List.of(LocalDate.of(2024, 2, 29), LocalDate.of(2023, 12, 31))),
                Arguments.of(List.of(LocalDate.of(2025, 6, 15))));
    }

    @ParameterizedTest
    @MethodSource("dates")
    void featuresAtSeveralDatesAreTheFeaturesAtEachDate(List<LocalDate> dates) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = connection.createStatement()) {
            seededBook(sql);
            sql.execute(FeatureQueryBaseline.queryAtDates(dates));
            for (int i = 0; i < dates.size(); i++) {
                sql.execute(FeatureQueryBaseline.query(dates.get(i)));
                String oneDate = "SELECT customer_id, " + columns("") + " FROM baseline_features";
                String atDates = "SELECT customer_id, " + columns("_" + (i + 1)) + " FROM baseline_features_at_dates";
                assertThat(count(sql, oneDate)).isEqualTo(200);
                assertThat(count(sql, "(" + oneDate + ") EXCEPT ALL (" + atDates + ")"))
                        .as("rows at %s missing from the several dates' query", dates.get(i))
                        .isZero();
                assertThat(count(sql, "(" + atDates + ") EXCEPT ALL (" + oneDate + ")"))
                        .as("rows of the several dates' query not at %s", dates.get(i))
                        .isZero();
            }
            assertThat(count(sql, "SELECT customer_id FROM baseline_features WHERE installments_due > 0"))
                    .as("the book gives the features something to count")
                    .isPositive();
        }
    }

    /** 200 customers (a tenth with no records), their records spread over 2022 to 2026 by a hash of the row. */
    private static void seededBook(Statement sql) throws SQLException {
        String customer = "'C' || (hash(i * 13) % 180)";
        String day = "DATE '2022-01-01' + CAST(hash(i * %d) %% 1800 AS INTEGER)";
        sql.execute("CREATE TABLE customers AS SELECT 'C' || i AS customer_id FROM range(200) t(i)");
        sql.execute("CREATE TABLE installments AS SELECT " + customer + " AS customer_id, " + day.formatted(3)
                + " AS due_date, 100.00::DECIMAL(18,4) AS due_amount,"
                + " CASE WHEN hash(i * 5) % 7 = 0 THEN NULL ELSE " + day.formatted(3)
                + " + CAST(hash(i * 7) % 40 AS INTEGER) - 5 END AS paid_date,"
                + " CASE WHEN hash(i * 11) % 5 = 0 THEN 50.00 ELSE 100.00 END::DECIMAL(18,4) AS paid_amount"
                + " FROM range(20000) t(i)");
        sql.execute("CREATE TABLE interactions AS SELECT " + customer + " AS customer_id, " + day.formatted(17)
                + " AS occurred_on FROM range(5000) t(i)");
        sql.execute("CREATE TABLE loans AS SELECT " + customer + " AS customer_id, " + day.formatted(19)
                + " AS start_date FROM range(600) t(i)");
        sql.execute("CREATE TABLE complaints AS SELECT " + customer + " AS customer_id, " + day.formatted(23)
                + " AS received_on FROM range(300) t(i)");
        sql.execute("CREATE TABLE surveys AS SELECT " + customer + " AS customer_id, " + day.formatted(29)
                + " AS surveyed_on, CAST(hash(i * 31) % 5 + 1 AS INTEGER) AS satisfaction FROM range(700) t(i)");
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery("SELECT COUNT(*) FROM (" + query + ")")) {
            row.next();
            return row.getLong(1);
        }
    }
}
