package io.fidelis.cli;

import static io.fidelis.cli.Cli.CUSTOMERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fidelis.store.RunHeader;
import io.fidelis.store.RunResult;
import io.fidelis.store.duckdb.DuckDbBookStore;
import io.fidelis.store.duckdb.DuckDbRuns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MigrateCommandTest {

    @TempDir
    static Path temp;

    private static Path workspace;

    /** The runs of the series as of 2026-06-30 to 2026-09-30, oldest first. */
    private static List<RunHeader> series;

    @BeforeAll
    static void classifyAFewMonthEnds() {
        workspace = Cli.generatedWorkspace(temp, 31);
        Cli.Result classified =
                Cli.run("classify", "--from", "2026-06-30", "--to", "2026-09-30", "--workspace", workspace.toString());
        assertThat(classified.exit()).as(classified.err()).isEqualTo(Main.OK);
        try (DuckDbBookStore book = DuckDbBookStore.open(workspace)) {
            series = DuckDbRuns.of(book).runs();
        }
        assertThat(series).hasSize(4);
    }

    private static Cli.Result migrate(String... options) {
        List<String> args = new ArrayList<>(List.of("migrate", "--workspace", workspace.toString()));
        args.addAll(Arrays.asList(options));
        return Cli.run(args.toArray(String[]::new));
    }

    private static JsonNode json(Cli.Result result) throws Exception {
        assertThat(result.exit()).as(result.err()).isEqualTo(Main.OK);
        return new ObjectMapper().readTree(result.out());
    }

    private static Map<String, String> classes(long runId, boolean byTier) {
        Map<String, String> classes = new HashMap<>();
        try (DuckDbBookStore book = DuckDbBookStore.open(workspace)) {
            DuckDbRuns.of(book)
                    .forEachResult(
                            runId,
                            (RunResult r) -> classes.put(
                                    r.customerId(),
                                    byTier ? r.tier().code() : r.stage().code()));
        }
        return classes;
    }

    @ParameterizedTest(name = "by {0}")
    @ValueSource(strings = {"tier", "stage"})
    void countsAddUpToThePopulationAndEachRowsSharesToOne(String by) throws Exception {
        JsonNode matrix = json(migrate("--from-run", id(0), "--to-run", id(3), "--by", by, "--json"));

        assertThat(matrix.get("by").asText()).isEqualTo(by);
        assertThat(matrix.get("total").asLong()).isEqualTo(CUSTOMERS);
        long sum = 0;
        for (JsonNode row : matrix.get("counts")) {
            for (JsonNode count : row) {
                sum += count.asLong();
            }
        }
        assertThat(sum).isEqualTo(CUSTOMERS);
        List<String> labels = new ArrayList<>();
        matrix.get("labels").forEach(l -> labels.add(l.asText()));
        assertThat(labels).last().isEqualTo("absent");
        for (int r = 0; r < labels.size(); r++) {
            JsonNode shares = matrix.get("row_shares").get(r);
            if (matrix.get("row_totals").get(r).asLong() == 0) {
                shares.forEach(s -> assertThat(s.isNull()).isTrue());
                continue;
            }
            double total = 0;
            for (JsonNode share : shares) {
                total += share.asDouble();
            }
            assertThat(total).isCloseTo(1, within(1e-9));
        }
    }

    @Test
    void eachCellCountsTheCustomersWhoMovedFromOneClassToTheOther() throws Exception {
        JsonNode matrix = json(migrate("--from-run", id(0), "--to-run", id(3), "--json"));
        Map<String, String> before = classes(series.get(0).runId(), true);
        Map<String, String> after = classes(series.get(3).runId(), true);

        List<String> labels = new ArrayList<>();
        matrix.get("labels").forEach(l -> labels.add(l.asText()));
        assertThat(labels).containsExactly("high", "medium", "low", "absent");
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                String from = labels.get(r);
                String to = labels.get(c);
                long expected = before.keySet().stream()
                        .filter(id -> before.get(id).equals(from) && to.equals(after.get(id)))
                        .count();
                assertThat(matrix.get("counts").get(r).get(c).asLong())
                        .as("%s to %s", from, to)
                        .isEqualTo(expected);
            }
        }
        assertThat(matrix.at("/from/run_id").asLong()).isEqualTo(series.get(0).runId());
        assertThat(matrix.at("/to/as_of").asText()).isEqualTo("2026-09-30");
    }

    @Test
    void theTextShowsCountsAndSharesWithEnglishAndChineseLabels() {
        Cli.Result result = migrate("--from", "2026-06-30", "--to", "2026-09-30", "--by", "stage");

        assertThat(result.exit()).as(result.err()).isEqualTo(Main.OK);
        assertThat(result.out())
                .contains("Migration by lifecycle stage 生命周期阶段迁移: from run "
                        + series.get(0).runId())
                .contains("Customers 客户数", "Row shares 行占比")
                .contains("new 新客户", "active 活跃客户", "dormant 沉睡客户", "churned 流失客户", "absent 不在该运行")
                .contains("total 合计")
                .containsPattern("active 活跃客户 +\\d+ +\\d+ +\\d+ +\\d+ +0 +\\d+")
                .containsPattern("\\d+\\.\\d%");
        String totals = result.out()
                .lines()
                .filter(l -> l.startsWith("total 合计"))
                .findFirst()
                .orElseThrow();
        assertThat(totals).endsWith(" " + CUSTOMERS);
    }

    @Test
    void aDateTakesTheLatestRunAsOfIt() throws Exception {
        Cli.Result again = Cli.run("classify", "--as-of", "2026-09-30", "--workspace", workspace.toString());
        Matcher run = Pattern.compile("Run (\\d+): ").matcher(again.out());
        assertThat(run.find()).as(again.out()).isTrue();

        JsonNode matrix = json(migrate("--from", "2026-07-31", "--to", "2026-09-30", "--json"));

        assertThat(matrix.at("/to/run_id").asLong()).isEqualTo(Long.parseLong(run.group(1)));
        assertThat(matrix.at("/from/run_id").asLong()).isEqualTo(series.get(1).runId());
    }

    @Test
    void aDateWithoutARunIsADataErrorWithAHintToClassify() {
        Cli.Result result = migrate("--from", "2025-09-30", "--to", "2026-09-30");

        assertThat(result.exit()).isEqualTo(Main.DATA_ERRORS);
        assertThat(result.err())
                .contains("no run as of 2025-09-30 in " + workspace)
                .contains("classify first: fidelis classify --as-of 2025-09-30");
    }

    @Test
    void anUnknownRunIsADataError() {
        Cli.Result result = migrate("--from-run", "999", "--to", "2026-09-30");

        assertThat(result.exit()).isEqualTo(Main.DATA_ERRORS);
        assertThat(result.err()).contains("no run 999 in " + workspace);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "--to 2026-09-30 | give the first run with either --from-run ID or --from DATE",
                "--from 2026-06-30 --from-run 1 --to 2026-09-30 | give the first run with either",
                "--from 2026-06-30 | give the second run with either --to-run ID or --to DATE",
                "--from 2026-09-30 --to 2026-06-30 | is after run",
                "--from 2026-06-30 --to 2026-09-30 --by segment | 'segment' is not one of tier, stage",
            })
    void aWrongCommandLineIsAUsageError(String options, String message) {
        Cli.Result result = migrate(options.split(" "));

        assertThat(result.exit()).isEqualTo(Main.USAGE);
        assertThat(result.err()).contains(message);
    }

    private static String id(int index) {
        return Long.toString(series.get(index).runId());
    }
}
