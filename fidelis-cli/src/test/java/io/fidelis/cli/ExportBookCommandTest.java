package io.fidelis.cli;

import static io.fidelis.cli.Cli.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.domain.Table;
import io.fidelis.store.duckdb.DuckDbBookStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportBookCommandTest {

    @TempDir
    static Path temp;

    private static Path workspace;
    private static Path parquet;
    private static Path reimported;
    private static Cli.Result imported;

    @BeforeAll
    static void roundTripThroughParquet() {
        workspace = Cli.generatedWorkspace(temp, 41);
        parquet = temp.resolve("parquet");
        Cli.Result exported = Cli.run("export-book", "--workspace", workspace.toString(), "--out", parquet.toString());
        assertThat(exported.exit()).as(exported.err()).isEqualTo(Main.OK);
        reimported = temp.resolve("reimported");
        imported = Cli.run("import", parquet.toString(), "--workspace", reimported.toString());
    }

    @Test
    void theBookIsWrittenAsOneParquetFilePerTable() {
        for (Table table : Table.values()) {
            assertThat(parquet.resolve(table.code() + ".parquet")).isRegularFile();
        }
    }

    @Test
    void aFolderOfParquetFilesImportsAsTheSameBook() {
        assertThat(imported.exit()).as(imported.out() + imported.err()).isEqualTo(Main.OK);
        assertThat(counts(reimported)).isEqualTo(counts(workspace));
    }

    @Test
    void theReimportedBookClassifiesCustomerForCustomerAsTheOriginal() throws IOException {
        assertThat(imported.exit()).isEqualTo(Main.OK);
        Path original = temp.resolve("original.csv");
        Path roundTripped = temp.resolve("round-tripped.csv");
        assertThat(Cli.run(
                                "export",
                                "--workspace",
                                workspace.toString(),
                                "--as-of",
                                AS_OF,
                                "--format",
                                "csv",
                                "--out",
                                original.toString())
                        .exit())
                .isEqualTo(Main.OK);
        assertThat(Cli.run(
                                "export",
                                "--workspace",
                                reimported.toString(),
                                "--as-of",
                                AS_OF,
                                "--format",
                                "csv",
                                "--out",
                                roundTripped.toString())
                        .exit())
                .isEqualTo(Main.OK);
        List<String> expected = Files.readAllLines(original);
        assertThat(expected).hasSize(Cli.CUSTOMERS + 1);
        assertThat(Files.readAllLines(roundTripped)).isEqualTo(expected);
    }

    @Test
    void aBadCellInAParquetFileIsRejectedWithItsRowAndColumnAndNothingIsWritten() throws Exception {
        Path broken = temp.resolve("broken");
        Files.createDirectories(broken);
        try (var duckdb = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                var sql = duckdb.createStatement()) {
            sql.execute("COPY (SELECT * FROM (VALUES ('C1', 'micro'), ('C2', 'huge')) t(customer_id, size)) TO '"
                    + broken.resolve("customers.parquet") + "' (FORMAT parquet)");
        }
        Path target = temp.resolve("broken-workspace");
        Cli.Result result = Cli.run("import", broken.toString(), "--workspace", target.toString());
        assertThat(result.exit()).isEqualTo(Main.DATA_ERRORS);
        assertThat(result.out())
                .contains("customers.parquet:2")
                .contains("size")
                .contains("huge");
        try (DuckDbBookStore book = DuckDbBookStore.open(target)) {
            assertThat(book.counts().get(Table.CUSTOMERS)).isZero();
        }
    }

    private static Map<Table, Long> counts(Path workspace) {
        try (DuckDbBookStore book = DuckDbBookStore.open(workspace)) {
            return book.counts();
        }
    }
}
