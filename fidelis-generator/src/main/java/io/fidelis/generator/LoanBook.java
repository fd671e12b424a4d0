package io.fidelis.generator;

import io.fidelis.core.domain.InteractionType;
import io.fidelis.core.domain.LoanStatus;
import io.fidelis.core.domain.Product;
import io.fidelis.generator.Conduct.Payments;
import io.fidelis.generator.Seeds.Purpose;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Simulates the loans of one customer over its whole story: when loans start, how each installment is paid, and what
 * ends each loan (maturity, prepayment, refinancing elsewhere, restructuring, default). The interactions the loans
 * cause (applications, drawdowns, the quotes and negotiations before a refinancing) are collected as {@link Touch}es.
 *
 * <p>The rhythm and terms of the loans come from one stream; everything that happens to a loan comes from the loan's
 * own streams, each installment's payment from a stream of its own. So when a strategy prevents the customer's exit,
 * the loans and payments before the exit date stay exactly as they were, and the loans planned after it simply start.
 */
final class LoanBook {

    /** Restructured installments draw from other streams than the original ones they replace. */
    private static final long RESCHEDULED_KEYS = 1_000_000;

    private final CustomerPlan plan;
    private final Firm firm;
    private final Draw draw;
    private final long root;
    private final LocalDate end;

    final List<LoanPath> loans = new ArrayList<>();
    final List<Touch> touches = new ArrayList<>();

    /** The day the customer's loans were declared defaulted, or null. */
    LocalDate defaultedOn;

    /**
     * @param draw the stream of the loans' rhythm and terms
     * @param root root of the customer's keyed streams, for the exit
     */
    LoanBook(CustomerPlan plan, Firm firm, Draw draw, long root, LocalDate end) {
        this.plan = plan;
        this.firm = firm;
        this.draw = draw;
        this.root = root;
        this.end = end;
    }

    LoanBook simulate() {
        openLoans();
        loans.sort(Comparator.comparing((LoanPath loan) -> loan.start));
        List<Shopping> shopping = new ArrayList<>();
        for (LoanPath loan : loans) {
            live(loan, shopping);
        }
        settle(shopping);
        Exit exit = plan.exit();
        Draw exitDraw = Seeds.keyed(root, Purpose.EXIT, 0);
        if (exit != null && exit.leaves()) {
            // The last round of quotes happens either way: a strategy that keeps the customer acts on the day.
            touches.add(new Touch(exit.on().minusDays(exitDraw.between(15, 60)), InteractionType.COMPETITOR_QUOTE));
            touches.add(new Touch(exit.on().minusDays(exitDraw.between(5, 30)), InteractionType.RATE_NEGOTIATION));
        }
        Map<LoanPath, LocalDate> plannedEnd = new IdentityHashMap<>();
        for (LoanPath loan : loans) {
            plannedEnd.put(loan, loan.endOfLife());
        }
        Exit taken = plan.exitTaken();
        if (taken != null) {
            dropLoansAfter(taken.on());
            if (taken.leaves()) {
                moveToCompetitor(taken.on());
            } else {
                defaultAll(taken.on(), exitDraw);
            }
        }
        for (LoanPath loan : loans) {
            drawDown(loan, plannedEnd.get(loan));
            loan.finish();
            touches.addAll(loan.touches);
        }
        return this;
    }

    private void openLoans() {
        for (LocalDate start = plan.firstLoanFrom();
                !start.isAfter(plan.lastLoanBy());
                start = start.plusDays(draw.between(plan.minGapDays(), plan.maxGapDays()))) {
            if (plan.quietOn(start)) {
                continue;
            }
            int maxMonths = plan.matureBy() == null
                    ? Integer.MAX_VALUE
                    : (int) Math.max(0, ChronoUnit.MONTHS.between(start, plan.matureBy()));
            Terms terms = Products.draw(firm, plan.archetype(), plan.prefersShortLoans(), 0, maxMonths, draw);
            if (terms != null) {
                loans.add(new LoanPath(terms, start, false, draw.seed()));
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
                loans.add(new LoanPath(terms, anchor, true, draw.seed()));
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

    private void live(LoanPath loan, List<Shopping> shopping) {
        Draw fate = Seeds.keyed(loan.seed, Purpose.FATE, 0);
        LocalDate applied = Planner.later(loan.start.minusDays(fate.between(10, 60)), plan.onboardedOn());
        loan.touches.add(new Touch(applied, InteractionType.APPLICATION));
        if (plan.archetype() == Archetype.PRICE_SHOPPER && fate.chance(0.6)) {
            loan.touches.add(new Touch(
                    Planner.later(loan.start.minusDays(fate.between(3, 30)), plan.onboardedOn()),
                    InteractionType.RATE_NEGOTIATION));
        }
        if (!loan.anchor && fate.chance(cancelledShare())) {
            loan.cancelled = true;
            return;
        }
        loan.touches.add(new Touch(loan.start, InteractionType.DRAWDOWN));
        pay(loan, loan.slots, 0);
        decideFate(loan, fate, shopping);
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

    private void pay(LoanPath loan, List<LoanPath.Slot> slots, long keyOffset) {
        LoanPath.Slot last = slots.isEmpty() ? null : slots.get(slots.size() - 1);
        for (LoanPath.Slot slot : slots) {
            Draw draw = Seeds.keyed(loan.seed, Purpose.PAYMENT, keyOffset + slot.number);
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

    private void decideFate(LoanPath loan, Draw draw, List<Shopping> shopping) {
        LocalDate payOff = loan.start.plusDays(
                (long) (ChronoUnit.DAYS.between(loan.start, loan.maturity) * draw.uniform(0.3, 0.8)));
        double fate = draw.unit();
        switch (plan.archetype()) {
            case PRICE_SHOPPER -> {
                if (!loan.anchor && fate < 0.25) {
                    shopping.add(new Shopping(loan, payOff, LoanStatus.REFINANCED_ELSEWHERE, draw));
                } else if (!loan.anchor && fate < 0.37) {
                    shopping.add(new Shopping(loan, payOff, LoanStatus.PREPAID, draw));
                }
            }
            case LOYAL_CORE -> prepayIf(loan, payOff, fate < 0.04, draw);
            case STEADY, DORMANT -> prepayIf(loan, payOff, fate < 0.06, draw);
            case OCCASIONAL -> prepayIf(loan, payOff, fate < 0.05, draw);
            case CHURNED_TO_COMPETITOR ->
                prepayIf(
                        loan, payOff, fate < 0.05 && payOff.isBefore(plan.turn().minusDays(30)), draw);
            case DETERIORATING -> {
                if (fate < 0.02 && payOff.isBefore(plan.turn())) {
                    prepay(loan, payOff, draw);
                } else {
                    maybeRestructure(loan);
                }
            }
            case NEW, DEFAULTED -> {}
        }
    }

    /** A price shopper's plan to pay a loan off early, here or at a competitor, applied once all loans are known. */
    private record Shopping(LoanPath loan, LocalDate on, LoanStatus settlement, Draw draw) {}

    /**
     * Price shoppers shop but stay: a loan is refinanced elsewhere only while another loan with the lender runs on or
     * starts later, so that refinancing everything elsewhere remains the mark of a customer that left.
     */
    private void settle(List<Shopping> shopping) {
        shopping.sort(Comparator.comparing(Shopping::on));
        for (Shopping shop : shopping) {
            LoanPath loan = shop.loan();
            if (shop.settlement() == LoanStatus.PREPAID) {
                prepay(loan, shop.on(), shop.draw());
            } else if (keepsBusinessAfter(loan, shop.on()) && loan.openOn(shop.on())) {
                loan.touches.add(
                        new Touch(shop.on().minusDays(shop.draw().between(20, 90)), InteractionType.COMPETITOR_QUOTE));
                loan.touches.add(
                        new Touch(shop.on().minusDays(shop.draw().between(5, 40)), InteractionType.RATE_NEGOTIATION));
                loan.settle(shop.on(), LoanStatus.REFINANCED_ELSEWHERE);
            }
        }
    }

    /** True when a loan other than {@code settled} runs beyond {@code date} or starts after it. */
    private boolean keepsBusinessAfter(LoanPath settled, LocalDate date) {
        for (LoanPath other : loans) {
            if (other != settled && !other.cancelled && other.endOfLife().isAfter(date)) {
                return true;
            }
        }
        return false;
    }

    private void prepayIf(LoanPath loan, LocalDate payOff, boolean prepays, Draw draw) {
        if (prepays) {
            prepay(loan, payOff, draw);
        }
    }

    private void prepay(LoanPath loan, LocalDate payOff, Draw draw) {
        if (!loan.openOn(payOff)) {
            return;
        }
        if (draw.chance(0.5)) {
            loan.touches.add(new Touch(payOff.minusDays(draw.between(5, 20)), InteractionType.INQUIRY));
        }
        loan.settle(payOff, LoanStatus.PREPAID);
    }

    /** After the turn, a loan in arrears is often restructured: interest only for a while, principal later. */
    private void maybeRestructure(LoanPath loan) {
        Draw draw = Seeds.keyed(loan.seed, Purpose.RESTRUCTURE, 0);
        LocalDate turn = plan.turn();
        LocalDate on = turn.plusDays(draw.between(120, 360));
        if (!loan.openOn(on) || !loan.maturity.isAfter(on) || !missedSince(loan, turn, on) || !draw.chance(0.6)) {
            return;
        }
        loan.touches.add(new Touch(on.minusDays(draw.between(5, 30)), InteractionType.MEETING));
        List<LoanPath.Slot> rescheduled = loan.restructure(on, loan.maturity.plusMonths(draw.between(12, 24)));
        pay(loan, rescheduled, RESCHEDULED_KEYS);
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

    /**
     * Loans planned to start after the customer left or stopped paying never start. Their applications before that
     * day stay: the customer asked, then went.
     */
    private void dropLoansAfter(LocalDate exit) {
        loans.removeIf(loan -> {
            if (!loan.start.isAfter(exit)) {
                return false;
            }
            for (Touch touch : loan.touches) {
                if (!touch.on().isAfter(exit)) {
                    touches.add(touch);
                }
            }
            return true;
        });
    }

    /** The churned customer takes every open loan to a competitor on the same day. */
    private void moveToCompetitor(LocalDate leaves) {
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
    private void defaultAll(LocalDate stopsPaying, Draw draw) {
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

    /**
     * Revolving facilities are drawn more than once, over the life the loan was to have before any exit; drawdowns
     * after the loan actually ended do not happen.
     */
    private void drawDown(LoanPath loan, LocalDate plannedEnd) {
        if (loan.cancelled || loan.terms.product() != Product.REVOLVING) {
            return;
        }
        Draw draw = Seeds.keyed(loan.seed, Purpose.DRAWDOWN, 0);
        long days = ChronoUnit.DAYS.between(loan.start, plannedEnd) - 30;
        int more = draw.between(1, 3);
        for (int i = 0; i < more && days > 30; i++) {
            LocalDate on = loan.start.plusDays(draw.between(30, days));
            if (!on.isAfter(loan.endOfLife())) {
                loan.touches.add(new Touch(on, InteractionType.DRAWDOWN));
            }
        }
    }
}
