package io.fidelis.generator;

import java.time.LocalDate;

/**
 * The story of one customer decided before anything is simulated: when it came, when loans may start, and the dates
 * at which its behaviour turns. Nullable fields are null when they do not apply.
 *
 * @param archetype its archetype
 * @param onboardedOn relationship start
 * @param firstLoanFrom earliest start of a loan
 * @param lastLoanBy latest start of a regular loan (the anchor loan aside)
 * @param minGapDays shortest time between two loan starts
 * @param maxGapDays longest time between two loan starts
 * @param matureBy every loan must end by then (dormant customers), or null
 * @param turn the turning point: deterioration starts (deteriorating), the loans move to a competitor (churned), or the
 *     customer stops paying (defaulted); null for the others
 * @param activityEnd no activity by the customer after this date (the end date unless it goes silent)
 * @param enrolledOn enrolment in the loyalty programme, or null
 * @param anchorStart start of a loan that must exist for the story to hold (a current loan, a loan to refinance or to
 *     default on), or null
 * @param anchorMinMonths shortest tenor of the anchor loan in months (0: any)
 * @param prefersShortLoans true when the customer mostly takes short products
 */
record CustomerPlan(
        Archetype archetype,
        LocalDate onboardedOn,
        LocalDate firstLoanFrom,
        LocalDate lastLoanBy,
        int minGapDays,
        int maxGapDays,
        LocalDate matureBy,
        LocalDate turn,
        LocalDate activityEnd,
        LocalDate enrolledOn,
        LocalDate anchorStart,
        int anchorMinMonths,
        boolean prefersShortLoans) {

    /** The same plan with activity ending on {@code date}. */
    CustomerPlan withActivityEnd(LocalDate date) {
        return new CustomerPlan(
                archetype,
                onboardedOn,
                firstLoanFrom,
                lastLoanBy,
                minGapDays,
                maxGapDays,
                matureBy,
                turn,
                date,
                enrolledOn,
                anchorStart,
                anchorMinMonths,
                prefersShortLoans);
    }
}
