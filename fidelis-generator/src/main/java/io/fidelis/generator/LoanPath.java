package io.fidelis.generator;

import io.fidelis.core.domain.Installment;
import io.fidelis.core.domain.Loan;
import io.fidelis.core.domain.LoanStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole life of one generated loan, simulated without regard to the end date: its installments and payments and
 * the dates of its status changes. {@link #asOf} then cuts it at the end date, so that statuses, installments and
 * payments are exactly what the lender knew on that date.
 */
final class LoanPath {

    /** One installment and what was paid on it; {@code paidOn} is null while nothing is paid. */
    static final class Slot {
        final int number;
        final LocalDate due;
        final long dueFen;
        final long balanceAfterFen;
        LocalDate paidOn;
        long paidFen;

        Slot(int number, LocalDate due, long dueFen, long balanceAfterFen) {
            this.number = number;
            this.due = due;
            this.dueFen = dueFen;
            this.balanceAfterFen = balanceAfterFen;
        }

        boolean fullyPaid() {
            return paidOn != null && paidFen >= dueFen;
        }

        long shortfall() {
            return paidOn == null ? dueFen : Math.max(0, dueFen - paidFen);
        }
    }

    final Terms terms;
    final LocalDate start;
    final boolean anchor;
    /** Root of the loan's own random streams (payments, fate, restructuring, drawdowns). */
    final long seed;

    final List<Slot> slots = new ArrayList<>();
    /** The interactions this loan causes: application, drawdowns, the talks before a prepayment or refinancing. */
    final List<Touch> touches = new ArrayList<>();

    LocalDate maturity;
    boolean cancelled;
    LocalDate restructuredOn;
    LocalDate settledOn;
    LoanStatus settlement;
    LocalDate defaultedOn;
    LocalDate writtenOffOn;
    LocalDate repaidOn;

    LoanPath(Terms terms, LocalDate start, boolean anchor, long seed) {
        this.terms = terms;
        this.start = start;
        this.anchor = anchor;
        this.seed = seed;
        this.maturity = terms.maturity(start);
        appendSchedule(terms.schedule(start));
    }

    void appendSchedule(List<Schedule.Line> lines) {
        int number = slots.size();
        for (Schedule.Line line : lines) {
            slots.add(new Slot(++number, line.due(), line.dueFen(), line.balanceAfterFen()));
        }
    }

    /** True when the loan was drawn before {@code date} and still has an installment not paid by that day. */
    boolean openOn(LocalDate date) {
        if (cancelled || !start.isBefore(date)) {
            return false;
        }
        if (settledOn != null && !settledOn.isAfter(date) || defaultedOn != null && !defaultedOn.isAfter(date)) {
            return false;
        }
        for (Slot slot : slots) {
            if (slot.paidOn == null || slot.paidOn.isAfter(date)) {
                return true;
            }
        }
        return false;
    }

    /** The day the loan's life ends: settlement, default or maturity. */
    LocalDate endOfLife() {
        if (settledOn != null) {
            return settledOn;
        }
        return defaultedOn != null ? defaultedOn : maturity;
    }

    /** Outstanding principal after the last installment due on or before {@code date}. */
    private long balanceOn(LocalDate date) {
        long balance = terms.amountFen();
        for (Slot slot : slots) {
            if (slot.due.isAfter(date)) {
                break;
            }
            balance = slot.balanceAfterFen;
        }
        return balance;
    }

    private LocalDate lastDueOn(LocalDate date) {
        LocalDate last = start;
        for (Slot slot : slots) {
            if (slot.due.isAfter(date)) {
                break;
            }
            last = slot.due;
        }
        return last;
    }

    /**
     * Pays the loan off on {@code date} (prepaid, or refinanced elsewhere): an installment whose payment was still to
     * come is paid with the payoff that day; one settlement installment due and paid that day covers the principal
     * left, the interest accrued since the last due date and the shortfall of installments missed or part paid
     * before. Later installments disappear.
     */
    void settle(LocalDate date, LoanStatus status) {
        long principal = balanceOn(date);
        long interest =
                Schedule.accruedInterest(principal, terms.rateE4(), ChronoUnit.DAYS.between(lastDueOn(date), date));
        slots.removeIf(slot -> slot.due.isAfter(date));
        long arrears = 0;
        for (Slot slot : slots) {
            if (slot.paidOn != null && slot.paidOn.isAfter(date)) {
                // It would have been paid later: not unpaid, but paid with the payoff.
                slot.paidOn = date;
                slot.paidFen = slot.dueFen;
            }
            arrears += slot.shortfall();
        }
        long payoff = principal + interest + arrears;
        if (payoff > 0) {
            Slot settlementSlot = new Slot(slots.size() + 1, date, payoff, 0);
            settlementSlot.paidOn = date;
            settlementSlot.paidFen = payoff;
            slots.add(settlementSlot);
        }
        settledOn = date;
        settlement = status;
    }

    /** Declares the loan defaulted on {@code date}: the schedule stops and nothing is paid after that day. */
    void declareDefault(LocalDate date, LocalDate writtenOff) {
        slots.removeIf(slot -> slot.due.isAfter(date));
        for (Slot slot : slots) {
            if (slot.paidOn != null && slot.paidOn.isAfter(date)) {
                slot.paidOn = null;
                slot.paidFen = 0;
            }
        }
        defaultedOn = date;
        writtenOffOn = writtenOff;
    }

    /**
     * Reschedules the principal left on {@code date}: interest only until {@code newMaturity}, principal at the end.
     * Returns the new installments, to be paid by the caller.
     */
    List<Slot> restructure(LocalDate date, LocalDate newMaturity) {
        long principal = balanceOn(date);
        slots.removeIf(slot -> slot.due.isAfter(date));
        int period = Math.min(terms.monthsPerPeriod(), 3);
        int periods = Math.max(1, (int) (ChronoUnit.MONTHS.between(date, newMaturity) / period));
        int first = slots.size();
        appendSchedule(Schedule.bullet(principal, terms.rateE4(), date, periods, period));
        restructuredOn = date;
        maturity = slots.get(slots.size() - 1).due;
        return slots.subList(first, slots.size());
    }

    /**
     * Closes the books of a loan that ran its course: when its last installment is paid, the arrears left on earlier
     * installments are paid with it, and the loan is repaid on the last payment date.
     */
    void finish() {
        if (cancelled || settledOn != null || defaultedOn != null) {
            return;
        }
        Slot last = slots.get(slots.size() - 1);
        if (last.paidOn == null) {
            return;
        }
        long arrears = 0;
        LocalDate latest = last.paidOn;
        for (Slot slot : slots) {
            if (slot != last) {
                arrears += slot.shortfall();
                if (slot.paidOn != null && slot.paidOn.isAfter(latest)) {
                    latest = slot.paidOn;
                }
            }
        }
        last.paidFen = Math.max(last.paidFen, last.dueFen) + arrears;
        repaidOn = latest;
    }

    /** A status and the date it was set. */
    private record StatusSince(LoanStatus status, LocalDate since) {}

    /** The status the lender recorded as of {@code end}, and since when. */
    private StatusSince statusAsOf(LocalDate end) {
        if (cancelled) {
            return new StatusSince(LoanStatus.CANCELLED, start);
        }
        LoanStatus status = LoanStatus.ACTIVE;
        LocalDate since = start;
        if (restructuredOn != null && !restructuredOn.isAfter(end)) {
            status = LoanStatus.RESTRUCTURED;
            since = restructuredOn;
        }
        if (settledOn != null && !settledOn.isAfter(end)) {
            status = settlement;
            since = settledOn;
        }
        if (defaultedOn != null && !defaultedOn.isAfter(end)) {
            status = LoanStatus.DEFAULTED;
            since = defaultedOn;
        }
        if (writtenOffOn != null && !writtenOffOn.isAfter(end)) {
            status = LoanStatus.WRITTEN_OFF;
            since = writtenOffOn;
        }
        if (repaidOn != null && !repaidOn.isAfter(end)) {
            status = LoanStatus.REPAID;
            since = repaidOn;
        }
        return new StatusSince(status, since);
    }

    /**
     * True when the loan belongs in a book of the period from {@code windowStart} to {@code end}: it started by the end
     * date and was still running or changed status during the period.
     */
    boolean inBook(LocalDate end, LocalDate windowStart) {
        if (start.isAfter(end)) {
            return false;
        }
        StatusSince statusSince = statusAsOf(end);
        boolean running = statusSince.status() == LoanStatus.ACTIVE || statusSince.status() == LoanStatus.RESTRUCTURED;
        return running || !statusSince.since().isBefore(windowStart);
    }

    /** The loan as the lender knew it on {@code end}. */
    Loan asOf(LocalDate end, String loanId, String customerId) {
        StatusSince statusSince = statusAsOf(end);
        LoanStatus status = statusSince.status();
        LocalDate since = statusSince.since();
        LocalDate contractualMaturity =
                restructuredOn != null && !restructuredOn.isAfter(end) ? maturity : terms.maturity(start);
        return new Loan(
                loanId,
                customerId,
                terms.product(),
                BigDecimal.valueOf(terms.amountFen(), 2),
                Loan.DEFAULT_CURRENCY,
                BigDecimal.valueOf(terms.rateE4(), 4),
                start,
                contractualMaturity,
                status,
                since);
    }

    /**
     * The installments due in the period, with the payments known on {@code end}. Installments due after the end date
     * are not written: the book stops at the end date.
     */
    void installmentsAsOf(LocalDate end, LocalDate windowStart, String loanId, List<Installment> out) {
        if (cancelled) {
            return;
        }
        for (Slot slot : slots) {
            if (slot.due.isAfter(end)) {
                break;
            }
            if (slot.due.isBefore(windowStart)) {
                continue;
            }
            boolean paidByEnd = slot.paidOn != null && !slot.paidOn.isAfter(end);
            out.add(new Installment(
                    loanId,
                    slot.number,
                    slot.due,
                    BigDecimal.valueOf(slot.dueFen, 2),
                    paidByEnd ? slot.paidOn : null,
                    paidByEnd ? BigDecimal.valueOf(slot.paidFen, 2) : null));
        }
    }
}
