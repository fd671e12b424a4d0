package io.fidelis.store;

import static io.fidelis.store.Classifications.AS_OF;
import static io.fidelis.store.Classifications.borrower;
import static io.fidelis.store.Classifications.classify;
import static io.fidelis.store.Classifications.provenance;
import static io.fidelis.store.Classifications.three;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fidelis.core.classification.Classification;
import io.fidelis.core.classification.ManualOverride;
import io.fidelis.core.features.FeatureId;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class RunsTest {

    @Parameter
    StoreKind kind;

    private StoreFixture fixture;

    @TempDir
    Path temp;

    private Store book;
    private Runs runs;

    @BeforeEach
    void open() {
        fixture = kind.newFixture();
        book = fixture.open(temp.resolve("workspace"));
        runs = book.runs();
    }

    @AfterEach
    void close() {
        if (book != null) {
            book.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    private List<RunResult> results(long runId) {
        List<RunResult> results = new ArrayList<>();
        runs.forEachResult(runId, results::add);
        return results;
    }

    private long storedRows() {
        return fixture.queryLong(book, "SELECT COUNT(*) FROM run_results");
    }

    @Test
    void aSavedRunComesBackWithItsProvenanceAndEveryResult() {
        List<Classification> classifications = three();

        RunHeader saved = runs.save(provenance("sha256:input-1"), classifications.iterator());

        assertThat(saved.customers()).isEqualTo(3);
        assertThat(runs.run(saved.runId())).contains(saved);
        assertThat(runs.runs()).containsExactly(saved);
        assertThat(saved.provenance()).isEqualTo(provenance("sha256:input-1"));
        assertThat(results(saved.runId()))
                .containsExactlyElementsOf(
                        classifications.stream().map(RunResult::of).toList());
    }

    @Test
    void missingFeaturesComeBackMissingNotZero() {
        RunHeader saved = runs.save(provenance("sha256:input-1"), three().iterator());

        RunResult unsurveyed = runs.result(saved.runId(), "C2").orElseThrow();
        RunResult surveyed = runs.result(saved.runId(), "C1").orElseThrow();

        assertThat(unsurveyed.feature(FeatureId.SATISFACTION_MEAN).present()).isFalse();
        assertThat(surveyed.feature(FeatureId.SATISFACTION_MEAN).get()).isEqualTo(4.0);
        assertThat(unsurveyed.feature(FeatureId.SURVEYS).get()).isZero();
    }

    @Test
    void savingAgainMakesANewRunAndLeavesTheFirstAsItWas() {
        RunHeader first = runs.save(provenance("sha256:input-1"), three().iterator());
        List<RunResult> firstResults = results(first.runId());

        RunHeader second = runs.save(provenance("sha256:input-1"), three().iterator());

        assertThat(second.runId()).isGreaterThan(first.runId());
        assertThat(runs.runs()).containsExactly(first, second);
        assertThat(results(first.runId())).isEqualTo(firstResults);
        assertThat(results(second.runId())).isEqualTo(firstResults);
    }

    @Test
    void aRunThatFailsHalfwayLeavesNothing() throws SQLException {
        Iterator<Classification> failing = new Iterator<>() {
            private int given;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Classification next() {
                if (given == 2) {
                    throw new IllegalStateException("the classifier broke");
                }
                return three().get(given++);
            }
        };

        assertThatThrownBy(() -> runs.save(provenance("sha256:input-1"), failing))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the classifier broke");
        assertThat(runs.runs()).isEmpty();
        assertThat(storedRows()).isZero();
    }

    @Test
    void resultsOutOfCustomerOrderAreRefused() throws SQLException {
        List<Classification> shuffled = List.of(three().get(1), three().get(0));

        assertThatThrownBy(() -> runs.save(provenance("sha256:input-1"), shuffled.iterator()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of customer id order: C1 after C2");
        assertThat(runs.runs()).isEmpty();
        assertThat(storedRows()).isZero();
    }

    @Test
    void aResultAsOfAnotherDateIsRefused() {
        Classification other = Classifications.CLASSIFIER.classify(borrower("C1", 20, true), AS_OF.minusDays(1));

        assertThatThrownBy(() ->
                        runs.save(provenance("sha256:input-1"), List.of(other).iterator()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("as of 2026-09-29");
    }

    @Test
    void latestFindsTheNewestRunOfTheSamePolicyContentAndInput() {
        RunHeader first = runs.save(provenance("sha256:input-1"), three().iterator());
        RunHeader second = runs.save(provenance("sha256:input-1"), three().iterator());
        RunHeader otherInput = runs.save(provenance("sha256:input-2"), three().iterator());

        assertThat(runs.latest(AS_OF, first.provenance().policySha256(), "sha256:input-1"))
                .contains(second);
        assertThat(runs.latest(AS_OF)).contains(otherInput);
        assertThat(runs.latest(AS_OF, "sha256:other-policy", "sha256:input-1")).isEmpty();
        assertThat(runs.latest(AS_OF.plusDays(1))).isEmpty();
    }

    @Test
    void countsGiveEveryTierByStageWithConflictsAndOverrides() {
        ManualOverride override = new ManualOverride(
                "C3", Tier.HIGH, Stage.DORMANT, "relationship review", "risk officer", null, AS_OF.plusMonths(3));
        List<Classification> classifications = List.of(
                classify(borrower("C1", 20, true)),
                classify(borrower("C2", 6, false)),
                classify(borrower("C3", 19, false), override));
        RunHeader saved = runs.save(provenance("sha256:input-1"), classifications.iterator());

        RunCounts counts = runs.counts(saved.runId());

        assertThat(counts.total()).isEqualTo(3);
        assertThat(counts.count(Tier.HIGH, Stage.DORMANT)).isEqualTo(1);
        assertThat(counts.overridden()).isEqualTo(1);
        long expectedConflicts =
                classifications.stream().filter(c -> !c.conflicts().isEmpty()).count();
        assertThat(counts.customersWithConflicts()).isEqualTo(expectedConflicts);
        for (Tier tier : Tier.values()) {
            long expected =
                    classifications.stream().filter(c -> c.tier() == tier).count();
            assertThat(counts.total(tier)).as("customers of %s", tier).isEqualTo(expected);
        }
    }

    @Test
    void aFeatureColumnMovedToTheEndOfTheTableIsStillWrittenAndReadByName() throws SQLException {
        fixture.execute(book, "ALTER TABLE run_results DROP COLUMN tenure_months");
        book.close();
        book = fixture.open(temp.resolve("workspace"));
        runs = book.runs(); // the column is back, last

        RunHeader saved = runs.save(provenance("sha256:input-1"), three().iterator());

        assertThat(results(saved.runId()))
                .containsExactlyElementsOf(three().stream().map(RunResult::of).toList());
    }

    @Test
    void reasonCellsHoldTheReasonsNumbersAndReadBackAsTheReasons() {
        RunHeader saved = runs.save(provenance("sha256:input-1"), three().iterator());
        RunResult first = RunResult.of(three().get(0));

        long numbered = fixture.queryLong(
                book,
                "SELECT COUNT(*) FROM run_results WHERE run_id = " + saved.runId() + " AND customer_id = '"
                        + first.customerId() + "' AND tier_reasons = '" + RunsSql.joinReasons(first.tierReasons())
                        + "' AND stage_reasons = '" + RunsSql.joinReasons(first.stageReasons()) + "'");

        assertThat(first.tierReasons()).isNotEmpty();
        assertThat(numbered).isEqualTo(1);
        assertThat(results(saved.runId()).get(0)).isEqualTo(first);
    }

    @Test
    void aRunStoredBeforeReasonsWereNumberedReadsItsCodes() {
        RunHeader saved = runs.save(provenance("sha256:input-1"), three().iterator());
        for (RunResult result : three().stream().map(RunResult::of).toList()) {
            fixture.execute(
                    book,
                    "UPDATE run_results SET tier_reasons = '" + RunsSql.join(result.tierReasons())
                            + "', stage_reasons = '" + RunsSql.join(result.stageReasons()) + "' WHERE customer_id = '"
                            + result.customerId() + "'");
        }

        assertThat(fixture.queryLong(book, "SELECT COUNT(*) FROM run_results WHERE tier_reasons LIKE '%_%'"))
                .isEqualTo(3);
        assertThat(results(saved.runId()))
                .containsExactlyElementsOf(three().stream().map(RunResult::of).toList());
    }

    @Test
    void anUnknownRunIsNotFound() {
        assertThat(runs.run(42)).isEmpty();
        assertThatThrownBy(() -> runs.forEachResult(42, r -> {})).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> runs.counts(42)).isInstanceOf(NoSuchElementException.class);
    }
}
