package io.fidelis.generator;

import io.fidelis.core.domain.InteractionType;
import io.fidelis.core.domain.LoanStatus;
import io.fidelis.core.domain.Product;
import io.fidelis.generator.Conduct.Payments;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Simulates the loans of one customer over its whole story: when loans start, how each installment is paid, and what
 * ends each loan (maturity, prepayment, refinancing elsewhere, restructuring, default). The interactions the loans
 * cause (applications, drawdowns, the quotes and negotiations before a refinancing) are collected as {@link Touch}es.
 */
final class LoanBook {

    private final CustomerPlan plan;
    private final Firm firm;
    private final Draw draw;
    private final LocalDate end;

    final List<LoanPath> loans = new ArrayList<>();
    final List<Touch> touches = new ArrayList<>();

    /** The day the customer's loans were declared defaulted, or null. */
    LocalDate defaultedOn;

    LoanBook(CustomerPlan plan, Firm firm, Draw draw, LocalDate end) {
        this.plan = plan;
        this.firm = firm;
        this.draw = draw;
        this.end = end;
    }

    LoanBook simulate() {
        openLoans();
        loans.sort(Comparator.comparing((LoanPath loan) -> loan.start));
        for (LoanPath loan : loans) {
            live(loan);
        }
        if (plan.archetype() == Archetype.CHURNED_TO_COMPETITOR) {
            moveToCompetitor(plan.turn());
        }
        if (plan.archetype() == Archetype.DEFAULTED) {
            defaultAll(plan.turn());
        }
        for (LoanPath loan : loans) {
            drawDown(loan);
            loan.finish();
        }
        return this;
    }

    private void openLoans() {
        for (LocalDate start = plan.firstLoanFrom();
                !start.isAfter(plan.lastLoanBy());
                start = start.plusDays(draw.between(plan.minGapDays(), plan.maxGapDays()))) {
            int maxMonths = plan.matureBy() == null
                    ? Integer.MAX_VALUE
                    : (int) Math.max(0, ChronoUnit.MONTHS.between(start, plan.matureBy()));
            Terms terms = Products.draw(firm, plan.archetype(), plan.prefersShortLoans(), 0, maxMonths, draw);
            if (terms != null) {
                loans.add(new LoanPath(terms, start, false));
            }
        }
        LocalDate anchor = plan.anchorStart();
        if (anchor == null && needsCurrentLoan()) {
            anchor = end.minusDays(draw.between(20, 150));
        }
        if (anchor != null) {
            boolean shortOnes = plan.prefersShortLoans() && plan.anchorMinMonths() == 0;
            Terms terms =
                    Products.draw(firm, plan.archetype(), shortOnes, plan.anchorMinMonths(), Integer.MAX_VALUE, draw);
            if (terms != null) {
                loans.add(new LoanPath(terms, anchor, true));
            }
        }
    }

    /** Active customers of these archetypes always have a loan that started in the last half year. */
    private boolean needsCurrentLoan() {
        Archetype archetype = plan.archetype();
        if (archetype != Archetype.LOYAL_CORE
                && archetype != Archetype.STEADY
                && archetype != Archetype.PRICE_SHOPPER) {
            return false;
        }
        LocalDate recent = end.minusDays(180);
        for (LoanPath loan : loans) {
            if (loan.start.isAfter(recent) && !loan.start.isAfter(end)) {
                return false;
            }
        }
        return true;
    }

    private void live(LoanPath loan) {
        LocalDate applied = Planner.later(loan.start.minusDays(draw.between(10, 60)), plan.onboardedOn());
        touches.add(new Touch(applied, InteractionType.APPLICATION));
        if (plan.archetype() == Archetype.PRICE_SHOPPER && draw.chance(0.6)) {
            touches.add(new Touch(
                    Planner.later(loan.start.minusDays(draw.between(3, 30)), plan.onboardedOn()),
                    InteractionType.RATE_NEGOTIATION));
        }
        if (!loan.anchor && draw.chance(cancelledShare())) {
            loan.cancelled = true;
            return;
        }
        touches.add(new Touch(loan.start, InteractionType.DRAWDOWN));
        pay(loan.slots);
        decideFate(loan);
    }

    private double cancelledShare() {
        return switch (plan.archetype()) {
            case LOYAL_CORE, DETERIORATING, CHURNED_TO_COMPETITOR -> 0.01;
            case STEADY, DORMANT -> 0.02;
            case PRICE_SHOPPER -> 0.04;
            case OCCASIONAL, NEW -> 0.05;
            case DEFAULTED -> 0;
        };
    }

    private void pay(List<LoanPath.Slot> slots) {
        LoanPath.Slot last = slots.isEmpty() ? null : slots.get(slots.size() - 1);
        for (LoanPath.Slot slot : slots) {
            Payments payments = Behaviours.on(plan, slot.due).payments();
            double outcome = draw.unit();
            if (outcome < payments.onTime()) {
                // Some pay a few days early, but never the last installment: a loan is not repaid before it is due.
                boolean early = slot != last && draw.chance(0.2);
                slot.paidOn = early ? slot.due.minusDays(draw.between(1, 5)) : slot.due;
                slot.paidFen = slot.dueFen;
            } else if (outcome < payments.onTime() + payments.late()) {
                long days = 1 + (long) (-payments.lateMeanDays() * Math.log(1.0 - draw.unit()));
                slot.paidOn = slot.due.plusDays(Math.min(days, payments.maxLateDays()));
                slot.paidFen = slot.dueFen;
            } else if (outcome < payments.onTime() + payments.late() + payments.partial()) {
                slot.paidOn = slot.due.plusDays(draw.between(0, 20));
                slot.paidFen = Math.round(slot.dueFen * draw.uniform(0.3, 0.9));
            }
        }
    }

    private void decideFate(LoanPath loan) {
        LocalDate payOff = loan.start.plusDays(
                (long) (ChronoUnit.DAYS.between(loan.start, loan.maturity) * draw.uniform(0.3, 0.8)));
        double fate = draw.unit();
        switch (plan.archetype()) {
            case PRICE_SHOPPER -> {
                if (!loan.anchor && fate < 0.25) {
                    refinanceElsewhere(loan, payOff);
                } else if (!loan.anchor && fate < 0.37) {
                    prepay(loan, payOff);
                }
            }
            case LOYAL_CORE -> prepayIf(loan, payOff, fate < 0.04);
            case STEADY, DORMANT -> prepayIf(loan, payOff, fate < 0.06);
            case OCCASIONAL -> prepayIf(loan, payOff, fate < 0.05);
            case CHURNED_TO_COMPETITOR ->
                prepayIf(
                        loan, payOff, fate < 0.05 && payOff.isBefore(plan.turn().minusDays(30)));
            case DETERIORATING -> {
                if (fate < 0.02 && payOff.isBefore(plan.turn())) {
                    prepay(loan, payOff);
                } else {
                    maybeRestructure(loan);
                }
            }
            case NEW, DEFAULTED -> {}
        }
    }

    private void prepayIf(LoanPath loan, LocalDate payOff, boolean prepays) {
        if (prepays) {
            prepay(loan, payOff);
        }
    }

    private void prepay(LoanPath loan, LocalDate payOff) {
        if (!loan.openOn(payOff)) {
            return;
        }
        if (draw.chance(0.5)) {
            touches.add(new Touch(payOff.minusDays(draw.between(5, 20)), InteractionType.INQUIRY));
        }
        loan.settle(payOff, LoanStatus.PREPAID);
    }

    private void refinanceElsewhere(LoanPath loan, LocalDate payOff) {
        if (!loan.openOn(payOff)) {
            return;
        }
        touches.add(new Touch(payOff.minusDays(draw.between(20, 90)), InteractionType.COMPETITOR_QUOTE));
        touches.add(new Touch(payOff.minusDays(draw.between(5, 40)), InteractionType.RATE_NEGOTIATION));
        loan.settle(payOff, LoanStatus.REFINANCED_ELSEWHERE);
    }

    /** After the turn, a loan in arrears is often restructured: interest only for a while, principal later. */
    private void maybeRestructure(LoanPath loan) {
        LocalDate turn = plan.turn();
        LocalDate on = turn.plusDays(draw.between(120, 360));
        if (!loan.openOn(on) || !loan.maturity.isAfter(on) || !missedSince(loan, turn, on) || !draw.chance(0.6)) {
            return;
        }
        touches.add(new Touch(on.minusDays(draw.between(5, 30)), InteractionType.MEETING));
        List<LoanPath.Slot> rescheduled = loan.restructure(on, loan.maturity.plusMonths(draw.between(12, 24)));
        pay(rescheduled);
    }

    private static boolean missedSince(LoanPath loan, LocalDate from, LocalDate to) {
        for (LoanPath.Slot slot : loan.slots) {
            if (!slot.due.isBefore(from) && !slot.due.isAfter(to)) {
                boolean onTime = slot.fullyPaid() && !slot.paidOn.isAfter(slot.due);
                if (!onTime) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The churned customer takes every open loan to a competitor on the same day, after one last round of quotes. */
    private void moveToCompetitor(LocalDate leaves) {
        touches.add(new Touch(leaves.minusDays(draw.between(15, 60)), InteractionType.COMPETITOR_QUOTE));
        touches.add(new Touch(leaves.minusDays(draw.between(5, 30)), InteractionType.RATE_NEGOTIATION));
        for (LoanPath loan : loans) {
            if (loan.openOn(leaves)) {
                loan.settle(leaves, LoanStatus.REFINANCED_ELSEWHERE);
            }
        }
    }

    /**
     * The defaulting customer stops paying at {@code stopsPaying}; 91 to 150 days after the first installment missed,
     * every open loan is declared defaulted (cross-default), and most are written off within one and a half years.
     */
    private void defaultAll(LocalDate stopsPaying) {
        LocalDate firstMissed = null;
        for (LoanPath loan : loans) {
            if (loan.cancelled || loan.settledOn != null) {
                continue;
            }
            for (LoanPath.Slot slot : loan.slots) {
                if (!slot.due.isBefore(stopsPaying)) {
                    if (firstMissed == null || slot.due.isBefore(firstMissed)) {
                        firstMissed = slot.due;
                    }
                    break;
                }
            }
        }
        LocalDate declared = (firstMissed == null ? stopsPaying : firstMissed).plusDays(draw.between(91, 150));
        for (LoanPath loan : loans) {
            if (loan.openOn(declared)) {
                LocalDate writtenOff = draw.chance(0.6) ? declared.plusDays(draw.between(180, 540)) : null;
                loan.declareDefault(declared, writtenOff);
            }
        }
        defaultedOn = declared;
    }

    /** Revolving facilities are drawn more than once. */
    private void drawDown(LoanPath loan) {
        if (loan.cancelled || loan.terms.product() != Product.REVOLVING) {
            return;
        }
        long days = ChronoUnit.DAYS.between(loan.start, loan.endOfLife()) - 30;
        int more = draw.between(1, 3);
        for (int i = 0; i < more && days > 30; i++) {
            touches.add(new Touch(loan.start.plusDays(draw.between(30, days)), InteractionType.DRAWDOWN));
        }
    }
}
