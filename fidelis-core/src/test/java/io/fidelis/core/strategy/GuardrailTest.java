package io.fidelis.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.features.FeatureId;
import io.fidelis.core.features.Features;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GuardrailTest {

    private static final Guardrail GUARDRAIL = new Guardrail(30);
    private static final Actions ALL_BENEFITS =
            new Actions(-25, 1, ApprovalRoute.PRIORITY, CreditLineAction.INCREASE, List.of(Outreach.PERSONALISED_PLAN));

    private static Features features(int daysPastDue, int defaults, int writeOffs, int restructurings) {
        return Features.builder(LocalDate.parse("2026-06-30"))
                .set(FeatureId.CURRENT_DAYS_PAST_DUE, daysPastDue)
                .set(FeatureId.DEFAULTS, defaults)
                .set(FeatureId.WRITE_OFFS, writeOffs)
                .set(FeatureId.RESTRUCTURINGS, restructurings)
                .build();
    }

    @ParameterizedTest(name = "{0} days past due, {1} defaults, {2} write-offs, {3} restructurings: blocked {4}")
    @CsvSource({
        "0,  0, 0, 0, false",
        "30, 0, 0, 0, false",
        "31, 0, 0, 0, true",
        "0,  1, 0, 0, true",
        "0,  0, 1, 0, true",
        "0,  0, 0, 1, true",
    })
    void loyaltyBenefitsNeverApplyAgainstCreditRiskSignals(
            int daysPastDue, int defaults, int writeOffs, int restructurings, boolean blocked) {
        GuardedActions guarded =
                GUARDRAIL.apply(features(daysPastDue, defaults, writeOffs, restructurings), ALL_BENEFITS);

        if (blocked) {
            assertThat(guarded.actions())
                    .isEqualTo(new Actions(
                            0,
                            0,
                            ApprovalRoute.STANDARD,
                            CreditLineAction.MAINTAIN,
                            List.of(Outreach.PERSONALISED_PLAN)));
            assertThat(guarded.conflicts()).extracting(Conflict::benefit).containsExactly(Benefit.values());
        } else {
            assertThat(guarded.actions()).isEqualTo(ALL_BENEFITS);
            assertThat(guarded.conflicts()).isEmpty();
        }
    }

    @Test
    void aConflictNamesTheSignalsAndTheirEvidence() {
        GuardedActions guarded = GUARDRAIL.apply(features(45, 0, 0, 1), ALL_BENEFITS);

        Conflict conflict = guarded.conflicts().get(0);
        assertThat(conflict.signals())
                .containsExactly(RiskSignal.ARREARS_ABOVE_LIMIT, RiskSignal.RESTRUCTURING_IN_WINDOW);
        assertThat(conflict.evidence())
                .extracting(e -> e.feature() + "=" + e.value().get())
                .containsExactly("CURRENT_DAYS_PAST_DUE=45.0", "RESTRUCTURINGS=1.0");
    }

    @Test
    void actionsWithoutBenefitsRaiseNoConflict() {
        Actions strict = new Actions(
                25, -1, ApprovalRoute.ENHANCED_REVIEW, CreditLineAction.REDUCE, List.of(Outreach.RISK_REVIEW));

        GuardedActions guarded = GUARDRAIL.apply(features(90, 1, 0, 0), strict);

        assertThat(guarded.actions()).isEqualTo(strict);
        assertThat(guarded.conflicts()).isEmpty();
    }

    @Test
    void unknownArrearsAreNoSignal() {
        Features unknown = Features.builder(LocalDate.parse("2026-06-30")).build();

        assertThat(GUARDRAIL.signals(unknown)).isEmpty();
    }
}
