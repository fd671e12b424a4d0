package io.fidelis.core.classification;

import static io.fidelis.core.fixtures.PolicyFixtures.factor;
import static io.fidelis.core.fixtures.PolicyFixtures.linear;
import static io.fidelis.core.fixtures.PolicyFixtures.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fidelis.core.features.FeatureId;
import io.fidelis.core.features.FeatureValue;
import io.fidelis.core.features.Features;
import io.fidelis.core.fixtures.PolicyFixtures;
import io.fidelis.core.policy.Policy;
import io.fidelis.core.policy.PolicyTree;
import io.fidelis.core.policy.Tier;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoringTest {

    private static final LocalDate AS_OF = LocalDate.parse("2026-06-30");

    private static Classification classify(Policy policy, Features features) {
        return new Classifier(policy).classify("C1", features, List.of(), List.of());
    }

    private static Features onTimeRate(double rate) {
        return Features.builder(AS_OF)
                .set(FeatureId.ON_TIME_RATE_BY_COUNT, rate)
                .build();
    }

    @ParameterizedTest(name = "on-time rate {0} scores {1}: {2}")
    @CsvSource({
        "1.0,     100.0, HIGH",
        "0.70,    70.0,  HIGH",
        "0.69995, 70.0,  HIGH",
        "0.6999,  69.99, MEDIUM",
        "0.45,    45.0,  MEDIUM",
        "0.4499,  44.99, LOW",
        "0.0,     0.0,   LOW",
    })
    void bandEdgesAreInclusiveOnTheScoreRoundedToHundredths(double rate, double score, Tier tier) {
        Policy policy = PolicyFixtures.singleFactor("on_time_rate_by_count", linear(0, 1));

        Classification result = classify(policy, onTimeRate(rate));

        assertThat(result.score()).isEqualTo(OptionalDouble.of(score));
        assertThat(result.tier()).isEqualTo(tier);
    }

    @Test
    void eachFactorEarnsItsWeightTimesItsCurve() {
        Classification result = classify(
                PolicyFixtures.seedCase(),
                Features.builder(AS_OF)
                        .set(FeatureId.ON_TIME_RATE_BY_COUNT, 0.96) // step 1.0 of 60
                        .set(FeatureId.SATISFACTION_MEAN, 3.5) // step 0.5 of 40
                        .build());

        assertThat(result.contributions()).extracting(Contribution::points).containsExactly(60.0, 20.0);
        assertThat(result.score()).isEqualTo(OptionalDouble.of(80));
        assertThat(result.scoredWeight()).isEqualTo(100);
    }

    @Test
    void aMissingFeatureIsLeftOutAndTheOtherWeightsAreScaledUp() {
        Classification result = classify(
                PolicyFixtures.seedCase(),
                Features.builder(AS_OF)
                        .set(FeatureId.ON_TIME_RATE_BY_COUNT, 0.85) // step 0.5
                        .set(FeatureId.INSTALLMENTS_DUE, 24)
                        .build());

        assertThat(result.score()).isEqualTo(OptionalDouble.of(50));
        assertThat(result.scoredWeight()).isEqualTo(60);
        Contribution satisfaction = result.contributions().get(1);
        assertThat(satisfaction.scored()).isFalse();
        assertThat(satisfaction.value()).isEqualTo(FeatureValue.missing());
        assertThat(satisfaction.points()).isZero();
        assertThat(result.contributions().get(0).effectiveWeight()).isEqualTo(100);
        assertThat(result.tierReasons())
                .filteredOn(reason -> reason.code() == ReasonCode.NOT_SCORED_NO_DATA)
                .singleElement()
                .satisfies(reason ->
                        assertThat(reason.evidence().get(0).feature()).isEqualTo(FeatureId.SATISFACTION_MEAN));
    }

    @Test
    void missingIsNotZero() {
        Policy policy = PolicyFixtures.seedCase();
        Features unknown = Features.builder(AS_OF)
                .set(FeatureId.ON_TIME_RATE_BY_COUNT, 1.0)
                .set(FeatureId.INSTALLMENTS_DUE, 24)
                .build();
        Features zero = Features.builder(AS_OF)
                .set(FeatureId.ON_TIME_RATE_BY_COUNT, 1.0)
                .set(FeatureId.INSTALLMENTS_DUE, 24)
                .set(FeatureId.SATISFACTION_MEAN, 1)
                .build();

        assertThat(classify(policy, unknown).tier()).isEqualTo(Tier.HIGH);
        assertThat(classify(policy, zero).tier()).isEqualTo(Tier.MEDIUM);
    }

    @Test
    void withNoScoredDataTheScoreIsUnknownAndTheTierMedium() {
        Classification result =
                classify(PolicyFixtures.seedCase(), Features.builder(AS_OF).build());

        assertThat(result.score()).isEmpty();
        assertThat(result.scoredWeight()).isZero();
        assertThat(result.tier()).isEqualTo(Tier.MEDIUM);
        assertThat(result.tierReasons()).extracting(Reason::code).contains(ReasonCode.NO_SCORED_DATA);
    }

    @Test
    void theStrongestPositiveAndNegativeReasonsComeFirst() {
        Map<String, Object> tree = PolicyFixtures.seedCaseTree();
        tree.put(
                "factors",
                list(
                        factor("on_time_rate_by_count", 40, linear(0.8, 1.0)),
                        factor("complaints", 10, linear(4, 0)),
                        factor("referrals", 20, linear(0, 2)),
                        factor("satisfaction_mean", 30, linear(1, 5))));
        Classification result = classify(
                PolicyTree.read(tree),
                Features.builder(AS_OF)
                        .set(FeatureId.ON_TIME_RATE_BY_COUNT, 1.0) // +20 impact
                        .set(FeatureId.COMPLAINTS, 0) // +5
                        .set(FeatureId.REFERRALS, 0) // -10
                        .set(FeatureId.SATISFACTION_MEAN, 1.4) // 0.1 of 30: -12
                        .set(FeatureId.INSTALLMENTS_DUE, 24)
                        .build());

        assertThat(result.tierReasons())
                .extracting(Reason::code)
                .containsExactly(
                        ReasonCode.ON_TIME_RATE_HIGH,
                        ReasonCode.LOW_SATISFACTION,
                        ReasonCode.NO_REFERRALS,
                        ReasonCode.FEW_COMPLAINTS);
        assertThat(result.tierReasons())
                .extracting(Reason::effect)
                .containsExactly(Effect.POSITIVE, Effect.NEGATIVE, Effect.NEGATIVE, Effect.POSITIVE);
        Reason onTime = result.tierReasons().get(0);
        assertThat(onTime.evidence())
                .extracting(evidence -> evidence.feature())
                .containsExactly(FeatureId.ON_TIME_RATE_BY_COUNT, FeatureId.INSTALLMENTS_DUE);
        assertThat(result.score().getAsDouble()).isCloseTo(40 + 10 + 0 + 3, within(1e-9));
    }

    @Test
    void aLowValueOnACurveRewardingLowValuesReadsLowAndCountsInFavour() {
        Policy policy = PolicyFixtures.singleFactor("current_days_past_due", linear(60, 0));

        Classification none = classify(
                policy,
                Features.builder(AS_OF).set(FeatureId.CURRENT_DAYS_PAST_DUE, 0).build());
        Classification many = classify(
                policy,
                Features.builder(AS_OF).set(FeatureId.CURRENT_DAYS_PAST_DUE, 50).build());

        assertThat(none.tierReasons().get(0).code()).isEqualTo(ReasonCode.NO_CURRENT_ARREARS);
        assertThat(none.tierReasons().get(0).effect()).isEqualTo(Effect.POSITIVE);
        assertThat(many.tierReasons().get(0).code()).isEqualTo(ReasonCode.IN_ARREARS);
        assertThat(many.tierReasons().get(0).effect()).isEqualTo(Effect.NEGATIVE);
    }

    @Test
    void everyScorableFeatureHasAPairOfReasonCodes() {
        for (FeatureId feature : FeatureId.values()) {
            if (feature.population()) {
                continue; // never scored: PolicyChecks rejects them as factors
            }
            FactorReasons.Pair pair = FactorReasons.of(feature);
            assertThat(pair.low()).as(feature.code()).isNotEqualTo(pair.high());
            assertThat(pair.low().kind()).isEqualTo(ReasonCode.Kind.FACTOR);
            assertThat(pair.high().kind()).isEqualTo(ReasonCode.Kind.FACTOR);
        }
    }
}
