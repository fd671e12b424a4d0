package io.fidelis.core.evaluation;

import static io.fidelis.core.fixtures.HistoryBuilder.aCustomer;
import static io.fidelis.core.fixtures.HistoryBuilder.aLoan;
import static io.fidelis.core.fixtures.HistoryBuilder.date;
import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.domain.CloseReason;
import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.domain.InteractionType;
import io.fidelis.core.domain.LoanStatus;
import io.fidelis.core.fixtures.HistoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Worked examples of the outcome definitions. The period is (2025-09-30, 2026-09-30]: the strategy started on
 * 2025-09-30, so that day belongs to the period before and 2026-09-30 is the last day counted.
 */
class OutcomesTest {

    private static final Period AFTER = new Period(date("2025-09-30"), date("2026-09-30"));
    private static final Period BEFORE = Period.monthsUpTo(date("2025-09-30"), 12);

    @Test
    void periodsBeforeAndAfterMeetWithoutOverlapping() {
        Period after = Period.monthsAfter(date("2025-09-30"), 12);

        assertThat(after).isEqualTo(AFTER);
        assertThat(BEFORE.contains(date("2025-09-30"))).isTrue();
        assertThat(AFTER.contains(date("2025-09-30"))).isFalse();
        assertThat(AFTER.contains(date("2025-10-01"))).isTrue();
        assertThat(AFTER.contains(date("2026-09-30"))).isTrue();
        assertThat(AFTER.contains(date("2026-10-01"))).isFalse();
        assertThat(AFTER.contains(null)).isFalse();
        assertThat(BEFORE.toString()).isEqualTo("(2024-09-30, 2025-09-30]");
    }

    /**
     * A loan starting 2025-03-15 with monthly installments: installment 5 falls due on 2025-08-15, so 90 days later is
     * 2025-11-13, in the period after.
     */
    @ParameterizedTest(name = "installment 5 paid {0}: defaulted after {1}")
    @CsvSource({
        "2025-08-15, false", // on time
        "2025-11-13, false", // on the 90th day: something was paid by then
        "2025-11-14, true", // a day too late
        ", true", // never paid
    })
    void anInstallmentUnpaidNinetyDaysAfterItsDueDateIsADefault(String paidOn, boolean defaulted) {
        HistoryBuilder customer = aCustomer().withLoan(aLoan("L1").startingOn("2025-03-15"));
        for (int no = 1; no <= 12; no++) {
            if (no != 5) {
                customer.paidLate("L1", no, 0);
            }
        }
        if (paidOn != null) {
            customer.paid("L1", 5, "105000.00", paidOn);
        }
        CustomerHistory history = customer.build();

        assertThat(Outcomes.defaulted(history, AFTER)).isEqualTo(defaulted);
        assertThat(Outcomes.defaulted(history, BEFORE)).isFalse();
    }

    @Test
    void theNinetiethDayDecidesThePeriodNotTheDueDate() {
        // One installment, due 2025-07-15 (before the start) and never paid: its 90th day is 2025-10-13, after it.
        CustomerHistory history = aCustomer()
                .withLoan(aLoan("L1").startingOn("2025-06-15").monthly(1, "1000000.00"))
                .build();

        assertThat(Outcomes.defaulted(history, AFTER)).isTrue();
        assertThat(Outcomes.defaulted(history, BEFORE)).isFalse();
        assertThat(Outcomes.defaulted(history, new Period(date("2025-09-30"), date("2025-10-12"))))
                .isFalse();
    }

    @ParameterizedTest(name = "{0} on {1}: defaulted after {2}")
    @CsvSource({
        "DEFAULTED, 2026-02-01, true",
        "WRITTEN_OFF, 2026-09-30, true",
        "DEFAULTED, 2025-09-30, false",
        "RESTRUCTURED, 2026-02-01, false",
    })
    void aLoanDefaultedOrWrittenOffInThePeriodIsADefault(LoanStatus status, String on, boolean defaulted) {
        CustomerHistory history = aCustomer()
                .withLoan(aLoan("L1").startingOn("2024-01-15"))
                .paidOnTime("L1")
                .loanStatus("L1", status, on)
                .build();

        assertThat(Outcomes.defaulted(history, AFTER)).isEqualTo(defaulted);
    }

    @ParameterizedTest(name = "closed {0} for {1}: churned {2}")
    @CsvSource({
        "2026-03-01, MOVED_TO_COMPETITOR, true",
        "2026-03-01, CLOSED_BY_CUSTOMER, true",
        "2026-03-01, DEFAULT, false",
        "2026-03-01, MATURED, false",
        "2025-09-30, MOVED_TO_COMPETITOR, false",
    })
    void aClosureForLeavingIsChurnAClosureForDefaultIsNot(String on, CloseReason reason, boolean churned) {
        CustomerHistory history =
                aCustomer().onboarded("2020-01-01").closed(on, reason).build();

        assertThat(Outcomes.churned(history, AFTER)).isEqualTo(churned);
    }

    @Test
    void refinancingTheLastRunningLoanElsewhereIsChurn() {
        CustomerHistory history = aCustomer()
                .withLoan(aLoan("L1").startingOn("2023-01-15"))
                .paidOnTime("L1")
                .loanStatus("L1", LoanStatus.REPAID, "2024-01-15")
                .withLoan(aLoan("L2").startingOn("2025-01-15"))
                .loanStatus("L2", LoanStatus.REFINANCED_ELSEWHERE, "2026-04-01")
                .withLoan(aLoan("L3").startingOn("2025-02-01"))
                .loanStatus("L3", LoanStatus.CANCELLED, "2025-02-02")
                .build();

        assertThat(Outcomes.churned(history, AFTER)).isTrue();
        assertThat(Outcomes.churned(history, BEFORE)).isFalse();
    }

    @ParameterizedTest(name = "other loan {0} from {1}, status date {2}: churned {3}")
    @CsvSource({
        "ACTIVE, 2025-01-15, 2025-01-15, false", // still runs
        "REPAID, 2025-01-15, 2026-05-01, false", // ended after the refinancing
        "REPAID, 2025-01-15, 2026-04-01, true", // ended the same day
        "REPAID, 2026-06-01, 2026-08-01, false", // started after: the customer came back
        "REPAID, 2025-01-15, , false", // end not dated: not known to have ended
    })
    void refinancingIsChurnOnlyWhenNothingElseRuns(
            LoanStatus status, String start, String statusDate, boolean churned) {
        CustomerHistory history = aCustomer()
                .withLoan(aLoan("L1").startingOn("2025-01-15"))
                .loanStatus("L1", LoanStatus.REFINANCED_ELSEWHERE, "2026-04-01")
                .withLoan(aLoan("L2").startingOn(start))
                .loanStatus("L2", status, statusDate)
                .build();

        assertThat(Outcomes.churned(history, AFTER)).isEqualTo(churned);
    }

    @Test
    void surveyAnswersInThePeriodAreCountedAndSummed() {
        CustomerHistory history = aCustomer()
                .survey("2025-09-30", 1, 0) // the start day: before
                .survey("2025-12-01", 4, 9)
                .survey("2026-03-01", 5, null)
                .survey("2026-06-01", null, 6)
                .survey("2026-09-30", 3, 8)
                .survey("2026-10-01", 5, 10) // after the period
                .build();

        assertThat(Outcomes.satisfaction(history, AFTER)).isEqualTo(new Answers(3, 12));
        assertThat(Outcomes.nps(history, AFTER)).isEqualTo(new Answers(3, 100 - 100 + 0));
        assertThat(Outcomes.satisfaction(history, BEFORE)).isEqualTo(new Answers(1, 1));
        assertThat(Outcomes.nps(history, BEFORE)).isEqualTo(new Answers(1, -100));
    }

    @ParameterizedTest(name = "nps {0} scores {1}")
    @CsvSource({"0, -100", "6, -100", "7, 0", "8, 0", "9, 100", "10, 100"})
    void npsAnswersScoreAsPromotersPassivesAndDetractors(int answer, int score) {
        assertThat(Outcomes.npsScore(answer)).isEqualTo(score);
    }

    @ParameterizedTest(name = "{0}: active after {1}")
    @CsvSource({
        "interaction, true",
        "payment, true",
        "loan start, true",
        "nothing, false",
    })
    void anyLoanStartPaymentOrInteractionIsActivity(String what, boolean active) {
        HistoryBuilder customer = aCustomer()
                .withLoan(aLoan("L1").startingOn("2022-01-15"))
                .paidOnTime("L1")
                .interaction("2024-02-01", InteractionType.MEETING);
        switch (what) {
            case "interaction" -> customer.interaction("2026-02-01", InteractionType.INQUIRY);
            case "payment" ->
                customer.withLoan(aLoan("L2").startingOn("2025-06-15")).paid("L2", 6, "105000.00", "2025-12-20");
            case "loan start" -> customer.withLoan(aLoan("L2").startingOn("2026-05-01"));
            default -> {}
        }

        assertThat(Outcomes.active(customer.build(), AFTER)).isEqualTo(active);
    }

    @Test
    void measureGathersEveryOutcomeOfBothPeriods() {
        CustomerHistory history = aCustomer()
                .onboarded("2020-01-01")
                .closed("2026-05-01", CloseReason.MOVED_TO_COMPETITOR)
                .withLoan(aLoan("L1").startingOn("2024-01-15"))
                .loanStatus("L1", LoanStatus.DEFAULTED, "2025-03-01")
                .survey("2025-05-01", 2, 5)
                .survey("2026-01-01", 4, 10)
                .build();

        CustomerOutcomes outcomes = Outcomes.measure(history, BEFORE, AFTER);

        assertThat(outcomes)
                .isEqualTo(new CustomerOutcomes(
                        true,
                        false,
                        false,
                        true,
                        new Answers(1, 2),
                        new Answers(1, 4),
                        new Answers(1, -100),
                        new Answers(1, 100),
                        false));
    }
}
