package io.fidelis.store.duckdb;

import io.fidelis.core.domain.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The baseline beside {@code fidelis import} in bench/import-bench.sh: DuckDB's own {@code read_csv} loading the
 * same folder into plain tables, with no contract checks, no rejects and no cross-row rules. Usage: {@code java -cp
 * fidelis.jar io.fidelis.store.duckdb.ReadCsvBaseline BOOK_DIR DATABASE_FILE}. Prints rows and seconds per table.
 */
public final class ReadCsvBaseline {

    private ReadCsvBaseline() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ReadCsvBaseline BOOK_DIR DATABASE_FILE");
            System.exit(2);
        }
        Path book = Path.of(args[0]).toAbsolutePath();
        Path database = Path.of(args[1]).toAbsolutePath();
        Files.deleteIfExists(database);
        long started = System.nanoTime();
        long totalRows = 0;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database);
                Statement sql = connection.createStatement()) {
            sql.execute("SET memory_limit = '"
                    + System.getProperty("fidelis.duckdb.memoryLimit", DuckDbBookStore.defaultMemoryLimit()) + "'");
            for (Table table : Table.values()) {
                String glob = book.resolve(table.code() + "*.csv").toString().replace("'", "''");
                long tableStarted = System.nanoTime();
                try {
                    sql.execute("CREATE TABLE " + table.code() + " AS SELECT * FROM read_csv('" + glob
                            + "', header = true, union_by_name = true)");
                } catch (java.sql.SQLException noFiles) {
                    System.out.printf("%-13s no files%n", table.code());
                    continue;
                }
                try (ResultSet count = sql.executeQuery("SELECT COUNT(*) FROM " + table.code())) {
                    count.next();
                    long rows = count.getLong(1);
                    totalRows += rows;
                    System.out.printf(
                            "%-13s %,12d rows %8.2f s%n", table.code(), rows, (System.nanoTime() - tableStarted) / 1e9);
                }
            }
        }
        System.out.printf(
                "read_csv total %,d rows in %.2f s (inside the JVM)%n", totalRows, (System.nanoTime() - started) / 1e9);
    }
}
