package io.fidelis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fidelis.generator.BookGenerator;
import io.fidelis.generator.Effects;
import io.fidelis.generator.Experiment;
import io.fidelis.generator.ExperimentSummary;
import io.fidelis.generator.GenerationSummary;
import io.fidelis.generator.GeneratorSettings;
import io.fidelis.store.CsvBookFolder;
import io.fidelis.store.ImportRequest;
import io.fidelis.store.ImportResult;
import io.fidelis.store.duckdb.DuckDbBookStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The honesty test: on books whose true effects are known, the evaluation's 95% intervals cover them about 95%
 * of the time, and a true zero is called significant no more often than chance allows.
 *
 * <p>For each of 20 seeds a book of {@value #CUSTOMERS} customers over two years is generated with the worked case's
 * experiment (start one year before the end, half of each stratum treated), imported, its {@code assignments.csv}
 * imported with {@code fidelis assign --import}, and evaluated with {@code fidelis evaluate --json}. The truth is the
 * effect the generator realised in that book (every assigned customer simulated with and without the strategy), which
 * the treatment - control comparison estimates without bias because the outcome definitions are the same:
 *
 * <ul>
 *   <li>churn among all assigned customers, rate ratio treatment / control (Katz interval);
 *   <li>default among high-tier customers, rate ratio (Katz): few events at this size (about 10 to 15 per arm), so
 *       the interval is wide, but it is as valid as the others and is checked the same way;
 *   <li>satisfaction of medium-tier customers, difference of pooled mean answers (cluster interval).
 * </ul>
 *
 * Each must be covered in at least 17 of 20 books (with a true 95% coverage, P(X &lt;= 16) is 1.6%). A second series of
 * 20 books with zero effects must call each of the three significant (p &lt; 0.05) in at most 3 of 20 (P(X &gt;= 4 | p =
 * 0.05) is 1.6%), and, as nothing differs between the arms there, the evaluator's event and answer counts must equal
 * the generator's own: the definitions agree exactly. The books are seeded, so the test always passes or always
 * fails; the counts it finds are printed.
 *
 * <p>Slow (40 books): tagged {@code slow}; it runs in {@code mvn verify} like every test ({@code -DexcludedGroups=slow}
 * leaves it out).
 */
@Tag("slow")
class EvaluationHonestyTest {

    static final int CUSTOMERS = 5_000;
    static final int SEEDS = 20;
    static final long FIRST_SEED = 20_261_201L;
    static final LocalDate END = LocalDate.of(2026, 9, 30);
    static final LocalDate START = END.minusMonths(12);
    static final String WORKED_CASE = "churn=-0.30,high_default=-0.20,medium_satisfaction=+0.3";

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    /** One book's truth and the evaluation's estimates. */
    record Book(
            long seed,
            ExperimentSummary truth,
            JsonNode churnRatio,
            JsonNode highDefaultRatio,
            JsonNode mediumSatisfaction,
            long churnEvents,
            long highDefaultEvents,
            long mediumAnswers,
            double seconds) {}

    @Test
    void intervalsCoverTheRealisedEffectsAndZeroEffectsAreRarelySignificant() {
        List<Book> worked = new ArrayList<>();
        List<Book> none = new ArrayList<>();
        for (int i = 0; i < SEEDS; i++) {
            worked.add(evaluate(FIRST_SEED + i, Effects.parse(WORKED_CASE)));
            none.add(evaluate(FIRST_SEED + i, Effects.NONE));
        }
        print(worked, none);

        assertThat(count(worked, b -> covers(b.churnRatio, b.truth.churn().ratio())))
                .as("churn ratio intervals covering the realised ratio")
                .isGreaterThanOrEqualTo(17);
        assertThat(count(
                        worked,
                        b -> covers(b.highDefaultRatio, b.truth.highDefault().ratio())))
                .as("high-tier default ratio intervals covering the realised ratio")
                .isGreaterThanOrEqualTo(17);
        assertThat(count(
                        worked,
                        b -> covers(
                                b.mediumSatisfaction,
                                b.truth.mediumSatisfaction().difference())))
                .as("medium satisfaction intervals covering the realised difference")
                .isGreaterThanOrEqualTo(17);
        assertThat(count(none, b -> significant(b.churnRatio)))
                .as("zero churn effect called significant")
                .isLessThanOrEqualTo(3);
        assertThat(count(none, b -> significant(b.highDefaultRatio)))
                .as("zero default effect called significant")
                .isLessThanOrEqualTo(3);
        assertThat(count(none, b -> significant(b.mediumSatisfaction)))
                .as("zero satisfaction effect called significant")
                .isLessThanOrEqualTo(3);
        for (Book book : none) {
            ExperimentSummary truth = book.truth;
            assertThat(book.churnEvents)
                    .as("churn events, seed " + book.seed)
                    .isEqualTo(truth.churn().countWithout());
            assertThat(book.highDefaultEvents)
                    .as("high default events, seed " + book.seed)
                    .isEqualTo(truth.highDefault().countWithout());
            assertThat(book.mediumAnswers)
                    .as("medium satisfaction answers, seed " + book.seed)
                    .isEqualTo(truth.mediumSatisfaction().countWithout());
        }
        // the worked case's arms do differ: the test can tell an effect from none
        assertThat(count(worked, b -> significant(b.churnRatio))).isGreaterThanOrEqualTo(10);
        assertThat(count(worked, b -> significant(b.mediumSatisfaction))).isGreaterThanOrEqualTo(10);
    }

    private Book evaluate(long seed, Effects effects) {
        long started = System.nanoTime();
        Path folder = temp.resolve(seed + (effects.none() ? "-none" : "-worked"));
        Path files = folder.resolve("book");
        Path workspace = folder.resolve("workspace");
        try {
            GenerationSummary generated = new BookGenerator(
                            new GeneratorSettings(CUSTOMERS, seed, END, 2),
                            new Experiment(Experiment.DEFAULT_STRATEGY_ID, START, 0.5, effects))
                    .writeTo(files, done -> {});
            try (DuckDbBookStore store = DuckDbBookStore.open(workspace)) {
                ImportResult imported = store.importBook(ImportRequest.strict(CsvBookFolder.of(files)));
                assertThat(imported.committed()).as("import of seed " + seed).isTrue();
            }
            Cli.Result assigned = Cli.run(
                    "assign",
                    "--import",
                    files.resolve(Experiment.ASSIGNMENTS_FILE).toString(),
                    "--workspace",
                    workspace.toString());
            assertThat(assigned.exit()).as(assigned.out() + assigned.err()).isEqualTo(Main.OK);
            Cli.Result evaluated = Cli.run(
                    "evaluate",
                    "--strategy",
                    Experiment.DEFAULT_STRATEGY_ID,
                    "--start",
                    START.toString(),
                    "--workspace",
                    workspace.toString(),
                    "--json");
            assertThat(evaluated.exit()).as(evaluated.err()).isEqualTo(Main.OK);
            JsonNode result = JSON.readTree(evaluated.out());
            JsonNode churn = group(result, "churn", "all");
            JsonNode defaults = group(result, "default_rate", "high");
            JsonNode satisfaction = group(result, "satisfaction", "medium");
            return new Book(
                    seed,
                    generated.experimentSummary().orElseThrow(),
                    churn.get("treatment_over_control_after"),
                    defaults.get("treatment_over_control_after"),
                    satisfaction.get("treatment_minus_control_after"),
                    events(churn, "events"),
                    events(defaults, "events"),
                    events(satisfaction, "answers"),
                    (System.nanoTime() - started) / 1e9);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(folder);
        }
    }

    static JsonNode group(JsonNode result, String outcome, String group) {
        for (JsonNode node : result.get("outcomes")) {
            if (node.get("outcome").asText().equals(outcome)) {
                for (JsonNode g : node.get("groups")) {
                    if (g.get("group").asText().equals(group)) {
                        return g;
                    }
                }
            }
        }
        throw new AssertionError("no " + outcome + " of group " + group + " in " + result);
    }

    /** Events (or answers) after the start, both arms. */
    private static long events(JsonNode group, String field) {
        JsonNode levels = group.get("levels");
        return levels.get("treatment").get("after").get(field).asLong()
                + levels.get("control").get("after").get(field).asLong();
    }

    private static boolean covers(JsonNode finding, double truth) {
        return finding.get("status").asText().equals("estimate")
                && finding.get("lower").asDouble() <= truth
                && truth <= finding.get("upper").asDouble();
    }

    private static boolean significant(JsonNode finding) {
        return finding.get("status").asText().equals("estimate")
                && finding.get("p_value").asDouble() < 0.05;
    }

    private static long count(List<Book> books, java.util.function.Predicate<Book> test) {
        return books.stream().filter(test).count();
    }

    private static void print(List<Book> worked, List<Book> none) {
        StringBuilder text = new StringBuilder("Evaluation honesty, ")
                .append(CUSTOMERS)
                .append(" customers a book:\n")
                .append("seed      churn ratio: truth [interval]   high default ratio: truth [interval]"
                        + "   medium satisfaction: truth [interval]   | zero effects: p churn, default, satisfaction"
                        + "   seconds\n");
        double seconds = 0;
        for (int i = 0; i < worked.size(); i++) {
            Book w = worked.get(i);
            Book z = none.get(i);
            seconds += w.seconds + z.seconds;
            text.append(String.format(
                    Locale.ROOT,
                    "%d  %.3f %s   %.3f %s   %+.3f %s   | %s %s %s   %.1f + %.1f%n",
                    w.seed,
                    w.truth.churn().ratio(),
                    interval(w.churnRatio),
                    w.truth.highDefault().ratio(),
                    interval(w.highDefaultRatio),
                    w.truth.mediumSatisfaction().difference(),
                    interval(w.mediumSatisfaction),
                    p(z.churnRatio),
                    p(z.highDefaultRatio),
                    p(z.mediumSatisfaction),
                    w.seconds,
                    z.seconds));
        }
        text.append(String.format(
                Locale.ROOT,
                "covered: churn %d/%d, high default %d/%d, medium satisfaction %d/%d; zero effects significant:"
                        + " churn %d, default %d, satisfaction %d of %d; %.0f s in all%n",
                count(worked, b -> covers(b.churnRatio, b.truth.churn().ratio())),
                worked.size(),
                count(
                        worked,
                        b -> covers(b.highDefaultRatio, b.truth.highDefault().ratio())),
                worked.size(),
                count(
                        worked,
                        b -> covers(
                                b.mediumSatisfaction,
                                b.truth.mediumSatisfaction().difference())),
                worked.size(),
                count(none, b -> significant(b.churnRatio)),
                count(none, b -> significant(b.highDefaultRatio)),
                count(none, b -> significant(b.mediumSatisfaction)),
                none.size(),
                seconds));
        System.out.print(text);
    }

    private static String interval(JsonNode finding) {
        if (!finding.get("status").asText().equals("estimate")) {
            return "[" + finding.get("text").asText() + "]";
        }
        return String.format(
                Locale.ROOT,
                "[%.3f, %.3f]",
                finding.get("lower").asDouble(),
                finding.get("upper").asDouble());
    }

    private static String p(JsonNode finding) {
        return finding.has("p_value")
                ? String.format(Locale.ROOT, "%.3f", finding.get("p_value").asDouble())
                : "-";
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
