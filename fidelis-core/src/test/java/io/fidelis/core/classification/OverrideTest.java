package io.fidelis.core.classification;

import static io.fidelis.core.fixtures.HistoryBuilder.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fidelis.core.features.FeatureId;
import io.fidelis.core.features.Features;
import io.fidelis.core.fixtures.PolicyFixtures;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import io.fidelis.core.strategy.ApprovalRoute;
import io.fidelis.core.strategy.Benefit;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OverrideTest {

    private static final Classifier CLASSIFIER = new Classifier(PolicyFixtures.seedCase());

    private static final ManualOverride TO_HIGH = new ManualOverride(
            "C1",
            Tier.HIGH,
            null,
            "strategic client, board decision",
            "risk.officer",
            date("2026-01-01"),
            date("2026-07-01"));

    /** A medium customer (score 50) with enough evidence and no risk signal. */
    private static Features medium(LocalDate asOf) {
        return Features.builder(asOf)
                .set(FeatureId.ON_TIME_RATE_BY_COUNT, 0.85)
                .set(FeatureId.SATISFACTION_MEAN, 3.2)
                .set(FeatureId.INSTALLMENTS_DUE, 24)
                .set(FeatureId.SURVEYS, 2)
                .lastActivityOn(asOf.minusDays(10))
                .relationshipStart(asOf.minusYears(5))
                .build();
    }

    @ParameterizedTest(name = "as of {0}: overridden {1}")
    @CsvSource({"2025-12-31, false", "2026-01-01, true", "2026-06-30, true", "2026-07-01, false"})
    void anOverrideAppliesFromItsStartUntilBeforeItsExpiry(String asOf, boolean applies) {
        Classification result = CLASSIFIER.classify("C1", medium(date(asOf)), List.of(), List.of(TO_HIGH));

        assertThat(result.tier()).isEqualTo(applies ? Tier.HIGH : Tier.MEDIUM);
        assertThat(result.override()).isEqualTo(applies ? TO_HIGH : null);
        assertThat(result.tierReasons().get(0).code() == ReasonCode.TIER_OVERRIDDEN)
                .isEqualTo(applies);
    }

    @Test
    void theOverrideIsExplainedWithItsAuthorExpiryAndNote() {
        Classification result = CLASSIFIER.classify("C1", medium(date("2026-03-31")), List.of(), List.of(TO_HIGH));

        Reason reason = result.tierReasons().get(0);
        assertThat(reason.args())
                .containsExactly(
                        Tier.MEDIUM, Tier.HIGH, "risk.officer", date("2026-07-01"), "strategic client, board decision");
        assertThat(result.tierReasons().subList(1, result.tierReasons().size()))
                .as("the computed reasons follow the override")
                .isNotEmpty()
                .extracting(r -> r.code().kind())
                .containsOnly(ReasonCode.Kind.FACTOR);
        assertThat(result.intendedActions().approvalRoute()).isEqualTo(ApprovalRoute.PRIORITY);
    }

    @Test
    void anotherCustomersOverrideDoesNotApply() {
        Classification result = CLASSIFIER.classify("C2", medium(date("2026-03-31")), List.of(), List.of(TO_HIGH));

        assertThat(result.tier()).isEqualTo(Tier.MEDIUM);
    }

    @Test
    void aStageOverrideIsExplainedInTheStageReasons() {
        ManualOverride dormant =
                new ManualOverride("C1", null, Stage.DORMANT, "no contact possible", "rm", null, date("2027-01-01"));

        Classification result = CLASSIFIER.classify("C1", medium(date("2026-03-31")), List.of(), List.of(dormant));

        assertThat(result.stage()).isEqualTo(Stage.DORMANT);
        assertThat(result.stageReasons().get(0).code()).isEqualTo(ReasonCode.STAGE_OVERRIDDEN);
        assertThat(result.stageReasons().get(1).code()).isEqualTo(ReasonCode.STAGE_ACTIVE_RECENT_ACTIVITY);
        assertThat(result.tier()).isEqualTo(Tier.MEDIUM);
    }

    @Test
    void theGuardrailStillAppliesToAnOverriddenTier() {
        Features inArrears = Features.builder(date("2026-03-31"))
                .set(FeatureId.ON_TIME_RATE_BY_COUNT, 0.85)
                .set(FeatureId.INSTALLMENTS_DUE, 24)
                .set(FeatureId.CURRENT_DAYS_PAST_DUE, 45)
                .build();

        Classification result = CLASSIFIER.classify("C1", inArrears, List.of(), List.of(TO_HIGH));

        assertThat(result.tier()).isEqualTo(Tier.HIGH);
        assertThat(result.actions().approvalRoute()).isEqualTo(ApprovalRoute.STANDARD);
        assertThat(result.conflicts()).extracting(c -> c.benefit()).contains(Benefit.PRIORITY_APPROVAL);
    }

    @Test
    void anOverrideNeedsATierOrStageAReasonAndAnAuthor() {
        assertThatThrownBy(() -> new ManualOverride("C1", null, null, "x", "y", null, date("2027-01-01")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ManualOverride("C1", Tier.LOW, null, " ", "y", null, date("2027-01-01")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        new ManualOverride("C1", Tier.LOW, null, "x", "y", date("2027-01-01"), date("2027-01-01")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "from {0} until {1}: in force on {2} is {3}")
    @CsvSource({
        ", 2026-12-31, 2026-09-30, true",
        ", 2026-12-31, 2026-12-31, false",
        "2026-10-01, 2026-12-31, 2026-09-30, false",
        "2026-10-01, 2026-12-31, 2026-10-01, true",
        "2026-10-01, 2026-12-31, 2026-12-30, true",
        "2026-10-01, 2026-12-31, 2027-01-01, false",
    })
    void anOverrideIsInForceFromItsStartInclusiveUntilItsExpiryExclusive(
            String from, String expires, String asOf, boolean inForce) {
        ManualOverride override =
                new ManualOverride("C1", Tier.LOW, null, "r", "a", from == null ? null : date(from), date(expires));

        assertThat(override.inForceOn(date(asOf))).isEqualTo(inForce);
        assertThat(ManualOverride.inForce(List.of(override), date(asOf)).containsKey("C1"))
                .isEqualTo(inForce);
        assertThat(override.appliesTo("C1", date(asOf))).isEqualTo(inForce);
    }

    @Test
    void theOverridesInForceAreGroupedByCustomerInTheOrderGiven() {
        ManualOverride older = new ManualOverride("C2", Tier.HIGH, null, "r", "a", null, date("2027-01-01"));
        ManualOverride expired = new ManualOverride("C1", Tier.LOW, null, "r", "a", null, date("2026-09-30"));
        ManualOverride later =
                new ManualOverride("C3", null, Stage.NEW, "r", "a", date("2026-10-01"), date("2027-01-01"));
        ManualOverride newer = new ManualOverride("C2", Tier.LOW, Stage.ACTIVE, "r", "a", null, date("2027-01-01"));
        ManualOverride c4 =
                new ManualOverride("C4", null, Stage.CHURNED, "r", "a", date("2026-09-30"), date("2026-10-01"));

        var inForce = ManualOverride.inForce(List.of(older, expired, later, newer, c4), date("2026-09-30"));

        assertThat(inForce).containsOnlyKeys("C2", "C4");
        assertThat(inForce.get("C2")).containsExactly(older, newer);
        assertThat(inForce.keySet()).containsExactly("C2", "C4");
    }
}
