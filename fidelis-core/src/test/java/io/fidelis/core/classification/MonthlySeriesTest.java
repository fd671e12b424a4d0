package io.fidelis.core.classification;

import static io.fidelis.core.fixtures.PolicyFixtures.map;
import static io.fidelis.core.fixtures.PolicyFixtures.tiers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.features.ComputeFeatures;
import io.fidelis.core.features.Features;
import io.fidelis.core.fixtures.PolicyFixtures;
import io.fidelis.core.fixtures.RandomHistories;
import io.fidelis.core.policy.Policy;
import io.fidelis.core.policy.PolicyTree;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** A series equals classifying each date alone: seeded random histories, series and policies. */
class MonthlySeriesTest {

    private static final List<Policy> POLICIES = List.of(
            withHysteresisMonths(1), PolicyFixtures.broad(), withHysteresisMonths(3), PolicyFixtures.seedCase());

    static LongStream seeds() {
        return LongStream.range(1, 121);
    }

    private static Policy withHysteresisMonths(int months) {
        Map<String, Object> tree = PolicyFixtures.broadTree();
        tiers(tree).put("hysteresis", map("enabled", true, "margin", 3, "months", months));
        return PolicyTree.read(tree);
    }

    /** Each date alone, as classify, explain and export do it. */
    private static List<Classification> dateByDate(
            Classifier classifier, CustomerHistory history, List<LocalDate> dates, List<ManualOverride> overrides) {
        List<Classification> results = new ArrayList<>();
        for (LocalDate date : dates) {
            results.add(classifier.classify(history, date, MonthlyPriors.of(classifier, history, date), overrides));
        }
        return results;
    }

    private static List<LocalDate> randomSeries(Random random) {
        LocalDate first = YearMonth.from(RandomHistories.asOf(random)).atEndOfMonth();
        return MonthlySeries.monthEnds(first, first.plusMonths(random.nextInt(8)));
    }

    private static List<ManualOverride> randomOverrides(Random random, String customerId, List<LocalDate> dates) {
        List<ManualOverride> overrides = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            LocalDate from = dates.get(random.nextInt(dates.size())).minusDays(random.nextInt(40));
            boolean tier = random.nextBoolean();
            overrides.add(new ManualOverride(
                    customerId,
                    tier ? Tier.values()[random.nextInt(3)] : null,
                    !tier || random.nextBoolean() ? Stage.values()[random.nextInt(4)] : null,
                    "test",
                    "tester",
                    random.nextBoolean() ? from : null,
                    from.plusDays(1 + random.nextInt(90))));
        }
        return overrides;
    }

    /** A seeded customer, series of month-ends and overrides. */
    private record SeriesCase(CustomerHistory history, List<LocalDate> dates, List<ManualOverride> overrides) {
        static SeriesCase random(long seed) {
            Random random = new Random(seed);
            CustomerHistory history = RandomHistories.history(random, "C" + seed);
            List<LocalDate> dates = randomSeries(random);
            return new SeriesCase(history, dates, randomOverrides(random, history.customerId(), dates));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aSeriesEqualsClassifyingEachDateAloneWithItsOwnChainOfPriors(long seed) {
        SeriesCase example = SeriesCase.random(seed);

        for (Policy policy : POLICIES) {
            Classifier classifier = new Classifier(policy);

            List<Classification> series =
                    new MonthlySeries(classifier, example.dates()).classify(example.history(), example.overrides());

            assertThat(series)
                    .as("policy with hysteresis %s", policy.tiers().hysteresis())
                    .isEqualTo(dateByDate(classifier, example.history(), example.dates(), example.overrides()));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aSeriesWithoutFactorDetailLacksOnlyTheContributionsAndTheFactorReasonsEvidence(long seed) {
        SeriesCase example = SeriesCase.random(seed);

        for (Policy policy : POLICIES) {
            MonthlySeries series = new MonthlySeries(new Classifier(policy), example.dates());

            List<Classification> full = series.classify(example.history(), example.overrides());
            List<Classification> lean = series.classifyWithoutFactorDetail(example.history(), example.overrides());

            assertThat(full)
                    .anySatisfy(c -> assertThat(c.tierReasons())
                            .anySatisfy(r -> assertThat(r.evidence()).isNotEmpty()));
            assertThat(lean)
                    .allSatisfy(c -> assertThat(c.tierReasons())
                            .filteredOn(MonthlySeriesTest::isFactorReason)
                            .allSatisfy(r -> assertThat(r.evidence()).isEmpty()));
            assertThat(lean)
                    .isEqualTo(full.stream()
                            .map(MonthlySeriesTest::withoutFactorEvidence)
                            .toList());
        }
    }

    private static boolean isFactorReason(Reason reason) {
        return reason.code().kind() == ReasonCode.Kind.FACTOR || reason.code() == ReasonCode.NOT_SCORED_NO_DATA;
    }

    private static Classification withoutFactorEvidence(Classification c) {
        List<Reason> reasons = c.tierReasons().stream()
                .map(r -> isFactorReason(r) ? new Reason(r.code(), r.effect(), List.of(), r.args()) : r)
                .toList();
        return new Classification(
                c.customerId(),
                c.asOf(),
                c.policyId(),
                c.policyVersion(),
                c.features(),
                c.score(),
                c.scoredWeight(),
                List.of(),
                c.scoreTier(),
                c.stableTier(),
                c.tier(),
                reasons,
                c.stage(),
                c.stageReasons(),
                c.intendedActions(),
                c.actions(),
                c.conflicts(),
                c.override());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aPriorIsWhatTheFullClassificationGivesHysteresis(long seed) {
        Random random = new Random(seed);
        CustomerHistory history = RandomHistories.history(random, "C" + seed);
        LocalDate asOf = RandomHistories.asOf(random);
        Classifier classifier = new Classifier(PolicyFixtures.broad());
        Features features = new ComputeFeatures(classifier.policy().featureSettings()).of(history, asOf);
        List<PriorEvaluation> priors = MonthlyPriors.of(classifier, history, asOf);

        assertThat(classifier.prior(features, priors))
                .isEqualTo(classifier
                        .classify(history.customerId(), features, priors, List.of())
                        .toPrior());
    }

    /**
     * The reason a series keeps each month's evaluations at every depth: feeding month k the series' own evaluation
     * of month k - 1 (which read its own months back) would differ from classifying month k alone. The test shows
     * that this difference exists in these histories, so that the equality above is not trivial.
     */
    @Test
    void chainingTheSeriesOwnResultsForwardWouldDifferFromClassifyingEachDateAlone() {
        Classifier classifier = new Classifier(withHysteresisMonths(1));
        int differing = 0;
        for (long seed = 1; seed <= 300; seed++) {
            Random random = new Random(seed);
            CustomerHistory history = RandomHistories.history(random, "C" + seed);
            List<LocalDate> dates =
                    MonthlySeries.monthEnds(LocalDate.parse("2024-01-31"), LocalDate.parse("2024-12-31"));
            List<Classification> alone = dateByDate(classifier, history, dates, List.of());
            List<Classification> chained = new ArrayList<>();
            PriorEvaluation previous =
                    classifier.classify(history, LocalDate.parse("2023-12-31")).toPrior();
            for (LocalDate date : dates) {
                Classification result = classifier.classify(history, date, List.of(previous), List.of());
                chained.add(result);
                previous = result.toPrior();
            }
            differing += chained.equals(alone) ? 0 : 1;
            assertThat(new MonthlySeries(classifier, dates).classify(history, List.of()))
                    .isEqualTo(alone);
        }
        assertThat(differing).isPositive();
    }

    @ParameterizedTest(name = "{0} to {1}: {2}")
    @CsvSource({
        "2026-01-31, 2026-03-31, 2026-01-31 2026-02-28 2026-03-31",
        "2026-01-15, 2026-03-30, 2026-01-31 2026-02-28",
        "2024-02-29, 2024-02-29, 2024-02-29",
        "2026-09-01, 2026-09-29, ''",
    })
    void monthEndsAreTheLastDaysOfTheMonthsBetweenBothDatesIncluded(LocalDate from, LocalDate to, String expected) {
        List<LocalDate> ends = expected.isEmpty()
                ? List.of()
                : java.util.Arrays.stream(expected.split(" "))
                        .map(LocalDate::parse)
                        .toList();

        assertThat(MonthlySeries.monthEnds(from, to)).containsExactlyElementsOf(ends);
    }

    @Test
    void aSeriesIsOfConsecutiveMonthEnds() {
        Classifier classifier = new Classifier(PolicyFixtures.broad());

        assertThatThrownBy(() -> new MonthlySeries(classifier, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MonthlySeries(classifier, List.of(LocalDate.parse("2026-09-15"))))
                .hasMessageContaining("2026-09-15 is not the last day of its month");
        assertThatThrownBy(() -> new MonthlySeries(
                        classifier, List.of(LocalDate.parse("2026-07-31"), LocalDate.parse("2026-09-30"))))
                .hasMessageContaining("follow each other");
    }
}
