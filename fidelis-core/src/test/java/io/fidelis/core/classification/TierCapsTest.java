package io.fidelis.core.classification;

import static io.fidelis.core.fixtures.PolicyFixtures.caps;
import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.features.FeatureId;
import io.fidelis.core.features.Features;
import io.fidelis.core.fixtures.PolicyFixtures;
import io.fidelis.core.policy.Policy;
import io.fidelis.core.policy.PolicyTree;
import io.fidelis.core.policy.Tier;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TierCapsTest {

    private static final LocalDate AS_OF = LocalDate.parse("2026-06-30");

    /** A customer who scores 100 under the seed case, with enough evidence. */
    private static Features.Builder excellent() {
        return Features.builder(AS_OF)
                .set(FeatureId.ON_TIME_RATE_BY_COUNT, 1.0)
                .set(FeatureId.SATISFACTION_MEAN, 5)
                .set(FeatureId.INSTALLMENTS_DUE, 24)
                .set(FeatureId.SURVEYS, 2)
                .set(FeatureId.DEFAULTS, 0)
                .set(FeatureId.WRITE_OFFS, 0);
    }

    private static Classification classify(Policy policy, Features features) {
        return new Classifier(policy).classify("C1", features, List.of(), List.of());
    }

    @Test
    void aDefaultInTheWindowCapsTheTierAtLow() {
        Classification result = classify(
                PolicyFixtures.seedCase(),
                excellent().set(FeatureId.DEFAULTS, 1).build());

        assertThat(result.score().getAsDouble()).isEqualTo(100);
        assertThat(result.scoreTier()).isEqualTo(Tier.HIGH);
        assertThat(result.tier()).isEqualTo(Tier.LOW);
        Reason first = result.tierReasons().get(0);
        assertThat(first.code()).isEqualTo(ReasonCode.DEFAULT_IN_WINDOW_CAPS_LOW);
        assertThat(first.effect()).isEqualTo(Effect.NEGATIVE);
        assertThat(first.evidence().get(0).value().get()).isEqualTo(1);
    }

    @Test
    void aWriteOffInTheWindowCapsTheTierAtLow() {
        Classification result = classify(
                PolicyFixtures.seedCase(),
                excellent().set(FeatureId.WRITE_OFFS, 2).build());

        assertThat(result.tier()).isEqualTo(Tier.LOW);
        assertThat(result.tierReasons().get(0).code()).isEqualTo(ReasonCode.WRITE_OFF_IN_WINDOW_CAPS_LOW);
    }

    @ParameterizedTest(name = "closed {0} as {1}, {2} refinanced elsewhere, {3} loans held: capped {4}")
    @CsvSource({
        "1, moved_to_competitor, 0, 0, true",
        "1, matured,             0, 0, false",
        "0, ,                    1, 0, true",
        "0, ,                    1, 2, false",
        "0, ,                    0, 0, false",
    })
    void aCustomerWhoLeftForACompetitorIsCappedAtLow(
            int closed, String reason, int refinanced, int held, boolean capped) {
        Map<String, Object> tree = PolicyFixtures.seedCaseTree();
        caps(tree).put("left_for_competitor", true);
        Features.Builder features = excellent()
                .set(FeatureId.CLOSED, closed)
                .set(FeatureId.LOANS_REFINANCED_ELSEWHERE, refinanced)
                .set(FeatureId.ACTIVE_LOANS, held);
        if (reason != null) {
            features.closed(
                    AS_OF.minusMonths(1),
                    io.fidelis.core.domain.CloseReason.valueOf(reason.toUpperCase(java.util.Locale.ROOT)));
        }

        Classification result = classify(PolicyTree.read(tree), features.build());

        assertThat(result.tier()).isEqualTo(capped ? Tier.LOW : Tier.HIGH);
        boolean reasonGiven =
                result.tierReasons().stream().anyMatch(r -> r.code() == ReasonCode.LEFT_FOR_COMPETITOR_CAPS_LOW);
        assertThat(reasonGiven).as("cap reason given").isEqualTo(capped);
    }

    @Test
    void theCompetitorCapIsOffUnlessThePolicyTurnsItOn() {
        Classification result = classify(
                PolicyFixtures.seedCase(),
                excellent()
                        .set(FeatureId.LOANS_REFINANCED_ELSEWHERE, 1)
                        .set(FeatureId.ACTIVE_LOANS, 0)
                        .build());

        assertThat(result.tier()).isEqualTo(Tier.HIGH);
    }

    @Test
    void thePolicyCanTurnTheCreditEventCapOff() {
        Map<String, Object> tree = PolicyFixtures.seedCaseTree();
        caps(tree).put("credit_event", false);

        Classification result = classify(
                PolicyTree.read(tree), excellent().set(FeatureId.DEFAULTS, 1).build());

        assertThat(result.tier()).isEqualTo(Tier.HIGH);
    }

    @ParameterizedTest(name = "{0} installments due and {1} surveys: capped {2}")
    @CsvSource({
        "0, 0, true",
        "5, 0, true",
        "6, 0, false",
        "0, 1, false",
        "24, 3, false",
    })
    void tooLittleEvidenceCapsTheTierAtMediumAndSaysSo(int installmentsDue, int surveys, boolean capped) {
        Features features = excellent()
                .set(FeatureId.INSTALLMENTS_DUE, installmentsDue)
                .set(FeatureId.SURVEYS, surveys)
                .build();

        Classification result = classify(PolicyFixtures.seedCase(), features);

        assertThat(result.tier()).isEqualTo(capped ? Tier.MEDIUM : Tier.HIGH);
        assertThat(result.tierReasons().stream()
                        .anyMatch(r -> r.code() == ReasonCode.INSUFFICIENT_EVIDENCE_CAPS_MEDIUM))
                .isEqualTo(capped);
    }

    @Test
    void aCapThatDoesNotBindIsShownAsNeutral() {
        Features features = Features.builder(AS_OF)
                .set(FeatureId.ON_TIME_RATE_BY_COUNT, 0.5)
                .set(FeatureId.INSTALLMENTS_DUE, 2)
                .set(FeatureId.SURVEYS, 0)
                .build();

        Classification result = classify(PolicyFixtures.seedCase(), features);

        assertThat(result.tier()).isEqualTo(Tier.LOW);
        Reason cap = result.tierReasons().get(0);
        assertThat(cap.code()).isEqualTo(ReasonCode.INSUFFICIENT_EVIDENCE_CAPS_MEDIUM);
        assertThat(cap.effect()).isEqualTo(Effect.NEUTRAL);
        assertThat(cap.args()).containsExactly(6, 1);
    }
}
