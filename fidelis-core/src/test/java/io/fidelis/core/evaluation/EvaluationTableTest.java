package io.fidelis.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fidelis.core.policy.Tier;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTableTest {

    private static final EstimationSettings ANY_SIZE = EstimationSettings.of(1);

    private static CustomerOutcomes churn(boolean before, boolean after) {
        return new CustomerOutcomes(
                false, false, before, after, Answers.NONE, Answers.NONE, Answers.NONE, Answers.NONE, false);
    }

    private static CustomerOutcomes satisfaction(int before, int after) {
        return new CustomerOutcomes(
                false,
                false,
                false,
                false,
                new Answers(1, before),
                new Answers(1, after),
                Answers.NONE,
                Answers.NONE,
                false);
    }

    /** Treatment: 2 of 10 churned after (none before); control: 4 of 10 after, 1 of them also before. */
    private static EvaluationTable churnTable() {
        EvaluationTable table = new EvaluationTable();
        for (int i = 0; i < 10; i++) {
            table.add(Arm.TREATMENT, i < 5 ? Tier.HIGH : Tier.LOW, false, churn(false, i < 2));
            table.add(Arm.CONTROL, i < 5 ? Tier.HIGH : Tier.LOW, false, churn(i == 0, i < 4));
        }
        return table;
    }

    @Test
    void ratesAreTalliedByArmAndPeriodForAllAndEachTier() {
        Comparison all = find(churnTable().compare(ANY_SIZE), Outcome.CHURN, "all");
        Comparison high = find(churnTable().compare(ANY_SIZE), Outcome.CHURN, "high");

        assertThat(all.treatmentAfter().observations()).isEqualTo(2);
        assertThat(all.treatmentAfter().customers()).isEqualTo(10);
        assertThat(all.controlAfter().observations()).isEqualTo(4);
        assertThat(all.controlBefore())
                .hasValueSatisfying(level -> assertThat(level.observations()).isEqualTo(1));
        assertThat(all.treatmentAfter().group()).isEqualTo("all|treatment|after");
        assertThat(high.treatmentAfter().customers()).isEqualTo(5);
        assertThat(high.controlAfter().observations()).isEqualTo(4);
    }

    @Test
    void ratesAreComparedByDifferenceRatioAndEachCustomersChange() {
        Comparison all = find(churnTable().compare(ANY_SIZE), Outcome.CHURN, "all");

        Estimate difference = all.difference().estimate().orElseThrow();
        Estimate ratio = all.ratio().orElseThrow().estimate().orElseThrow();
        Estimate did = all.differenceInDifferences().orElseThrow().estimate().orElseThrow();
        assertThat(difference.point()).isCloseTo(0.2 - 0.4, within(1e-12));
        assertThat(difference.method()).isEqualTo(Method.NEWCOMBE_HYBRID_SCORE_FISHER);
        assertThat(ratio.point()).isCloseTo(0.5, within(1e-12));
        assertThat(ratio.method()).isEqualTo(Method.RISK_RATIO_KATZ);
        // treatment changed by +0.2, control by +0.3
        assertThat(did.point()).isCloseTo(0.2 - 0.3, within(1e-12));
        assertThat(did.method()).isEqualTo(Method.DID_CHANGES_WELCH);
    }

    @Test
    void reactivationCountsOnlyCustomersDormantAtTheStartAndHasNoPeriodBefore() {
        EvaluationTable table = new EvaluationTable();
        CustomerOutcomes active = new CustomerOutcomes(
                false, false, false, false, Answers.NONE, Answers.NONE, Answers.NONE, Answers.NONE, true);
        table.add(Arm.TREATMENT, Tier.MEDIUM, true, active);
        table.add(Arm.TREATMENT, Tier.MEDIUM, false, active);
        table.add(Arm.CONTROL, Tier.MEDIUM, true, churn(false, false));

        Comparison medium = find(table.compare(ANY_SIZE), Outcome.REACTIVATION, "medium");

        assertThat(medium.treatmentAfter().customers()).isEqualTo(1);
        assertThat(medium.treatmentAfter().observations()).isEqualTo(1);
        assertThat(medium.treatmentBefore()).isEmpty();
        assertThat(medium.differenceInDifferences()).isEmpty();
        assertThat(table.customers(Arm.TREATMENT)).isEqualTo(2);
    }

    @Test
    void meansArePooledAnswersWithoutARatio() {
        EvaluationTable table = new EvaluationTable();
        int[][] treated = {{3, 4}, {3, 5}, {2, 4}};
        int[][] controls = {{3, 3}, {4, 4}, {2, 3}};
        for (int i = 0; i < 3; i++) {
            table.add(Arm.TREATMENT, Tier.MEDIUM, false, satisfaction(treated[i][0], treated[i][1]));
            table.add(Arm.CONTROL, Tier.MEDIUM, false, satisfaction(controls[i][0], controls[i][1]));
        }

        Comparison medium = find(table.compare(ANY_SIZE), Outcome.SATISFACTION, "medium");

        assertThat(medium.difference().estimate().orElseThrow().point()).isCloseTo(13.0 / 3 - 10.0 / 3, within(1e-12));
        assertThat(medium.ratio()).isEmpty();
        assertThat(medium.differenceInDifferences()
                        .orElseThrow()
                        .estimate()
                        .orElseThrow()
                        .point())
                .isCloseTo((13.0 / 3 - 8.0 / 3) - (10.0 / 3 - 9.0 / 3), within(1e-12));
        assertThat(medium.treatmentAfter().observations()).isEqualTo(3);
    }

    @Test
    void belowTheMinimumGroupSizeThereIsNoEstimate() {
        List<Comparison> comparisons = churnTable().compare(EstimationSettings.of(8));

        Comparison all = find(comparisons, Outcome.CHURN, "all");
        Comparison high = find(comparisons, Outcome.CHURN, "high");
        Comparison medium = find(comparisons, Outcome.CHURN, "medium");

        assertThat(all.difference()).isInstanceOf(Estimate.class);
        assertThat(high.difference()).isInstanceOf(InsufficientData.class);
        assertThat(((InsufficientData) high.difference()).tooSmall())
                .extracting(GroupSize::size)
                .containsExactly(5, 5);
        assertThat(medium.treatmentAfter().estimate()).isInstanceOf(InsufficientData.class);
        assertThat(medium.treatmentAfter().customers()).isZero();
    }

    @Test
    void everyOutcomeIsComparedInEveryGroup() {
        List<Comparison> comparisons = churnTable().compare(ANY_SIZE);

        assertThat(comparisons)
                .hasSize(Outcome.values().length * EvaluationTable.groups().size());
        assertThat(EvaluationTable.groups()).containsExactly("all", "high", "medium", "low");
    }

    private static Comparison find(List<Comparison> comparisons, Outcome outcome, String group) {
        return comparisons.stream()
                .filter(c -> c.outcome() == outcome && c.group().equals(group))
                .findFirst()
                .orElseThrow();
    }
}
