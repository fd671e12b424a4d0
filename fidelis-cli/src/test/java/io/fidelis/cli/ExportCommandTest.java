package io.fidelis.cli;

import static io.fidelis.cli.Cli.AS_OF;
import static io.fidelis.cli.Cli.CUSTOMERS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fidelis.core.features.FeatureId;
import io.fidelis.core.features.FeatureValue;
import io.fidelis.store.RunResult;
import io.fidelis.store.RunsSql;
import io.fidelis.store.duckdb.DuckDbBookStore;
import io.fidelis.store.duckdb.DuckDbRuns;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {

    @TempDir
    static Path temp;

    private static Path workspace;

    @BeforeAll
    static void importABook() {
        workspace = Cli.generatedWorkspace(temp, 37);
    }

    private static Cli.Result export(String... options) {
        List<String> args = new ArrayList<>(List.of("export", "--workspace", workspace.toString()));
        args.addAll(List.of(options));
        return Cli.run(args.toArray(String[]::new));
    }

    private static long exportedRun(Cli.Result result) {
        Matcher run = Pattern.compile("customers of run (\\d+) ").matcher(result.out());
        assertThat(run.find()).as(result.out() + result.err()).isTrue();
        return Long.parseLong(run.group(1));
    }

    private static List<RunResult> stored(long runId) {
        List<RunResult> results = new ArrayList<>();
        try (DuckDbBookStore book = DuckDbBookStore.open(workspace)) {
            DuckDbRuns.of(book).forEachResult(runId, results::add);
        }
        return results;
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(reader)) {
            return parser.getRecords();
        }
    }

    private static List<String> header(Path file) throws IOException {
        String first = Files.readString(file, StandardCharsets.UTF_8)
                .lines()
                .findFirst()
                .orElseThrow();
        return List.of(first.split(","));
    }

    @Test
    void csvHasOneRowPerCustomerUnderStableColumnNames(@TempDir Path out) throws IOException {
        Path file = out.resolve("loyalty.csv");

        Cli.Result result = export("--as-of", AS_OF, "--format", "csv", "--out", file.toString());

        assertThat(result.exit()).as(result.err()).isEqualTo(Main.OK);
        List<String> expected = new ArrayList<>(List.of("run_id", "as_of", "policy_id", "policy_version"));
        RunsSql.resultColumnNames().stream().filter(c -> !c.equals("run_id")).forEach(expected::add);
        assertThat(header(file)).isEqualTo(expected);
        List<CSVRecord> records = csv(file);
        assertThat(records).hasSize(CUSTOMERS);
        assertThat(records.stream().map(r -> r.get("customer_id")).distinct()).hasSize(CUSTOMERS);
        assertThat(records).allSatisfy(r -> assertThat(r.get("as_of")).isEqualTo(AS_OF));
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .contains("\r\n")
                .doesNotContain("\n\n");
    }

    @Test
    void everyCsvCellEqualsTheStoredRunAndMissingFeaturesAreBlank(@TempDir Path out) throws IOException {
        Path file = out.resolve("loyalty.csv");
        long runId = exportedRun(export("--as-of", AS_OF, "--format", "csv", "--out", file.toString()));

        List<CSVRecord> records = csv(file);
        List<RunResult> results = stored(runId);

        int blanks = 0;
        for (int i = 0; i < results.size(); i++) {
            RunResult result = results.get(i);
            CSVRecord record = records.get(i);
            assertThat(record.get("customer_id")).isEqualTo(result.customerId());
            assertThat(record.get("tier")).isEqualTo(result.tier().code());
            assertThat(record.get("stage")).isEqualTo(result.stage().code());
            assertThat(record.get("tier_reasons")).isEqualTo(RunsSql.join(result.tierReasons()));
            for (FeatureId feature : FeatureId.values()) {
                FeatureValue value = result.feature(feature);
                String cell = record.get(feature.code());
                if (value.present()) {
                    assertThat(new BigDecimal(cell)).isEqualByComparingTo(BigDecimal.valueOf(value.value()));
                } else {
                    assertThat(cell)
                            .as("%s of %s", feature, result.customerId())
                            .isEmpty();
                    blanks++;
                }
            }
        }
        assertThat(blanks).as("the book has customers with missing features").isPositive();
    }

    @Test
    void jsonHoldsTheRunAndEveryCustomerWithNullForMissingFeatures(@TempDir Path out) throws IOException {
        Path file = out.resolve("loyalty.json");

        long runId = exportedRun(export("--as-of", AS_OF, "--format", "json", "--out", file.toString()));

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.at("/run/run_id").asLong()).isEqualTo(runId);
        assertThat(json.at("/run/input_fingerprint").asText()).startsWith("sha256:");
        assertThat(json.get("customers")).hasSize(CUSTOMERS);
        List<RunResult> results = stored(runId);
        for (int i = 0; i < results.size(); i++) {
            JsonNode customer = json.get("customers").get(i);
            RunResult result = results.get(i);
            assertThat(customer.get("customer_id").asText()).isEqualTo(result.customerId());
            FeatureValue satisfaction = result.feature(FeatureId.SATISFACTION_MEAN);
            JsonNode cell = customer.at("/features/satisfaction_mean");
            if (satisfaction.present()) {
                assertThat(cell.asDouble()).isEqualTo(satisfaction.value());
            } else {
                assertThat(cell.isNull()).isTrue();
            }
        }
    }

    @Test
    void withoutAStoredRunTheBookIsClassifiedOnceAndTheRunReused(@TempDir Path out) {
        String asOf = "2026-08-31"; // no other test classifies as of this date
        Cli.Result first = export(
                "--as-of",
                asOf,
                "--format",
                "csv",
                "--out",
                out.resolve("a.csv").toString());
        Cli.Result second = export(
                "--as-of",
                asOf,
                "--format",
                "json",
                "--out",
                out.resolve("b.json").toString());

        assertThat(first.err()).contains("No stored run as of " + asOf);
        assertThat(second.err()).doesNotContain("No stored run");
        assertThat(exportedRun(second)).isEqualTo(exportedRun(first));
    }

    @Test
    void aStoredRunIsExportedByItsId(@TempDir Path out) {
        long runId = exportedRun(export(
                "--as-of",
                AS_OF,
                "--format",
                "csv",
                "--out",
                out.resolve("a.csv").toString()));

        Cli.Result byId = export(
                "--run",
                Long.toString(runId),
                "--format",
                "csv",
                "--out",
                out.resolve("b.csv").toString());

        assertThat(byId.exit()).as(byId.err()).isEqualTo(Main.OK);
        assertThat(exportedRun(byId)).isEqualTo(runId);
    }

    @Test
    void theFileIsReplacedWholeAndNoTemporaryFileRemains(@TempDir Path out) throws IOException {
        Path file = Files.writeString(out.resolve("loyalty.csv"), "old content");

        Cli.Result result = export("--as-of", AS_OF, "--format", "csv", "--out", file.toString());

        assertThat(result.exit()).isEqualTo(Main.OK);
        assertThat(Files.readString(file)).startsWith("run_id,");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void anUnknownRunIsADataError(@TempDir Path out) {
        Cli.Result result = export(
                "--run", "999", "--format", "csv", "--out", out.resolve("x.csv").toString());

        assertThat(result.exit()).isEqualTo(Main.DATA_ERRORS);
        assertThat(result.err()).contains("no run 999");
        assertThat(out.resolve("x.csv")).doesNotExist();
    }

    @Test
    void wrongCombinationsAreUsageErrors(@TempDir Path out) {
        String file = out.resolve("x.csv").toString();

        assertThat(export("--format", "csv", "--out", file).exit()).isEqualTo(Main.USAGE);
        assertThat(export("--run", "1", "--policy", "seed-case", "--format", "csv", "--out", file)
                        .exit())
                .isEqualTo(Main.USAGE);
        assertThat(export("--as-of", AS_OF, "--format", "xlsx", "--out", file).exit())
                .isEqualTo(Main.USAGE);
        assertThat(export("--as-of", AS_OF, "--format", "csv", "--out", out.toString())
                        .exit())
                .isEqualTo(Main.USAGE);
        assertThat(out.resolve("x.csv")).doesNotExist();
    }
}
