package io.fidelis.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archetypes are told apart by the signals a classifier uses: on-time rate, satisfaction, complaints, recency,
 * tenure, referrals, programme use, competitor quotes, closure and default. Checked on one book of 2,000 customers.
 */
class ArchetypeBehaviourTest {

    private static final int CUSTOMERS = 2_000;

    @TempDir
    static Path temp;

    private static GeneratedBook book;
    private static Map<String, String> archetypeOf;
    private static Map<String, String> classOf;
    private static Map<String, LocalDate> lastActivity;

    @BeforeAll
    static void generate() throws IOException {
        book = GeneratedBook.generate(temp, CUSTOMERS, 2026);
        archetypeOf = book.archetypes();
        classOf = book.intendedClasses();
        lastActivity = book.lastActivity();
    }

    @Test
    void archetypeMixFollowsTheShares() {
        for (Archetype archetype : Archetype.values()) {
            double share = 100.0 * allOf(archetype).size() / CUSTOMERS;
            assertThat(share)
                    .as(archetype.code())
                    .isCloseTo(archetype.sharePercent(), org.assertj.core.data.Offset.offset(3.0));
        }
    }

    @Test
    void loyalCorePaysOnTimeAndDeterioratingAndDefaultedDoNot() {
        assertThat(onTimeRate(Archetype.LOYAL_CORE)).isGreaterThan(0.97);
        assertThat(onTimeRate(Archetype.STEADY)).isBetween(0.9, 0.98);
        assertThat(onTimeRate(Archetype.DETERIORATING)).isLessThan(0.8);
        assertThat(onTimeRate(Archetype.DEFAULTED)).isLessThan(0.8);
    }

    @Test
    void satisfactionAndNpsFallFromLoyalToSteadyToDeteriorating() {
        assertThat(meanSurvey(Archetype.LOYAL_CORE, "satisfaction")).isGreaterThan(4.2);
        assertThat(meanSurvey(Archetype.LOYAL_CORE, "satisfaction"))
                .isGreaterThan(meanSurvey(Archetype.STEADY, "satisfaction") + 0.4);
        assertThat(meanSurvey(Archetype.STEADY, "satisfaction"))
                .isGreaterThan(meanSurvey(Archetype.DETERIORATING, "satisfaction") + 0.3);
        assertThat(meanSurvey(Archetype.STEADY, "satisfaction"))
                .isGreaterThan(meanSurvey(Archetype.CHURNED_TO_COMPETITOR, "satisfaction"));
        assertThat(meanSurvey(Archetype.LOYAL_CORE, "nps")).isGreaterThan(meanSurvey(Archetype.STEADY, "nps") + 1);
        assertThat(meanSurvey(Archetype.STEADY, "nps")).isGreaterThan(meanSurvey(Archetype.DEFAULTED, "nps") + 1);
    }

    @Test
    void deterioratingCustomersGrowLessSatisfiedOverThePeriod() {
        LocalDate lastYear = book.end().minusYears(1);
        Set<String> deteriorating = customersOf(Archetype.DETERIORATING);
        double early = mean(book.surveys.rows().stream()
                .filter(row -> deteriorating.contains(row.get("customer_id")))
                .filter(row -> LocalDate.parse(row.get("surveyed_on"))
                        .isBefore(book.settings.windowStart().plusYears(1)))
                .filter(row -> !row.isEmpty("satisfaction"))
                .mapToDouble(row -> Integer.parseInt(row.get("satisfaction")))
                .toArray());
        double late = mean(book.surveys.rows().stream()
                .filter(row -> deteriorating.contains(row.get("customer_id")))
                .filter(row -> LocalDate.parse(row.get("surveyed_on")).isAfter(lastYear))
                .filter(row -> !row.isEmpty("satisfaction"))
                .mapToDouble(row -> Integer.parseInt(row.get("satisfaction")))
                .toArray());

        assertThat(late).isLessThan(early - 1.0);
    }

    @Test
    void troubledCustomersComplainMoreThanLoyalOnes() {
        double loyal = perCustomer(book.complaints.rows(), Archetype.LOYAL_CORE, row -> true);
        assertThat(perCustomer(book.complaints.rows(), Archetype.DETERIORATING, row -> true))
                .isGreaterThan(3 * loyal);
        assertThat(perCustomer(
                        book.complaints.rows(),
                        Archetype.PRICE_SHOPPER,
                        row -> row.get("category").equals("pricing")))
                .isGreaterThan(3
                        * perCustomer(
                                book.complaints.rows(),
                                Archetype.STEADY,
                                row -> row.get("category").equals("pricing")));
    }

    @Test
    void referralsProgrammeUseAndPositiveReviewsMarkTheLoyal() {
        for (String type : List.of("referral_made", "programme_benefit_used", "positive_review")) {
            assertThat(interactionsPerCustomer(Archetype.LOYAL_CORE, type))
                    .as(type)
                    .isGreaterThan(4 * interactionsPerCustomer(Archetype.STEADY, type));
        }
    }

    @Test
    void priceShoppersCollectQuotesNegotiateAndRefinanceButStay() {
        assertThat(interactionsPerCustomer(Archetype.PRICE_SHOPPER, "competitor_quote"))
                .isGreaterThan(4 * interactionsPerCustomer(Archetype.STEADY, "competitor_quote"));
        assertThat(interactionsPerCustomer(Archetype.PRICE_SHOPPER, "rate_negotiation"))
                .isGreaterThan(4 * interactionsPerCustomer(Archetype.STEADY, "rate_negotiation"));
        assertThat(loansPerCustomer(Archetype.PRICE_SHOPPER, "refinanced_elsewhere"))
                .isGreaterThan(0.5);
        assertThat(loansPerCustomer(Archetype.STEADY, "refinanced_elsewhere")).isZero();
    }

    @Test
    void deterioratingCustomersGetRestructured() {
        assertThat(loansPerCustomer(Archetype.DETERIORATING, "restructured")).isGreaterThan(0.3);
    }

    @Test
    void activeCustomersDidSomethingInTheLastHalfYear() {
        LocalDate halfYearAgo = book.end().minusDays(183);
        Set<String> active = new HashSet<>();
        classOf.forEach((id, intended) -> {
            if (intended.endsWith("|active")) {
                active.add(id);
            }
        });
        assertThat(active)
                .hasSizeGreaterThan(CUSTOMERS / 2)
                .allSatisfy(id -> assertThat(lastActivity.get(id)).as(id).isAfter(halfYearAgo));
    }

    @Test
    void someCustomersOfTheActiveArchetypesLeaveOrStopPayingAndAreThenLowAndChurned() {
        Set<String> closed = closedCustomers();
        Set<String> leftOrDefaulted = customersWithLoans(status ->
                status.equals("refinanced_elsewhere") || status.equals("defaulted") || status.equals("written_off"));
        for (Archetype archetype :
                List.of(Archetype.LOYAL_CORE, Archetype.STEADY, Archetype.PRICE_SHOPPER, Archetype.OCCASIONAL)) {
            Set<String> exited = new HashSet<>(allOf(archetype));
            exited.removeAll(customersOf(archetype));
            // 1 to 6% a year over three years: some, but few.
            assertThat(exited.size())
                    .as(archetype.code())
                    .isPositive()
                    .isLessThan(allOf(archetype).size() / 4);
            assertThat(exited).allSatisfy(id -> assertThat(classOf.get(id)).isEqualTo("low|churned"));
            // One that stopped paying in the last months is not yet closed or in default: a missed installment at most.
            long visible = exited.stream()
                    .filter(id -> closed.contains(id) || leftOrDefaulted.contains(id))
                    .count();
            assertThat(visible).as(archetype.code()).isGreaterThanOrEqualTo(exited.size() * 8L / 10);
        }
    }

    @Test
    void newCustomersWereOnboardedInTheLastSixMonths() {
        Map<String, LocalDate> onboarded = onboarded();
        LocalDate halfYearAgo = book.end().minusDays(183);
        assertThat(customersOf(Archetype.NEW))
                .isNotEmpty()
                .allSatisfy(id -> assertThat(onboarded.get(id)).isAfter(halfYearAgo));
        for (Archetype archetype : Archetype.values()) {
            if (archetype != Archetype.NEW) {
                assertThat(customersOf(archetype))
                        .as(archetype.code())
                        .allSatisfy(id -> assertThat(onboarded.get(id)).isBefore(halfYearAgo));
            }
        }
    }

    @Test
    void dormantCustomersStayOpenButDidNothingForAYear() {
        LocalDate yearAgo = book.end().minusDays(365);
        Set<String> dormant = customersOf(Archetype.DORMANT);
        Set<String> closed = closedCustomers();
        Set<String> running = customersWithLoans(status -> status.equals("active") || status.equals("restructured"));

        assertThat(dormant).isNotEmpty().allSatisfy(id -> {
            assertThat(closed).doesNotContain(id);
            assertThat(running).doesNotContain(id);
            LocalDate last = lastActivity.get(id);
            assertThat(last == null || last.isBefore(yearAgo))
                    .as(id + " last active " + last)
                    .isTrue();
        });
    }

    @Test
    void churnedCustomersLeftAndWentQuiet() {
        LocalDate quarterAgo = book.end().minusDays(90);
        Set<String> closed = closedCustomers();
        Set<String> left = customersWithLoans(status ->
                status.equals("refinanced_elsewhere") || status.equals("defaulted") || status.equals("written_off"));
        Set<String> running = customersWithLoans(status -> status.equals("active") || status.equals("restructured"));
        for (Archetype archetype : List.of(Archetype.CHURNED_TO_COMPETITOR, Archetype.DEFAULTED)) {
            assertThat(customersOf(archetype)).as(archetype.code()).isNotEmpty().allSatisfy(id -> {
                assertThat(closed.contains(id) || left.contains(id))
                        .as(id + " closed or left")
                        .isTrue();
                assertThat(running).doesNotContain(id);
                assertThat(lastActivity.get(id)).as(id).isBefore(quarterAgo);
            });
        }
        assertThat(customersOf(Archetype.CHURNED_TO_COMPETITOR).stream()
                        .filter(closed::contains)
                        .count())
                .isGreaterThan(customersOf(Archetype.CHURNED_TO_COMPETITOR).size() / 2);
    }

    @Test
    void defaultedCustomersWereNinetyDaysInArrearsWhenDeclaredInDefault() {
        Map<String, String> owners = book.loanOwners();
        Map<String, LocalDate> firstArrears = new HashMap<>();
        for (StrictCsv.Row row : book.installments.rows()) {
            boolean fullyPaid = !row.isEmpty("paid_amount")
                    && new BigDecimal(row.get("paid_amount")).compareTo(new BigDecimal(row.get("due_amount"))) >= 0;
            if (!fullyPaid) {
                firstArrears.merge(
                        owners.get(row.get("loan_id")),
                        LocalDate.parse(row.get("due_date")),
                        (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        int checked = 0;
        for (StrictCsv.Row loan : book.loans.rows()) {
            if (loan.get("status").equals("defaulted")) {
                String customer = loan.get("customer_id");
                assertThat(archetypeOf.get(customer)).isIn("defaulted", "loyal_core");
                assertThat(classOf.get(customer)).isEqualTo("low|churned");
                assertThat(firstArrears.get(customer))
                        .as(loan.get("loan_id"))
                        .isBeforeOrEqualTo(
                                LocalDate.parse(loan.get("status_date")).minusDays(90));
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void loyalCustomersHaveTheLongestTenure() {
        Map<String, LocalDate> onboarded = onboarded();
        double loyal = meanTenureYears(Archetype.LOYAL_CORE, onboarded);
        for (Archetype archetype : Archetype.values()) {
            if (archetype != Archetype.LOYAL_CORE) {
                assertThat(loyal).as(archetype.code()).isGreaterThan(meanTenureYears(archetype, onboarded) + 1);
            }
        }
    }

    /** The customers of the archetype that live its story: those with the archetype's intended class at the end. */
    private static Set<String> customersOf(Archetype archetype) {
        Set<String> ids = new HashSet<>();
        String nominal = archetype.tier().code() + "|" + archetype.stage().code();
        archetypeOf.forEach((id, code) -> {
            if (code.equals(archetype.code()) && classOf.get(id).equals(nominal)) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** All customers of the archetype, including those that left or stopped paying through the background hazards. */
    private static Set<String> allOf(Archetype archetype) {
        Set<String> ids = new HashSet<>();
        archetypeOf.forEach((id, code) -> {
            if (code.equals(archetype.code())) {
                ids.add(id);
            }
        });
        return ids;
    }

    private static double onTimeRate(Archetype archetype) {
        Set<String> customers = customersOf(archetype);
        Map<String, String> owners = book.loanOwners();
        long due = 0;
        long onTime = 0;
        for (StrictCsv.Row row : book.installments.rows()) {
            if (!customers.contains(owners.get(row.get("loan_id")))) {
                continue;
            }
            due++;
            if (!row.isEmpty("paid_date")
                    && new BigDecimal(row.get("paid_amount")).compareTo(new BigDecimal(row.get("due_amount"))) >= 0
                    && !LocalDate.parse(row.get("paid_date")).isAfter(LocalDate.parse(row.get("due_date")))) {
                onTime++;
            }
        }
        assertThat(due).as("installments of " + archetype.code()).isGreaterThan(100);
        return (double) onTime / due;
    }

    private static double meanSurvey(Archetype archetype, String column) {
        Set<String> customers = customersOf(archetype);
        return mean(book.surveys.rows().stream()
                .filter(row -> customers.contains(row.get("customer_id")) && !row.isEmpty(column))
                .mapToDouble(row -> Integer.parseInt(row.get(column)))
                .toArray());
    }

    private static double mean(double[] values) {
        assertThat(values).as("values to average").hasSizeGreaterThan(20);
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double perCustomer(List<StrictCsv.Row> rows, Archetype archetype, Predicate<StrictCsv.Row> which) {
        Set<String> customers = customersOf(archetype);
        long count = rows.stream()
                .filter(row -> customers.contains(row.get("customer_id")))
                .filter(which)
                .count();
        return (double) count / customers.size();
    }

    private static double interactionsPerCustomer(Archetype archetype, String type) {
        return perCustomer(
                book.interactions.rows(), archetype, row -> row.get("type").equals(type));
    }

    private static double loansPerCustomer(Archetype archetype, String status) {
        return perCustomer(
                book.loans.rows(), archetype, row -> row.get("status").equals(status));
    }

    private static Set<String> closedCustomers() {
        Set<String> closed = new HashSet<>();
        book.customers.rows().stream()
                .filter(row -> !row.isEmpty("closed_on"))
                .forEach(row -> closed.add(row.get("customer_id")));
        return closed;
    }

    private static Set<String> customersWithLoans(Predicate<String> status) {
        Set<String> customers = new HashSet<>();
        book.loans.rows().stream()
                .filter(row -> status.test(row.get("status")))
                .forEach(row -> customers.add(row.get("customer_id")));
        return customers;
    }

    private static Map<String, LocalDate> onboarded() {
        Map<String, LocalDate> onboarded = new HashMap<>();
        book.customers
                .rows()
                .forEach(row -> onboarded.put(row.get("customer_id"), LocalDate.parse(row.get("onboarded_on"))));
        return onboarded;
    }

    private static double meanTenureYears(Archetype archetype, Map<String, LocalDate> onboarded) {
        return customersOf(archetype).stream()
                .mapToDouble(id -> java.time.temporal.ChronoUnit.DAYS.between(onboarded.get(id), book.end()) / 365.0)
                .average()
                .orElseThrow();
    }
}
