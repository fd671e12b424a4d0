package io.fidelis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands on a PostgreSQL store, end to end, against the same book in a workspace: import, classify, export,
 * override and explain give the same results on both. Uses the test database of {@code FIDELIS_TEST_PG_URL} (see
 * scripts/postgres-test.sh), in a schema of its own; skipped without it, failed without it under CI.
 */
class PostgresEndToEndTest {

    @TempDir
    static Path temp;

    private static String schema;
    private static Path workspace;
    private static Path config;
    private static Path book;

    @BeforeAll
    static void importTheBookIntoBothStores() throws IOException, SQLException {
        String url = System.getenv("FIDELIS_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            String why = "FIDELIS_TEST_PG_URL is not set: start a test cluster with"
                    + " eval \"$(scripts/postgres-test.sh start)\"";
            if ("true".equals(System.getenv("CI"))) {
                fail(why + " (CI must test the PostgreSQL store)");
            }
            Assumptions.abort(why);
        }
        schema = "fidelis_cli_" + Long.toString(ProcessHandle.current().pid(), 36);
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        execute("CREATE SCHEMA " + schema);
        config = temp.resolve("db.properties");
        Files.writeString(
                config,
                "db.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema + "\n"
                        + "db.user=" + System.getenv("FIDELIS_TEST_PG_USER") + "\n"
                        + "db.password=" + System.getenv("FIDELIS_TEST_PG_PASSWORD") + "\n");
        workspace = Cli.generatedWorkspace(temp, 41);
        book = temp.resolve("book");
        Cli.Result imported = onPostgres("import", book.toString());
        assertThat(imported.exit()).as(imported.out() + imported.err()).isEqualTo(Main.OK);
    }

    @AfterAll
    static void dropTheSchema() throws SQLException {
        if (schema != null) {
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static Cli.Result onPostgres(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(
                "--db-config",
                config.toString(),
                "--workspace",
                temp.resolve("pg-rejects").toString()));
        return Cli.run(all.toArray(String[]::new));
    }

    private static Cli.Result inWorkspace(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--workspace", workspace.toString()));
        return Cli.run(all.toArray(String[]::new));
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                        System.getenv("FIDELIS_TEST_PG_URL"),
                        System.getenv("FIDELIS_TEST_PG_USER"),
                        System.getenv("FIDELIS_TEST_PG_PASSWORD"));
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void theSameBookGivesTheSameFingerprintAndTheSameExportOnBothStores() throws IOException {
        Cli.Result again = onPostgres("import", book.toString());
        Cli.Result workspaceAgain = inWorkspace("import", book.toString());
        assertThat(again.out()).contains("Input fingerprint: " + fingerprint(workspaceAgain.out()));

        Path fromPostgres = temp.resolve("postgres.csv");
        Path fromWorkspace = temp.resolve("workspace.csv");
        Cli.Result exported =
                onPostgres("export", "--as-of", Cli.AS_OF, "--format", "csv", "--out", fromPostgres.toString());
        assertThat(exported.exit()).as(exported.out() + exported.err()).isEqualTo(Main.OK);
        inWorkspace("export", "--as-of", Cli.AS_OF, "--format", "csv", "--out", fromWorkspace.toString());

        assertThat(Files.readAllLines(fromPostgres))
                .hasSize(Cli.CUSTOMERS + 1)
                .containsExactlyElementsOf(withoutRunIds(Files.readAllLines(fromWorkspace), fromPostgres));
    }

    @Test
    void anOverrideRecordedOnPostgresIsExplainedAndCountedByTheNextRun() {
        Cli.Result recorded = onPostgres(
                "override",
                "C0000007",
                "--tier",
                "high",
                "--reason",
                "credit committee",
                "--author",
                "Wang Fang",
                "--expires",
                "2027-01-01");
        assertThat(recorded.exit()).as(recorded.out() + recorded.err()).isEqualTo(Main.OK);

        Cli.Result explained = onPostgres("explain", "C0000007", "--as-of", Cli.AS_OF);
        Cli.Result classified = onPostgres("classify", "--as-of", Cli.AS_OF);

        assertThat(explained.out()).contains("Customer C0000007").contains("Tier: high loyalty");
        assertThat(explained.out()).contains("Wang Fang");
        assertThat(classified.out()).contains("Manual overrides 人工调整: 1 customers");
    }

    @Test
    void anUnknownCustomerIsReportedWithTheDatabaseNotAWorkspace() {
        Cli.Result explained = onPostgres("explain", "NOBODY", "--as-of", Cli.AS_OF);

        assertThat(explained.exit()).isEqualTo(Main.DATA_ERRORS);
        assertThat(explained.err()).contains("no customer 'NOBODY' in the book in jdbc:postgresql:");
    }

    private static String fingerprint(String out) {
        int at = out.indexOf("Input fingerprint: ");
        assertThat(at).as(out).isNotNegative();
        return out.substring(at + "Input fingerprint: ".length())
                .lines()
                .findFirst()
                .orElseThrow();
    }

    /** The workspace's rows with the run id the PostgreSQL export gave (each store numbers its own runs). */
    private static List<String> withoutRunIds(List<String> rows, Path postgres) throws IOException {
        String postgresRun = Files.readAllLines(postgres).get(1).split(",", 2)[0];
        List<String> renumbered = new ArrayList<>();
        renumbered.add(rows.get(0));
        for (String row : rows.subList(1, rows.size())) {
            renumbered.add(postgresRun + "," + row.split(",", 2)[1]);
        }
        return renumbered;
    }
}
