package io.fidelis.cli;

import static io.fidelis.cli.Cli.CUSTOMERS;
import static io.fidelis.cli.Cli.results;
import static io.fidelis.cli.Cli.runId;
import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.classification.ReasonCode;
import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.store.RunHeader;
import io.fidelis.store.RunProvenance;
import io.fidelis.store.RunResult;
import io.fidelis.store.duckdb.DuckDbBookStore;
import io.fidelis.store.duckdb.DuckDbRuns;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassifySeriesTest {

    private static final Set<ReasonCode> HYSTERESIS = EnumSet.of(
            ReasonCode.TIER_HELD_BY_HYSTERESIS, ReasonCode.UPGRADE_PENDING, ReasonCode.CREDIT_EVENT_DOWNGRADES_AT_ONCE);

    private static final List<LocalDate> THREE_MONTH_ENDS =
            List.of(LocalDate.parse("2026-07-31"), LocalDate.parse("2026-08-31"), LocalDate.parse("2026-09-30"));

    @TempDir
    static Path temp;

    private static Path workspace;

    @BeforeAll
    static void importABook() {
        workspace = Cli.generatedWorkspace(temp, 23);
    }

    private static Cli.Result classify(String... options) {
        List<String> args = new ArrayList<>(List.of("classify", "--workspace", workspace.toString()));
        args.addAll(Arrays.asList(options));
        return Cli.run(args.toArray(String[]::new));
    }

    /** The provenance without what differs between two computations of the same run: when it was made. */
    private static RunProvenance timeless(RunProvenance p) {
        return new RunProvenance(
                p.policyId(),
                p.policyVersion(),
                p.policySha256(),
                p.asOf(),
                p.inputFingerprint(),
                p.codeVersion(),
                p.priors(),
                java.time.Instant.EPOCH);
    }

    private static String aCustomer(int index) {
        List<String> ids = new ArrayList<>();
        try (DuckDbBookStore book = DuckDbBookStore.open(workspace)) {
            book.forEachHistory((CustomerHistory h) -> ids.add(h.customerId()));
        }
        return ids.get(index);
    }

    @Test
    void aSeriesEqualsClassifyingEachMonthEndAloneIncludingHysteresisAndOverrides() {
        // an override in force on the middle date only: the series must apply it there and nowhere else
        Cli.Result override = Cli.run(
                "override",
                aCustomer(7),
                "--tier",
                "high",
                "--stage",
                "dormant",
                "--reason",
                "series test",
                "--author",
                "tester",
                "--from",
                "2026-08-01",
                "--expires",
                "2026-09-01",
                "--workspace",
                workspace.toString());
        assertThat(override.exit()).as(override.err()).isEqualTo(Main.OK);

        Cli.Result series = classify("--from", "2026-07-01", "--to", "2026-09-30", "--every", "month");
        List<Long> alone = new ArrayList<>();
        for (LocalDate date : THREE_MONTH_ENDS) {
            alone.add(runId(classify("--as-of", date.toString())));
        }

        assertThat(series.exit()).as(series.err()).isEqualTo(Main.OK);
        try (DuckDbBookStore book = DuckDbBookStore.open(workspace)) {
            DuckDbRuns runs = DuckDbRuns.of(book);
            List<RunHeader> stored = runs.runs();
            List<RunHeader> seriesRuns = stored.stream()
                    .filter(r -> !alone.contains(r.runId()))
                    .toList()
                    .subList(stored.size() - 6, stored.size() - 3);
            List<RunResult> all = new ArrayList<>();
            for (int i = 0; i < THREE_MONTH_ENDS.size(); i++) {
                RunHeader fromSeries = seriesRuns.get(i);
                RunHeader single = runs.run(alone.get(i)).orElseThrow();
                assertThat(fromSeries.provenance().asOf()).isEqualTo(THREE_MONTH_ENDS.get(i));
                assertThat(timeless(fromSeries.provenance())).isEqualTo(timeless(single.provenance()));
                List<RunResult> seriesResults = results(runs, fromSeries.runId());
                assertThat(seriesResults).hasSize(CUSTOMERS).isEqualTo(results(runs, single.runId()));
                all.addAll(seriesResults);
            }
            assertThat(all).anySatisfy(r -> assertThat(r.tierReasons()).containsAnyElementsOf(HYSTERESIS));
            assertThat(all).filteredOn(RunResult::overridden).hasSize(1);
        }
    }

    @Test
    void aSeriesStoresOneRunPerMonthEndWithItsOwnProvenanceAndPrintsATrend() {
        Cli.Result result = classify("--from", "2026-04-15", "--to", "2026-09-29", "--policy", "default");

        assertThat(result.exit()).as(result.err()).isEqualTo(Main.OK);
        List<LocalDate> dates = List.of(
                LocalDate.parse("2026-04-30"),
                LocalDate.parse("2026-05-31"),
                LocalDate.parse("2026-06-30"),
                LocalDate.parse("2026-07-31"),
                LocalDate.parse("2026-08-31"));
        try (DuckDbBookStore book = DuckDbBookStore.open(workspace)) {
            List<RunHeader> runs = DuckDbRuns.of(book).runs();
            List<RunHeader> series = runs.subList(runs.size() - dates.size(), runs.size());
            for (int i = 0; i < dates.size(); i++) {
                RunHeader run = series.get(i);
                RunProvenance p = run.provenance();
                LocalDate date = dates.get(i);
                assertThat(p.asOf()).isEqualTo(date);
                assertThat(run.customers()).isEqualTo(CUSTOMERS);
                assertThat(p.inputFingerprint()).isEqualTo(book.inputFingerprint());
                assertThat(p.policySha256()).isEqualTo(runs.get(0).provenance().policySha256());
                assertThat(p.priors())
                        .isEqualTo("chained month-ends "
                                + date.minusMonths(2)
                                        .withDayOfMonth(1)
                                        .plusMonths(1)
                                        .minusDays(1) + ", "
                                + date.withDayOfMonth(1).minusDays(1));
                if (i > 0) {
                    assertThat(run.runId()).isGreaterThan(series.get(i - 1).runId());
                }
                long[] row = trendRow(result.out(), date);
                assertThat(row[0]).isEqualTo(run.runId());
                assertThat(row[1] + row[2] + row[3]).as("tiers").isEqualTo(CUSTOMERS);
                assertThat(row[4] + row[5] + row[6] + row[7]).as("stages").isEqualTo(CUSTOMERS);
            }
        }
        assertThat(result.out())
                .contains("Runs ")
                .contains("as of the 5 month-ends from 2026-04-30 to 2026-08-31")
                .contains("high", "medium", "low", "new", "active", "dormant", "churned")
                .contains("高忠诚度", "中忠诚度", "低忠诚度", "新客户", "活跃客户", "沉睡客户", "流失客户")
                .contains("each run whole, all committed together");
        assertThat(result.err()).contains("classify 5 dates 100%");
    }

    /** The numbers of the trend table's row for {@code date}: run id, then the tiers, then the stages. */
    private static long[] trendRow(String out, LocalDate date) {
        String line = out.lines()
                .filter(l -> l.startsWith(date.toString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + date + " in\n" + out));
        return Arrays.stream(line.substring(10).trim().split("\\s+"))
                .mapToLong(n -> Long.parseLong(n.replace(",", "")))
                .toArray();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "--as-of 2026-09-30 --from 2026-07-31 --to 2026-09-30 | give either --as-of DATE or a series",
                "--as-of 2026-09-30 --every month | give either --as-of DATE or a series",
                "--from 2026-07-31 | a series needs both --from DATE and --to DATE",
                "--to 2026-07-31 --every month | a series needs both --from DATE and --to DATE",
                "--from 2026-09-30 --to 2026-07-31 | --from 2026-09-30 is after --to 2026-07-31",
                "--from 2026-09-02 --to 2026-09-29 | no month-end from 2026-09-02 to 2026-09-29",
                "--from 2026-07-31 --to 2026-09-30 --every week | 'week' is not a supported interval: month",
                "--from 2026-07-31 --to 2026-02-30 | '2026-02-30' is not a date like 2026-09-30",
            })
    void aWrongSeriesIsAUsageError(String options, String message) {
        int runsBefore;
        try (DuckDbBookStore book = DuckDbBookStore.open(workspace)) {
            runsBefore = DuckDbRuns.of(book).runs().size();
        }

        Cli.Result result = classify(options.split(" "));

        assertThat(result.exit()).as(result.out()).isEqualTo(Main.USAGE);
        assertThat(result.err()).contains(message);
        try (DuckDbBookStore book = DuckDbBookStore.open(workspace)) {
            assertThat(DuckDbRuns.of(book).runs()).hasSize(runsBefore);
        }
    }
}
