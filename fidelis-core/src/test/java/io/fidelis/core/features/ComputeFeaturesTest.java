package io.fidelis.core.features;

import static io.fidelis.core.features.FeatureId.*;
import static io.fidelis.core.fixtures.HistoryBuilder.aCustomer;
import static io.fidelis.core.fixtures.HistoryBuilder.aLoan;
import static io.fidelis.core.fixtures.HistoryBuilder.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fidelis.core.domain.CloseReason;
import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.domain.InteractionType;
import io.fidelis.core.domain.LoanStatus;
import io.fidelis.core.domain.Product;
import io.fidelis.core.domain.Severity;
import io.fidelis.core.fixtures.HistoryBuilder;
import io.fidelis.core.fixtures.RandomHistories;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ComputeFeaturesTest {

    private static final ComputeFeatures STANDARD = new ComputeFeatures(new FeatureSettings(36, 12, 0));

    private static Features asOf(CustomerHistory history, String date) {
        return STANDARD.of(history, date(date));
    }

    /** One loan starting 2023-01-15 with 12 monthly installments of 105,000.00, the first due 2023-02-15. */
    private static HistoryBuilder oneLoan() {
        return aCustomer().onboarded("2022-06-01").withLoan(aLoan("L1"));
    }

    @Test
    void installmentsPaidOnTheirDueDateAreAllOnTime() {
        Features features = asOf(oneLoan().paidOnTime("L1").build(), "2023-11-30");

        assertThat(features.get(INSTALLMENTS_DUE).get()).isEqualTo(10);
        assertThat(features.get(ON_TIME_RATE_BY_COUNT).get()).isEqualTo(1.0);
        assertThat(features.get(ON_TIME_RATE_BY_AMOUNT).get()).isEqualTo(1.0);
        assertThat(features.get(MAX_DAYS_PAST_DUE).get()).isZero();
        assertThat(features.get(CURRENT_DAYS_PAST_DUE).get()).isZero();
    }

    @Test
    void lateInstallmentIsNotOnTime() {
        Features features = asOf(oneLoan().paidOnTime("L1").paidLate("L1", 3, 5).build(), "2023-11-30");

        assertThat(features.get(ON_TIME_RATE_BY_COUNT).get()).isEqualTo(0.9);
        assertThat(features.get(MAX_DAYS_PAST_DUE).get()).isEqualTo(5);
    }

    @ParameterizedTest(name = "paid {0} days after due with {1} grace days: on time {2}")
    @CsvSource({"0, 0, true", "1, 0, false", "3, 3, true", "4, 3, false", "-5, 0, true"})
    void graceDaysFromThePolicyDecideWhatIsOnTime(int daysLate, int graceDays, boolean onTime) {
        CustomerHistory history =
                oneLoan().paidOnTime("L1").paidLate("L1", 1, daysLate).build();

        Features features = new ComputeFeatures(new FeatureSettings(36, 12, graceDays)).of(history, date("2023-02-28"));

        assertThat(features.get(ON_TIME_RATE_BY_COUNT).get()).isEqualTo(onTime ? 1.0 : 0.0);
    }

    @ParameterizedTest(name = "paid {0} of 105000.00: on time {1}")
    @CsvSource({"105000.00, true", "104999.99, false", "104999.995, true", "105000.01, true", "0, false"})
    void anInstallmentIsOnTimeOnlyWhenFullyPaidToTheCent(String paid, boolean onTime) {
        CustomerHistory history = oneLoan().paid("L1", 1, paid, "2023-02-15").build();

        Features features = asOf(history, "2023-02-28");

        assertThat(features.get(ON_TIME_RATE_BY_COUNT).get()).isEqualTo(onTime ? 1.0 : 0.0);
    }

    @Test
    void aPaymentDatedAfterTheAsOfDateIsNotYetKnown() {
        CustomerHistory history = oneLoan().paidLate("L1", 1, 20).build(); // due 2023-02-15, paid 2023-03-07

        Features before = asOf(history, "2023-03-01");
        Features after = asOf(history, "2023-03-31");

        assertThat(before.get(ON_TIME_RATE_BY_COUNT).get()).isZero();
        assertThat(before.get(CURRENT_DAYS_PAST_DUE).get()).isEqualTo(14);
        assertThat(before.get(MAX_DAYS_PAST_DUE).get()).isEqualTo(14);
        assertThat(after.get(MAX_DAYS_PAST_DUE).get()).isEqualTo(20); // now known: paid 20 days late
        assertThat(after.get(CURRENT_DAYS_PAST_DUE).get()).isEqualTo(16); // installment 2, due 2023-03-15
    }

    @Test
    void installmentsDueAfterTheAsOfDateDoNotCount() {
        Features features = asOf(oneLoan().build(), "2023-04-15");

        assertThat(features.get(INSTALLMENTS_DUE).get()).isEqualTo(3);
        assertThat(features.get(ON_TIME_RATE_BY_COUNT).get()).isZero();
    }

    @Test
    void onTimeRateByAmountWeighsInstallmentsByWhatWasDue() {
        CustomerHistory history = aCustomer()
                .withLoan(aLoan("SMALL").monthly(2, "100.00"))
                .withLoan(aLoan("BIG").monthly(2, "900.00"))
                .paidOnTime("BIG")
                .build();

        Features features = asOf(history, "2023-12-31");

        assertThat(features.get(ON_TIME_RATE_BY_COUNT).get()).isEqualTo(0.5);
        assertThat(features.get(ON_TIME_RATE_BY_AMOUNT).get()).isEqualTo(0.9);
    }

    @Test
    void installmentsOutsideTheWindowDoNotCount() {
        CustomerHistory history = oneLoan().paidOnTime("L1").build();

        Features features = new ComputeFeatures(new FeatureSettings(6, 6, 0)).of(history, date("2023-12-31"));

        assertThat(features.get(INSTALLMENTS_DUE).get()).isEqualTo(6); // due 2023-07-15 .. 2023-12-15
    }

    @Test
    void withoutInstallmentsDueTheRepaymentFeaturesAreMissingNotZero() {
        Features features = asOf(aCustomer().onboarded("2023-01-01").build(), "2023-12-31");

        assertThat(features.get(INSTALLMENTS_DUE)).isEqualTo(FeatureValue.of(0));
        assertThat(features.has(ON_TIME_RATE_BY_COUNT)).isFalse();
        assertThat(features.has(ON_TIME_RATE_BY_AMOUNT)).isFalse();
        assertThat(features.has(MAX_DAYS_PAST_DUE)).isFalse();
        assertThat(features.has(CURRENT_DAYS_PAST_DUE)).isFalse();
    }

    @Test
    void aCustomerWithNoSurveysHasUnknownSatisfactionNotZero() {
        Features features = asOf(oneLoan().build(), "2023-12-31");

        assertThat(features.get(SURVEYS).get()).isZero();
        for (FeatureId id : new FeatureId[] {SATISFACTION_LATEST, SATISFACTION_MEAN, SATISFACTION_TREND, NPS_LATEST}) {
            assertThat(features.get(id)).as(id.code()).isEqualTo(FeatureValue.missing());
        }
    }

    @Test
    void satisfactionTrendIsTheLatestMinusTheMeanOfTheEarlierAnswers() {
        CustomerHistory history = aCustomer()
                .survey("2023-01-10", 2, 6)
                .survey("2023-06-10", 3, null)
                .survey("2023-11-10", 5, 9)
                .survey("2024-02-01", 1, 0) // after the as-of date
                .build();

        Features features = asOf(history, "2023-12-31");

        assertThat(features.get(SURVEYS).get()).isEqualTo(3);
        assertThat(features.get(SATISFACTION_LATEST).get()).isEqualTo(5);
        assertThat(features.get(SATISFACTION_MEAN).get()).isCloseTo(10 / 3.0, within(1e-12));
        assertThat(features.get(SATISFACTION_TREND).get()).isEqualTo(2.5);
        assertThat(features.get(NPS_LATEST).get()).isEqualTo(9);
        assertThat(features.get(NPS_MEAN).get()).isEqualTo(7.5);
    }

    @Test
    void aSingleSurveyHasNoTrend() {
        Features features = asOf(aCustomer().survey("2023-05-01", 4, null).build(), "2023-12-31");

        assertThat(features.has(SATISFACTION_TREND)).isFalse();
        assertThat(features.has(NPS_MEAN)).isFalse();
    }

    @Test
    void tenureCountsFromOnboardingRegardlessOfTheWindow() {
        Features features = asOf(aCustomer().onboarded("2015-03-01").build(), "2023-12-31");

        assertThat(features.get(TENURE_MONTHS).get()).isEqualTo(105);
        assertThat(features.relationshipStart()).isEqualTo(date("2015-03-01"));
    }

    @Test
    void withoutOnboardingDateTenureCountsFromTheFirstLoanOrInteractionKnownAsOfTheDate() {
        CustomerHistory history = aCustomer()
                .withLoan(aLoan("L1").startingOn("2022-03-10"))
                .interaction("2021-12-05", InteractionType.INQUIRY)
                .build();

        assertThat(asOf(history, "2023-12-31").get(TENURE_MONTHS).get()).isEqualTo(24);
        assertThat(asOf(history, "2021-11-30").has(TENURE_MONTHS)).isFalse();
    }

    @Test
    void recencyCountsLoanStartsPaymentsAndInteractions() {
        CustomerHistory history = oneLoan()
                .paidLate("L1", 1, 3) // paid 2023-02-18
                .interaction("2023-02-10", InteractionType.MEETING)
                .build();

        Features features = asOf(history, "2023-02-28");

        assertThat(features.get(DAYS_SINCE_LAST_ACTIVITY).get()).isEqualTo(10);
        assertThat(features.lastActivityOn()).isEqualTo(date("2023-02-18"));
    }

    @Test
    void activityCountCountsUsesOfServicesInTheActivityWindow() {
        CustomerHistory history = oneLoan() // loan start 2023-01-15 counts
                .interaction("2023-03-01", InteractionType.DRAWDOWN)
                .interaction("2023-04-01", InteractionType.MEETING)
                .interaction("2023-05-01", InteractionType.COMPETITOR_QUOTE) // not a use
                .interaction("2021-05-01", InteractionType.APPLICATION) // before the activity window
                .build();

        assertThat(asOf(history, "2023-12-31").get(ACTIVITY_COUNT).get()).isEqualTo(3);
    }

    @Test
    void creditEventsCountFromTheirStatusDateWithinTheWindow() {
        CustomerHistory history = aCustomer()
                .withLoan(aLoan("D").startingOn("2019-01-01"))
                .withLoan(aLoan("W").startingOn("2019-01-01"))
                .withLoan(aLoan("R").startingOn("2022-01-01"))
                .withLoan(aLoan("LATER").startingOn("2022-01-01"))
                .loanStatus("D", LoanStatus.DEFAULTED, "2023-03-01")
                .loanStatus("W", LoanStatus.WRITTEN_OFF, "2020-01-01") // before the window
                .loanStatus("R", LoanStatus.RESTRUCTURED, "2022-06-01")
                .loanStatus("LATER", LoanStatus.DEFAULTED, "2024-06-01") // after the as-of date
                .build();

        Features features = asOf(history, "2023-12-31");

        assertThat(features.get(DEFAULTS).get()).isEqualTo(1);
        assertThat(features.get(WRITE_OFFS).get()).isZero();
        assertThat(features.get(RESTRUCTURINGS).get()).isEqualTo(1);
        assertThat(features.get(ACTIVE_LOANS).get()).isEqualTo(2); // restructured and (not yet defaulted) LATER
    }

    @Test
    void aStatusWithoutDateCountsFromTheLoanStartExceptRepaidFromMaturity() {
        CustomerHistory history = aCustomer()
                .withLoan(aLoan("D").startingOn("2023-01-15"))
                .withLoan(aLoan("P").startingOn("2023-01-15"))
                .loanStatus("D", LoanStatus.DEFAULTED, null)
                .loanStatus("P", LoanStatus.REPAID, null) // matures 2024-01-15
                .build();

        Features features = asOf(history, "2023-12-31");

        assertThat(features.get(DEFAULTS).get()).isEqualTo(1);
        assertThat(features.get(ACTIVE_LOANS).get()).isEqualTo(1);
    }

    @Test
    void currentDaysPastDueCountsFromTheOldestInstallmentStillUnpaid() {
        CustomerHistory history =
                oneLoan().paidOnTime("L1").unpaid("L1", 4).unpaid("L1", 5).build(); // due 2023-05-15, 06-15

        Features features = asOf(history, "2023-07-01");

        assertThat(features.get(CURRENT_DAYS_PAST_DUE).get()).isEqualTo(47);
        assertThat(features.get(MAX_DAYS_PAST_DUE).get()).isEqualTo(47);
    }

    @Test
    void aRepaidLoanLeavesNoArrearsAndItsLaterScheduleIsIgnored() {
        CustomerHistory history = oneLoan()
                .paidOnTime("L1")
                .unpaid("L1", 8)
                .unpaid("L1", 9)
                .loanStatus("L1", LoanStatus.PREPAID, "2023-09-01") // installment 8 due 2023-09-15
                .build();

        Features features = asOf(history, "2023-12-31");

        assertThat(features.get(INSTALLMENTS_DUE).get()).isEqualTo(7);
        assertThat(features.get(CURRENT_DAYS_PAST_DUE).get()).isZero();
        assertThat(features.get(LOANS_PREPAID).get()).isEqualTo(1);
        assertThat(features.get(DAYS_SINCE_LAST_LOAN_END).get()).isEqualTo(121);
        assertThat(features.lastEndedLoanStatus()).isEqualTo(LoanStatus.PREPAID);
    }

    @Test
    void outstandingIsWhatIsScheduledOnHeldLoansLessWhatWasPaid() {
        CustomerHistory history = aCustomer()
                .withLoan(aLoan("L1").amount("1000.00").monthly(4, "260.00"))
                .withLoan(aLoan("L2").amount("500.00").monthly(2, "260.00"))
                .paidOnTime("L2")
                .paid("L1", 1, "100.00", "2023-02-15")
                .loanStatus("L2", LoanStatus.REPAID, "2023-03-15")
                .build();

        Features features = asOf(history, "2023-04-01");

        assertThat(features.amount(COMMITTED_AMOUNT)).isEqualByComparingTo("1000.00");
        assertThat(features.amount(OUTSTANDING_AMOUNT)).isEqualByComparingTo(new BigDecimal("940.00"));
        assertThat(features.get(OUTSTANDING_AMOUNT).get()).isEqualTo(940.0);
    }

    @Test
    void productBreadthCountsDistinctProductsHeldInTheWindow() {
        CustomerHistory history = aCustomer()
                .withLoan(aLoan("A").product(Product.TERM_LOAN))
                .withLoan(aLoan("B").product(Product.TERM_LOAN))
                .withLoan(aLoan("C").product(Product.LEASING))
                .withLoan(aLoan("OLD").product(Product.REVOLVING).startingOn("2015-01-01"))
                .loanStatus("OLD", LoanStatus.REPAID, "2016-01-15")
                .build();

        Features features = asOf(history, "2023-12-31");

        assertThat(features.get(PRODUCT_BREADTH).get()).isEqualTo(2);
        assertThat(features.get(LOANS_STARTED).get()).isEqualTo(4);
    }

    @Test
    void complaintsAreCountedInTheWindowAndOpenOnesAtAnyTime() {
        CustomerHistory history = aCustomer()
                .complaint("2019-01-01", Severity.LOW, null, false) // before the window, still open
                .complaint("2023-02-01", Severity.HIGH, "2023-03-01", true)
                .complaint("2023-06-01", Severity.MEDIUM, "2024-02-01", false) // resolved after the as-of date
                .build();

        Features features = asOf(history, "2023-12-31");

        assertThat(features.get(COMPLAINTS).get()).isEqualTo(2);
        assertThat(features.get(HIGH_SEVERITY_COMPLAINTS).get()).isEqualTo(1);
        assertThat(features.get(ESCALATED_COMPLAINTS).get()).isEqualTo(1);
        assertThat(features.get(OPEN_COMPLAINTS).get()).isEqualTo(2);
    }

    @Test
    void priceSensitivityAddsQuotesNegotiationsPrepaymentsAndRefinancings() {
        CustomerHistory history = aCustomer()
                .withLoan(aLoan("L1"))
                .withLoan(aLoan("L2"))
                .loanStatus("L1", LoanStatus.PREPAID, "2023-06-01")
                .loanStatus("L2", LoanStatus.REFINANCED_ELSEWHERE, "2023-07-01")
                .interaction("2023-03-01", InteractionType.COMPETITOR_QUOTE)
                .interaction("2023-04-01", InteractionType.RATE_NEGOTIATION)
                .interaction("2023-05-01", InteractionType.RATE_NEGOTIATION)
                .build();

        Features features = asOf(history, "2023-12-31");

        assertThat(features.get(PRICE_SENSITIVITY_SIGNALS).get()).isEqualTo(5);
        assertThat(features.get(STAYED_DESPITE_COMPETITOR_OFFER).get()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "no competitor quote: unknown,             '',         '',                  ''",
        "used the lender after the quote: stayed,  2023-03-01, 2023-05-01,          1",
        "nothing after the quote: did not stay,    2023-03-01, 2023-02-01,          0",
    })
    void stayingDespiteACompetitorOfferNeedsAQuoteAndLaterUse(
            String scenario, String quoteOn, String drawdownOn, String expected) {
        HistoryBuilder builder = aCustomer().onboarded("2020-01-01");
        if (!quoteOn.isEmpty()) {
            builder.interaction(quoteOn, InteractionType.COMPETITOR_QUOTE);
        }
        if (!drawdownOn.isEmpty()) {
            builder.interaction(drawdownOn, InteractionType.DRAWDOWN);
        }

        Features features = asOf(builder.build(), "2023-12-31");

        FeatureValue stayed = features.get(STAYED_DESPITE_COMPETITOR_OFFER);
        if (expected.isEmpty()) {
            assertThat(stayed).isEqualTo(FeatureValue.missing());
        } else {
            assertThat(stayed.get()).isEqualTo(Double.parseDouble(expected));
        }
    }

    @Test
    void closureCountsFromItsDate() {
        CustomerHistory history = aCustomer()
                .closed("2023-06-30", CloseReason.MOVED_TO_COMPETITOR)
                .build();

        assertThat(asOf(history, "2023-06-29").get(CLOSED).get()).isZero();
        assertThat(asOf(history, "2023-06-29").closeReason()).isNull();
        assertThat(asOf(history, "2023-06-30").get(CLOSED).get()).isEqualTo(1);
        assertThat(asOf(history, "2023-06-30").closeReason()).isEqualTo(CloseReason.MOVED_TO_COMPETITOR);
    }

    @Test
    void programmeEnrolmentAndReferralsAreCounted() {
        CustomerHistory history = aCustomer()
                .interaction("2018-01-01", InteractionType.PROGRAMME_ENROLLED)
                .interaction("2023-01-01", InteractionType.PROGRAMME_BENEFIT_USED)
                .interaction("2023-02-01", InteractionType.REFERRAL_MADE)
                .interaction("2023-02-02", InteractionType.POSITIVE_REVIEW)
                .interaction("2023-02-03", InteractionType.NEGATIVE_REVIEW)
                .build();

        Features features = asOf(history, "2023-12-31");

        assertThat(features.get(PROGRAMME_ENROLLED).get()).isEqualTo(1);
        assertThat(features.get(PROGRAMME_BENEFIT_USES).get()).isEqualTo(1);
        assertThat(features.get(REFERRALS).get()).isEqualTo(1);
        assertThat(features.get(POSITIVE_REVIEWS).get()).isEqualTo(1);
        assertThat(features.get(NEGATIVE_REVIEWS).get()).isEqualTo(1);
    }

    static LongStream seeds() {
        return LongStream.range(1, 61);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aHistoryPreparedOnceGivesAtEveryDateTheFeaturesOfTheHistoryAlone(long seed) {
        Random random = new Random(seed);
        CustomerHistory history = RandomHistories.history(random, "C" + seed);
        ComputeFeatures.Prepared prepared = ComputeFeatures.prepare(history);

        // dates in random order, some repeated: nothing of one date may leak into the next
        for (int i = 0; i < 12; i++) {
            LocalDate date = RandomHistories.asOf(random);
            assertThat(STANDARD.of(prepared, date)).as("as of " + date).isEqualTo(STANDARD.of(history, date));
        }
    }

    @Test
    void everyFeatureHasAUniqueCodeAUnitAndADescription() {
        Set<String> codes = new HashSet<>();
        for (FeatureId id : FeatureId.values()) {
            assertThat(codes.add(id.code())).as(id.code()).isTrue();
            assertThat(id.unit()).isNotNull();
            assertThat(id.description()).isNotBlank();
        }
        assertThat(FeatureId.values().length).isLessThanOrEqualTo(64); // presence is a 64-bit mask
    }
}
