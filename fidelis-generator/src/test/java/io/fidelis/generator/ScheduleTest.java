package io.fidelis.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ScheduleTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 31);

    @ParameterizedTest(name = "{0} fen at {1}/10000 over {3} periods of {2} months pays {4} fen")
    @CsvSource({
        // principal fen, rate e4, months per period, periods, level payment fen
        "10000000,   600, 1, 12,   860664", // 100,000.00 at 6% over a year: the textbook 8,606.64
        "120000000,  435, 1, 36,  3561592",
        "1000000000, 490, 3, 20, 56678968",
        "50000000,     0, 1, 10,  5000000"
    })
    void levelPaymentMatchesTheAnnuityFormula(
            long principal, int rateE4, int monthsPerPeriod, int periods, long expectedPayment) {
        assertThat(Schedule.levelPayment(principal, rateE4, monthsPerPeriod, periods))
                .isEqualTo(expectedPayment);
    }

    @Test
    void annuityPaysTheLevelPaymentAndClearsTheBalanceWithTheLastInstallment() {
        List<Schedule.Line> lines = Schedule.annuity(10_000_000, 600, START, 12, 1, 0);

        assertThat(lines).hasSize(12);
        assertThat(lines.subList(0, 11))
                .allSatisfy(line -> assertThat(line.dueFen()).isEqualTo(860_664));
        assertThat(lines.get(11).balanceAfterFen()).isZero();
        assertThat(lines.get(11).dueFen()).isBetween(860_600L, 860_700L);
        assertThat(lines.get(1).due()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(lines.get(0).due()).as("month ends are clamped").isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void interestOnlyScheduleRepaysThePrincipalAtMaturity() {
        List<Schedule.Line> lines = Schedule.bullet(12_000_000, 500, START, 4, 3);

        assertThat(lines).extracting(Schedule.Line::dueFen).containsExactly(150_000L, 150_000L, 150_000L, 12_150_000L);
        assertThat(lines.get(3).due()).isEqualTo(START.plusMonths(12));
    }

    @Test
    void graceYearPaysInterestOnlyThenAmortises() {
        List<Schedule.Line> lines = Schedule.annuity(100_000_000, 480, START, 20, 3, 4);

        assertThat(lines.subList(0, 4)).allSatisfy(line -> {
            assertThat(line.dueFen()).isEqualTo(1_200_000);
            assertThat(line.balanceAfterFen()).isEqualTo(100_000_000);
        });
        assertThat(lines.get(4).balanceAfterFen()).isLessThan(100_000_000);
        assertThat(lines.get(19).balanceAfterFen()).isZero();
    }

    @Test
    void accruedInterestCountsActualDaysOver365() {
        assertThat(Schedule.accruedInterest(36_500_000, 400, 10)).isEqualTo(40_000);
    }

    static Stream<Long> seeds() {
        return IntStream.range(0, 25).mapToObj(i -> 1000L + i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void dueAmountsAddUpToPrincipalPlusInterestOnTheOutstandingBalance(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long principal = 10_000 * random.nextLong(50, 50_000);
        int rateE4 = random.nextInt(0, 900);
        int monthsPerPeriod = random.nextBoolean() ? 1 : 3;
        int periods = random.nextInt(2, 41);
        int grace = random.nextInt(0, periods / 2);

        List<Schedule.Line> lines = Schedule.annuity(principal, rateE4, START, periods, monthsPerPeriod, grace);

        long balance = principal;
        long totalDue = 0;
        long totalInterest = 0;
        for (Schedule.Line line : lines) {
            totalInterest += Schedule.interest(balance, rateE4, monthsPerPeriod);
            totalDue += line.dueFen();
            assertThat(line.balanceAfterFen()).isBetween(0L, balance);
            assertThat(line.dueFen()).isPositive();
            balance = line.balanceAfterFen();
        }
        assertThat(balance).isZero();
        assertThat(totalDue).isEqualTo(principal + totalInterest);
    }
}
