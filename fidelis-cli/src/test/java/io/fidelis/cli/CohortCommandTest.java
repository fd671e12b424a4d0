package io.fidelis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import io.fidelis.store.RunResult;
import io.fidelis.store.duckdb.DuckDbBookStore;
import io.fidelis.store.duckdb.DuckDbRuns;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CohortCommandTest {

    private static final LocalDate FROM = LocalDate.parse("2026-04-01");
    private static final LocalDate TO = LocalDate.parse("2026-06-30");

    @TempDir
    static Path temp;

    private static Path workspace;
    private static long runId;

    @BeforeAll
    static void classifyTheEndOfTheBook() {
        workspace = Cli.generatedWorkspace(temp, 37);
        Cli.Result classified = Cli.run("classify", "--as-of", "2026-09-30", "--workspace", workspace.toString());
        Matcher run = Pattern.compile("Run (\\d+): ").matcher(classified.out());
        assertThat(run.find()).as(classified.err()).isTrue();
        runId = Long.parseLong(run.group(1));
    }

    private static Cli.Result cohort(String... options) {
        List<String> args = new ArrayList<>(List.of("cohort", "--workspace", workspace.toString()));
        args.addAll(Arrays.asList(options));
        return Cli.run(args.toArray(String[]::new));
    }

    /** The customers whose relationship started in the quarter: onboarded then, or first seen then when not given. */
    private static Set<String> startedInTheQuarter() {
        Set<String> members = new HashSet<>();
        try (DuckDbBookStore book = DuckDbBookStore.open(workspace)) {
            book.forEachHistory((CustomerHistory h) -> {
                LocalDate start = h.customer().onboardedOn();
                if (start == null) {
                    start = h.loans().stream()
                            .map(l -> l.startDate())
                            .min(LocalDate::compareTo)
                            .orElse(null);
                    for (var interaction : h.interactions()) {
                        if (start == null || interaction.occurredOn().isBefore(start)) {
                            start = interaction.occurredOn();
                        }
                    }
                }
                if (start != null && !start.isBefore(FROM) && !start.isAfter(TO)) {
                    members.add(h.customerId());
                }
            });
        }
        return members;
    }

    /** The numbers of a table row that starts with {@code label}. */
    private static long[] row(String out, String label) {
        String line = out.lines()
                .filter(l -> l.startsWith(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label + " in\n" + out));
        return Arrays.stream(line.substring(label.length()).trim().split("\\s+"))
                .mapToLong(n -> Long.parseLong(n.replace(",", "")))
                .toArray();
    }

    @Test
    void theCohortIsCountedByTierAndStageAsTheRunHoldsItsMembers() {
        Set<String> members = startedInTheQuarter();
        Map<Tier, long[]> expected = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            expected.put(tier, new long[Stage.values().length + 1]);
        }
        try (DuckDbBookStore book = DuckDbBookStore.open(workspace)) {
            DuckDbRuns.of(book).forEachResult(runId, (RunResult r) -> {
                if (members.contains(r.customerId())) {
                    expected.get(r.tier())[r.stage().ordinal()]++;
                    expected.get(r.tier())[Stage.values().length]++;
                }
            });
        }

        Cli.Result result =
                cohort("--onboarded-from", FROM.toString(), "--onboarded-to", TO.toString(), "--at", "2026-09-30");

        assertThat(result.exit()).as(result.err()).isEqualTo(Main.OK);
        assertThat(members).isNotEmpty();
        assertThat(result.out())
                .contains("Cohort 客户群: " + members.size() + " customers whose relationship started from 2026-04-01"
                        + " to 2026-06-30")
                .contains("At run " + runId + " (as of 2026-09-30")
                .contains("Not in the run 不在该运行: 0 of " + members.size())
                .contains("Shares of those in the run 占比:");
        for (Tier tier : Tier.values()) {
            assertThat(row(result.out(), RunReport.bilingual(tier)))
                    .as(tier.code())
                    .containsExactly(expected.get(tier));
        }
        assertThat(row(result.out(), "total 合计")).endsWith(members.size());
    }

    @Test
    void aRunCanBeGivenByIdAndSeveralRunsAreShownInTurn() {
        Cli.Result result = cohort(
                "--onboarded-from",
                FROM.toString(),
                "--onboarded-to",
                TO.toString(),
                "--run",
                Long.toString(runId),
                "--at",
                "2026-09-30");

        assertThat(result.exit()).as(result.err()).isEqualTo(Main.OK);
        assertThat(result.out().split("At run " + runId, -1)).hasSize(3);
    }

    @Test
    void anEmptyCohortSaysSo() {
        Cli.Result result =
                cohort("--onboarded-from", "2010-01-01", "--onboarded-to", "2010-03-31", "--at", "2026-09-30");

        assertThat(result.exit()).isEqualTo(Main.OK);
        assertThat(result.out()).contains("Cohort 客户群: 0 customers", "nothing to show");
    }

    @Test
    void aDateWithoutARunIsADataErrorWithAHintToClassify() {
        Cli.Result result =
                cohort("--onboarded-from", FROM.toString(), "--onboarded-to", TO.toString(), "--at", "2027-03-31");

        assertThat(result.exit()).isEqualTo(Main.DATA_ERRORS);
        assertThat(result.err())
                .contains("no run as of 2027-03-31", "classify first: fidelis classify --as-of 2027-03-31");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "--onboarded-from 2026-06-30 --onboarded-to 2026-04-01 --at 2026-09-30 | is after --onboarded-to",
                "--onboarded-from 2026-04-01 --onboarded-to 2026-06-30 | give the run to look at with --at DATE",
                "--onboarded-to 2026-06-30 --at 2026-09-30 | Missing required option: '--onboarded-from",
            })
    void aWrongCommandLineIsAUsageError(String options, String message) {
        Cli.Result result = cohort(options.split(" "));

        assertThat(result.exit()).isEqualTo(Main.USAGE);
        assertThat(result.err()).contains(message);
    }
}
