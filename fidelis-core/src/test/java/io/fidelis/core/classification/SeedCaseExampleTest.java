package io.fidelis.core.classification;

import static io.fidelis.core.fixtures.HistoryBuilder.aCustomer;
import static io.fidelis.core.fixtures.HistoryBuilder.aLoan;
import static io.fidelis.core.fixtures.HistoryBuilder.date;
import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.domain.LoanStatus;
import io.fidelis.core.fixtures.HistoryBuilder;
import io.fidelis.core.fixtures.PolicyFixtures;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import io.fidelis.core.strategy.ApprovalRoute;
import io.fidelis.core.strategy.Benefit;
import io.fidelis.core.strategy.CreditLineAction;
import io.fidelis.core.strategy.RiskSignal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The seed's worked case end to end: three years of loans, repayments and surveys; tier by on-time repayment rate
 * (60 points: 80% earns half, 95% all) and mean satisfaction (40 points: 3 earns half, 4 all); high from 80, medium
 * from 50.
 */
class SeedCaseExampleTest {

    private static final Classifier CLASSIFIER = new Classifier(PolicyFixtures.seedCase());
    private static final LocalDate AS_OF = date("2025-01-31");

    /** 24 monthly installments from 2023-01-15 (the last due 2025-01-15), the first {@code late} paid 10 days late. */
    private static HistoryBuilder customer(int late, int satisfaction) {
        HistoryBuilder builder = aCustomer()
                .onboarded("2019-05-01")
                .withLoan(aLoan("L1").monthly(24, "52000.00"))
                .paidOnTime("L1")
                .survey("2024-06-30", satisfaction, 8);
        for (int no = 1; no <= late; no++) {
            builder.paidLate("L1", no, 10);
        }
        return builder;
    }

    @ParameterizedTest(name = "{0} of 24 late, satisfaction {1}: {2} points, {3}")
    @CsvSource({
        "0,  5, 100, HIGH",
        "1,  3, 80,  HIGH", // 95.8% on time: 60 + 20
        "2,  5, 70,  MEDIUM", // 91.7% on time: 30 + 40
        "4,  3, 50,  MEDIUM", // 83.3%: 30 + 20
        "5,  5, 40,  LOW", // 79.2%: 0 + 40
        "12, 2, 0,   LOW",
    })
    void onTimeRepaymentAndSatisfactionDecideTheTier(int late, int satisfaction, double score, Tier tier) {
        Classification result = CLASSIFIER.classify(customer(late, satisfaction).build(), AS_OF);

        assertThat(result.score().getAsDouble()).isEqualTo(score);
        assertThat(result.tier()).isEqualTo(tier);
        assertThat(result.stage()).isEqualTo(Stage.ACTIVE);
        assertThat(result.policyId()).isEqualTo("seed-case");
        assertThat(result.customerId()).isEqualTo("C1");
    }

    @Test
    void aHighCustomerGetsTheHighStrategy() {
        Classification result = CLASSIFIER.classify(customer(0, 5).build(), AS_OF);

        assertThat(result.tierReasons().get(0).code()).isEqualTo(ReasonCode.ON_TIME_RATE_HIGH);
        assertThat(result.actions().approvalRoute()).isEqualTo(ApprovalRoute.PRIORITY);
        assertThat(result.actions().creditLine()).isEqualTo(CreditLineAction.INCREASE);
        assertThat(result.actions().pricingBps()).isEqualTo(-25);
        assertThat(result.conflicts()).isEmpty();
    }

    @Test
    void aHighCustomerWithARestructuredLoanKeepsTheTierButNotTheBenefits() {
        CustomerHistory history = customer(0, 5)
                .withLoan(aLoan("L2").startingOn("2023-06-01").monthly(6, "1000.00"))
                .paidOnTime("L2")
                .loanStatus("L2", LoanStatus.RESTRUCTURED, "2024-03-01")
                .build();

        Classification result = CLASSIFIER.classify(history, AS_OF);

        assertThat(result.tier()).isEqualTo(Tier.HIGH);
        assertThat(result.intendedActions().approvalRoute()).isEqualTo(ApprovalRoute.PRIORITY);
        assertThat(result.actions().approvalRoute()).isEqualTo(ApprovalRoute.STANDARD);
        assertThat(result.actions().pricingBps()).isZero();
        assertThat(result.conflicts())
                .extracting(conflict -> conflict.benefit())
                .containsExactly(
                        Benefit.PRICING_DISCOUNT,
                        Benefit.RATING_UPGRADE,
                        Benefit.PRIORITY_APPROVAL,
                        Benefit.CREDIT_LINE_INCREASE);
        assertThat(result.conflicts().get(0).signals()).containsExactly(RiskSignal.RESTRUCTURING_IN_WINDOW);
    }

    @Test
    void everyReasonOfTheCaseRendersInBothLanguages() {
        Classification result = CLASSIFIER.classify(customer(4, 3).build(), AS_OF);

        for (Reason reason : result.tierReasons()) {
            assertThat(Messages.reason(reason, Language.ENGLISH)).doesNotContain("{");
            assertThat(Messages.reason(reason, Language.CHINESE)).doesNotContain("{");
        }
        assertThat(Messages.reason(result.tierReasons().get(0), Language.ENGLISH))
                .isEqualTo("Repays on time (on-time repayment rate: 83.3%; installments due: 24)");
    }
}
