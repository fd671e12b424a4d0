import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares `fidelis export --format csv` with the Spark job's results/ folder, customer by customer and column by
 * column, in DuckDB. Run as a source file with the fidelis jar on the class path (bench/compare-bench.sh):
 * java -cp fidelis.jar bench/CompareResults.java EXPORT.csv RESULTS_DIR. Prints one line; exits 1 on any difference.
 */
public class CompareResults {
    public static void main(String[] args) throws Exception {
        String csv = "read_csv('" + args[0] + "', all_varchar = true, header = true)";
        String parquet = "read_parquet('" + args[1] + "/*.parquet')";
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = duckdb.createStatement()) {
            List<String> checks = new ArrayList<>();
            List<String> names = new ArrayList<>();
            try (ResultSet columns = sql.executeQuery("DESCRIBE SELECT * FROM " + parquet)) {
                while (columns.next()) {
                    String name = columns.getString(1);
                    String type = columns.getString(2);
                    if (List.of("customer_id", "as_of", "policy_id", "policy_version").contains(name)) {
                        continue;
                    }
                    String embedded = type.equals("VARCHAR") ? "coalesce(e." + name + ", '')" : "CAST(e." + name + " AS " + type + ")";
                    String spark = type.equals("VARCHAR") ? "coalesce(s." + name + ", '')" : "s." + name;
                    checks.add("SUM(CASE WHEN " + embedded + " IS DISTINCT FROM " + spark + " THEN 1 ELSE 0 END)");
                    names.add(name);
                }
            }
            String query = "SELECT COUNT(*), SUM(CASE WHEN e.customer_id IS NULL OR s.customer_id IS NULL THEN 1 ELSE 0 END), "
                    + String.join(", ", checks) + " FROM " + csv + " e FULL JOIN " + parquet
                    + " s ON e.customer_id = s.customer_id";
            try (ResultSet row = sql.executeQuery(query)) {
                row.next();
                long customers = row.getLong(1);
                long unmatched = row.getLong(2);
                List<String> different = new ArrayList<>();
                for (int i = 0; i < names.size(); i++) {
                    long n = row.getLong(i + 3);
                    if (n > 0) {
                        different.add(names.get(i) + " " + n);
                    }
                }
                boolean same = unmatched == 0 && different.isEmpty();
                System.out.printf("%,d customers, %d columns compared: %s%n", customers, names.size(),
                        same ? "identical" : "DIFFERENT: unmatched customers " + unmatched + "; " + different);
                System.exit(same ? 0 : 1);
            }
        }
    }
}
