package io.fidelis.generator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Repayment schedules in fen (minor units), so that the due amounts add up exactly to the principal plus the interest
 * on the outstanding balance. Interest per period is the balance times the annual rate times months/12, rounded half
 * up to the fen; the last installment clears the balance.
 */
final class Schedule {

    /** One scheduled installment: when, how much (principal + interest), and the balance left after it. */
    record Line(LocalDate due, long dueFen, long balanceAfterFen) {}

    private static final BigDecimal MONTHS_TIMES_BASIS_POINTS = BigDecimal.valueOf(12L * 10_000L);

    private Schedule() {}

    /**
     * Level payments (annuity) after {@code gracePeriods} interest-only periods.
     *
     * @param rateE4 annual rate in units of 0.0001 (435 = 4.35%)
     */
    static List<Line> annuity(
            long principalFen, int rateE4, LocalDate start, int periods, int monthsPerPeriod, int gracePeriods) {
        if (gracePeriods >= periods) {
            throw new IllegalArgumentException("grace of " + gracePeriods + " periods leaves no repayment period");
        }
        List<Line> lines = new ArrayList<>(periods);
        long balance = principalFen;
        for (int k = 1; k <= gracePeriods; k++) {
            lines.add(new Line(
                    start.plusMonths((long) k * monthsPerPeriod), interest(balance, rateE4, monthsPerPeriod), balance));
        }
        long payment = levelPayment(principalFen, rateE4, monthsPerPeriod, periods - gracePeriods);
        for (int k = gracePeriods + 1; k <= periods; k++) {
            long interest = interest(balance, rateE4, monthsPerPeriod);
            long principal = k == periods ? balance : Math.min(balance, payment - interest);
            balance -= principal;
            lines.add(new Line(start.plusMonths((long) k * monthsPerPeriod), principal + interest, balance));
        }
        return lines;
    }

    /** Interest only every period, the whole principal with the last one. {@code periods == 1} is a pure bullet. */
    static List<Line> bullet(long principalFen, int rateE4, LocalDate start, int periods, int monthsPerPeriod) {
        List<Line> lines = new ArrayList<>(periods);
        for (int k = 1; k <= periods; k++) {
            long interest = interest(principalFen, rateE4, monthsPerPeriod);
            boolean last = k == periods;
            lines.add(new Line(
                    start.plusMonths((long) k * monthsPerPeriod),
                    last ? principalFen + interest : interest,
                    last ? 0 : principalFen));
        }
        return lines;
    }

    /** The level payment that repays {@code principalFen} in {@code periods} periods, rounded half up. */
    static long levelPayment(long principalFen, int rateE4, int monthsPerPeriod, int periods) {
        if (rateE4 == 0) {
            return (principalFen + periods - 1) / periods;
        }
        MathContext context = MathContext.DECIMAL128;
        BigDecimal rate =
                BigDecimal.valueOf((long) rateE4 * monthsPerPeriod).divide(MONTHS_TIMES_BASIS_POINTS, context);
        BigDecimal growth = BigDecimal.ONE.add(rate).pow(periods, context);
        return BigDecimal.valueOf(principalFen)
                .multiply(rate)
                .multiply(growth)
                .divide(growth.subtract(BigDecimal.ONE), context)
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** Interest on {@code balanceFen} for {@code months} months, rounded half up to the fen. */
    static long interest(long balanceFen, int rateE4, int months) {
        return divideHalfUp(balanceFen * rateE4 * months, 12L * 10_000L);
    }

    /** Interest on {@code balanceFen} for {@code days} days (actual/365), rounded half up to the fen. */
    static long accruedInterest(long balanceFen, int rateE4, long days) {
        return divideHalfUp(balanceFen * rateE4 * days, 365L * 10_000L);
    }

    private static long divideHalfUp(long numerator, long denominator) {
        return (numerator + denominator / 2) / denominator;
    }
}
