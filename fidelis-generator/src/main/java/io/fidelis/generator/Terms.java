package io.fidelis.generator;

import io.fidelis.core.domain.Product;
import java.time.LocalDate;
import java.util.List;

/**
 * Contractual terms of a generated loan.
 *
 * @param product the product
 * @param amountFen committed amount in fen
 * @param rateE4 annual rate in units of 0.0001
 * @param tenorMonths months from start to maturity, a multiple of {@code monthsPerPeriod}
 * @param monthsPerPeriod 1 (monthly), 3 (quarterly) or the whole tenor (a single bullet)
 * @param annuity level payments when true, interest only with the principal at maturity when false
 * @param gracePeriods interest-only periods before the annuity starts
 */
record Terms(
        Product product,
        long amountFen,
        int rateE4,
        int tenorMonths,
        int monthsPerPeriod,
        boolean annuity,
        int gracePeriods) {

    Terms {
        if (tenorMonths % monthsPerPeriod != 0) {
            throw new IllegalArgumentException("tenor " + tenorMonths + " is not a multiple of " + monthsPerPeriod);
        }
    }

    LocalDate maturity(LocalDate start) {
        return start.plusMonths(tenorMonths);
    }

    List<Schedule.Line> schedule(LocalDate start) {
        int periods = tenorMonths / monthsPerPeriod;
        return annuity
                ? Schedule.annuity(amountFen, rateE4, start, periods, monthsPerPeriod, gracePeriods)
                : Schedule.bullet(amountFen, rateE4, start, periods, monthsPerPeriod);
    }
}
