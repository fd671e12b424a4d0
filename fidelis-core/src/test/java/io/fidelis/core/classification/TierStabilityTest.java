package io.fidelis.core.classification;

import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.features.FeatureId;
import io.fidelis.core.features.Features;
import io.fidelis.core.fixtures.PolicyFixtures;
import io.fidelis.core.policy.Hysteresis;
import io.fidelis.core.policy.Tier;
import io.fidelis.core.policy.TierPolicy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bands high 70, medium 45; margin 3 points; an upgrade needs 2 consecutive monthly evaluations. */
class TierStabilityTest {

    private static final TierPolicy TIERS = PolicyFixtures.broad().tiers();
    private static final Hysteresis ON = new Hysteresis(true, 3, 2);
    private static final LocalDate AS_OF = LocalDate.parse("2026-06-30");

    /** Monthly evaluations before {@link #AS_OF}, newest last: "MEDIUM:68" means tier medium with score 68. */
    private static List<PriorEvaluation> prior(String... months) {
        List<PriorEvaluation> prior = new ArrayList<>();
        for (int i = 0; i < months.length; i++) {
            String[] parts = months[i].split(":");
            prior.add(new PriorEvaluation(
                    AS_OF.minusMonths(months.length - i),
                    Tier.valueOf(parts[0]),
                    OptionalDouble.of(Double.parseDouble(parts[1]))));
        }
        return prior;
    }

    private static TierStability.Stabilised stabilise(double score, boolean creditEvent, List<PriorEvaluation> prior) {
        return TierStability.stabilise(
                ON, TIERS, AS_OF, TIERS.tierFor(score), OptionalDouble.of(score), creditEvent, prior);
    }

    @ParameterizedTest(name = "after {0} and {1}, a score of {2} gives {3}")
    @CsvSource({
        "MEDIUM:60, MEDIUM:74, 74, HIGH", // two months at 73 or more: upgrade
        "MEDIUM:60, MEDIUM:72, 74, MEDIUM", // last month was not 3 points above the edge
        "MEDIUM:60, MEDIUM:74, 72, MEDIUM", // this month is not
        "MEDIUM:74, MEDIUM:73, 73, HIGH", // exactly at edge plus margin
        "LOW:40, LOW:50, 75, MEDIUM", // high not confirmed, medium (48+) confirmed
        "LOW:40, LOW:44, 75, LOW", // neither confirmed
        "HIGH:80, HIGH:75, 68, HIGH", // within the margin below the edge: held
        "HIGH:80, HIGH:75, 67, HIGH", // exactly the margin below the edge: still held
    })
    void tiersChangeOnlyBeyondTheMarginAndUpgradesNeedConsecutiveMonths(
            String twoMonthsAgo, String lastMonth, double score, Tier expected) {
        TierStability.Stabilised result = stabilise(score, false, prior(twoMonthsAgo, lastMonth));

        assertThat(result.tier()).isEqualTo(expected);
    }

    @Test
    void aFallBeyondTheMarginDowngradesAtOnce() {
        TierStability.Stabilised result = stabilise(66.99, false, prior("HIGH:80", "HIGH:75"));

        assertThat(result.tier()).isEqualTo(Tier.MEDIUM);
        assertThat(result.reason()).isNull();
    }

    @Test
    void aHeldTierSaysWhy() {
        TierStability.Stabilised result = stabilise(68, false, prior("HIGH:80", "HIGH:75"));

        assertThat(result.reason().code()).isEqualTo(ReasonCode.TIER_HELD_BY_HYSTERESIS);
        assertThat(result.reason().args()).containsExactly(Tier.HIGH, Tier.MEDIUM, 3.0);
    }

    @Test
    void aPendingUpgradeSaysWhy() {
        TierStability.Stabilised result = stabilise(74, false, prior("MEDIUM:60", "MEDIUM:60"));

        assertThat(result.tier()).isEqualTo(Tier.MEDIUM);
        assertThat(result.reason().code()).isEqualTo(ReasonCode.UPGRADE_PENDING);
        assertThat(result.reason().args()).containsExactly(Tier.HIGH, 2, 3.0);
    }

    @Test
    void aCreditEventDowngradesAtOnce() {
        TierStability.Stabilised result = stabilise(68, true, prior("HIGH:80", "HIGH:75"));

        assertThat(result.tier()).isEqualTo(Tier.MEDIUM);
        assertThat(result.reason().code()).isEqualTo(ReasonCode.CREDIT_EVENT_DOWNGRADES_AT_ONCE);
    }

    @Test
    void aGapInTheMonthlyEvaluationsBreaksTheRun() {
        List<PriorEvaluation> prior = List.of(
                new PriorEvaluation(AS_OF.minusMonths(3), Tier.MEDIUM, OptionalDouble.of(80))); // none last month

        assertThat(stabilise(80, false, prior).tier()).isEqualTo(Tier.MEDIUM);
    }

    @Test
    void evaluationsNotBeforeTheAsOfDateAreIgnored() {
        List<PriorEvaluation> prior = List.of(
                new PriorEvaluation(AS_OF, Tier.HIGH, OptionalDouble.of(90)),
                new PriorEvaluation(AS_OF.plusMonths(1), Tier.HIGH, OptionalDouble.of(90)));

        assertThat(stabilise(60, false, prior).tier()).isEqualTo(Tier.MEDIUM);
    }

    @Test
    void withHysteresisOffEveryEvaluationStandsAlone() {
        TierStability.Stabilised result = TierStability.stabilise(
                Hysteresis.OFF, TIERS, AS_OF, Tier.MEDIUM, OptionalDouble.of(68), false, prior("HIGH:80", "HIGH:75"));

        assertThat(result.tier()).isEqualTo(Tier.MEDIUM);
    }

    @Test
    void theClassifierChainsMonthsThroughToPrior() {
        Classifier classifier = new Classifier(PolicyFixtures.broad());
        Features strong = Features.builder(AS_OF)
                .set(FeatureId.ON_TIME_RATE_BY_COUNT, 1.0)
                .build();
        Features strongNextMonth = Features.builder(AS_OF.plusMonths(1))
                .set(FeatureId.ON_TIME_RATE_BY_COUNT, 1.0)
                .build();
        PriorEvaluation medium = new PriorEvaluation(AS_OF.minusMonths(1), Tier.MEDIUM, OptionalDouble.of(50));

        Classification first = classifier.classify("C1", strong, List.of(medium), List.of());
        Classification second = classifier.classify("C1", strongNextMonth, List.of(medium, first.toPrior()), List.of());

        assertThat(first.scoreTier()).isEqualTo(Tier.HIGH);
        assertThat(first.stableTier()).isEqualTo(Tier.MEDIUM);
        assertThat(second.stableTier()).isEqualTo(Tier.HIGH);
    }
}
