package io.fidelis.core.classification;

import static io.fidelis.core.fixtures.HistoryBuilder.aCustomer;
import static io.fidelis.core.fixtures.HistoryBuilder.aLoan;
import static io.fidelis.core.fixtures.HistoryBuilder.date;
import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.domain.CloseReason;
import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.domain.InteractionType;
import io.fidelis.core.domain.LoanStatus;
import io.fidelis.core.fixtures.HistoryBuilder;
import io.fidelis.core.fixtures.PolicyFixtures;
import io.fidelis.core.policy.Stage;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Worked examples of each stage rule, under windows new 6, dormant 12, churn after maturity 12, after exit 3. */
class LifecycleStageTest {

    private static final Classifier CLASSIFIER = new Classifier(PolicyFixtures.seedCase());

    /** Onboarded 2020, one 12-month loan from 2023-01-15 paid on time (last installment 2024-01-15). */
    private static HistoryBuilder established() {
        return aCustomer().onboarded("2020-01-01").withLoan(aLoan("L1")).paidOnTime("L1");
    }

    static Stream<Arguments> examples() {
        return Stream.of(
                example(
                        "formal closure, whatever else happens",
                        b -> established().closed("2024-03-01", CloseReason.MOVED_TO_COMPETITOR),
                        "2024-03-01",
                        Stage.CHURNED,
                        ReasonCode.CHURNED_FORMAL_CLOSURE),
                example(
                        "last loan defaulted and none held",
                        b -> established().loanStatus("L1", LoanStatus.DEFAULTED, "2023-09-01"),
                        "2023-10-01",
                        Stage.CHURNED,
                        ReasonCode.CHURNED_DEFAULT_OR_WRITE_OFF),
                example(
                        "refinanced elsewhere 4 months ago",
                        b -> established().loanStatus("L1", LoanStatus.REFINANCED_ELSEWHERE, "2023-06-01"),
                        "2023-10-02",
                        Stage.CHURNED,
                        ReasonCode.CHURNED_PREPAID_OR_REFINANCED_ELSEWHERE),
                example(
                        "refinanced elsewhere 2 months ago: not yet churned",
                        b -> established().loanStatus("L1", LoanStatus.REFINANCED_ELSEWHERE, "2023-06-01"),
                        "2023-08-01",
                        Stage.ACTIVE,
                        ReasonCode.STAGE_ACTIVE_RECENT_ACTIVITY),
                example(
                        "repaid at maturity and nothing new for 12 months",
                        b -> established().loanStatus("L1", LoanStatus.REPAID, "2024-01-15"),
                        "2025-01-15",
                        Stage.CHURNED,
                        ReasonCode.CHURNED_MATURED_NOT_RENEWED),
                example(
                        "repaid at maturity, a meeting since: not churned",
                        b -> established()
                                .loanStatus("L1", LoanStatus.REPAID, "2024-01-15")
                                .interaction("2024-11-01", InteractionType.MEETING),
                        "2025-01-15",
                        Stage.ACTIVE,
                        ReasonCode.STAGE_ACTIVE_RECENT_ACTIVITY),
                example(
                        "onboarded 3 months ago",
                        b -> aCustomer().onboarded("2023-09-15"),
                        "2023-12-15",
                        Stage.NEW,
                        ReasonCode.STAGE_NEW_RECENTLY_ONBOARDED),
                example(
                        "onboarded after the as-of date",
                        b -> aCustomer().onboarded("2024-02-01"),
                        "2023-12-15",
                        Stage.NEW,
                        ReasonCode.STAGE_NEW_NOT_YET_STARTED),
                example(
                        "a loan held but nothing paid or done for 12 months",
                        b -> aCustomer()
                                .onboarded("2020-01-01")
                                .withLoan(aLoan("L1").startingOn("2022-01-01")),
                        "2023-06-01",
                        Stage.DORMANT,
                        ReasonCode.STAGE_DORMANT_NO_RECENT_ACTIVITY),
                example(
                        "nothing ever recorded",
                        b -> aCustomer(),
                        "2023-06-01",
                        Stage.DORMANT,
                        ReasonCode.STAGE_DORMANT_NO_ACTIVITY_RECORDED),
                example(
                        "paying every month",
                        b -> established(),
                        "2023-10-01",
                        Stage.ACTIVE,
                        ReasonCode.STAGE_ACTIVE_RECENT_ACTIVITY));
    }

    private static Arguments example(
            String name, UnaryOperator<HistoryBuilder> history, String asOf, Stage stage, ReasonCode code) {
        return Arguments.of(name, history.apply(null).build(), asOf, stage, code);
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("examples")
    void theFirstRuleThatAppliesDecidesTheStage(
            String name, CustomerHistory history, String asOf, Stage stage, ReasonCode code) {
        Classification result = CLASSIFIER.classify(history, date(asOf));

        assertThat(result.stage()).isEqualTo(stage);
        assertThat(result.stageReasons().get(0).code()).isEqualTo(code);
        assertThat(result.stageReasons().get(0).evidence()).as("evidence").isNotEmpty();
    }

    @Test
    void aCustomerWithoutLoansButRecentEndsSaysNoLoanIsHeld() {
        CustomerHistory history =
                established().loanStatus("L1", LoanStatus.REPAID, "2024-01-15").build();

        Classification result = CLASSIFIER.classify(history, date("2024-03-01"));

        assertThat(result.stage()).isEqualTo(Stage.ACTIVE);
        assertThat(result.stageReasons())
                .extracting(Reason::code)
                .containsExactly(ReasonCode.STAGE_ACTIVE_RECENT_ACTIVITY, ReasonCode.NO_LOAN_HELD);
        assertThat(result.stageReasons().get(1).args()).containsExactly(LoanStatus.REPAID);
    }

    @Test
    void theCloseReasonIsGivenWithAFormalClosure() {
        CustomerHistory history = established()
                .closed("2024-03-01", CloseReason.MOVED_TO_COMPETITOR)
                .build();

        Reason reason =
                CLASSIFIER.classify(history, date("2024-06-01")).stageReasons().get(0);

        assertThat(reason.args()).containsExactly(date("2024-03-01"), CloseReason.MOVED_TO_COMPETITOR);
    }
}
