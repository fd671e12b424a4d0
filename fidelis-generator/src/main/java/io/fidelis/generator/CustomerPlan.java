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
 * @param activityEnd no activity by the customer after this date (the end date unless it goes silent or leaves)
 * @param enrolledOn enrolment in the loyalty programme, or null
 * @param anchorStart start of a loan that must exist for the story to hold (a current loan, a loan to refinance or to
 *     default on), or null
 * @param anchorMinMonths shortest tenor of the anchor loan in months (0: any)
 * @param prefersShortLoans true when the customer mostly takes short products
 * @param exit how the relationship ends within the period, or null when it does not
 * @param retained true when a strategy prevented the exit: the customer stays and carries on after the exit date
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
        boolean prefersShortLoans,
        Exit exit,
        boolean retained) {

    /** Days before leaving in which no new loan starts. */
    static final int QUIET_BEFORE_LEAVING_DAYS = 60;

    /** Days before no longer paying in which no new loan starts. */
    static final int QUIET_BEFORE_STOPPING_DAYS = 90;

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
                prefersShortLoans,
                exit,
                retained);
    }

    /** The same plan with an exit, activity ending on the day it leaves. */
    CustomerPlan withExit(Exit newExit) {
        return new CustomerPlan(
                archetype,
                onboardedOn,
                firstLoanFrom,
                lastLoanBy,
                minGapDays,
                maxGapDays,
                matureBy,
                turn,
                newExit.leaves() ? newExit.on() : activityEnd,
                enrolledOn,
                anchorStart,
                anchorMinMonths,
                prefersShortLoans,
                newExit,
                retained);
    }

    /** The same plan with its exit prevented by a strategy. */
    CustomerPlan retain() {
        if (exit == null) {
            throw new IllegalStateException("a plan without an exit cannot be retained");
        }
        return new CustomerPlan(
                archetype,
                onboardedOn,
                firstLoanFrom,
                lastLoanBy,
                minGapDays,
                maxGapDays,
                matureBy,
                turn,
                activityEnd,
                enrolledOn,
                anchorStart,
                anchorMinMonths,
                prefersShortLoans,
                exit,
                true);
    }

    /** The exit, unless a strategy prevented it. */
    Exit exitTaken() {
        return retained ? null : exit;
    }

    /** True when no loan may start on {@code date}: the customer is about to leave or to stop paying. */
    boolean quietOn(LocalDate date) {
        if (exit == null) {
            return false;
        }
        int days = exit.leaves() ? QUIET_BEFORE_LEAVING_DAYS : QUIET_BEFORE_STOPPING_DAYS;
        return date.isAfter(exit.on().minusDays(days)) && !date.isAfter(exit.on());
    }
}
