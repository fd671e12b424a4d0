package io.fidelis.core.features;

import static io.fidelis.core.features.FeatureId.*;

import io.fidelis.core.domain.Complaint;
import io.fidelis.core.domain.Customer;
import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.domain.Installment;
import io.fidelis.core.domain.Interaction;
import io.fidelis.core.domain.Loan;
import io.fidelis.core.domain.LoanStatus;
import io.fidelis.core.domain.Severity;
import io.fidelis.core.domain.Survey;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes a customer's {@link Features} as of a date, from records dated on or before it only: adding records
 * dated later never changes the result. One pass over each of the history's lists; dates as epoch days and money as
 * whole cents inside the loop.
 *
 * <p>Choices the contract leaves open, made here:
 *
 * <ul>
 *   <li>A loan's status counts from its status_date; without one, a repaid loan counts as repaid from its maturity
 *       date and any other status from the loan's start (we cannot tell when it changed, so a default or
 *       restructuring without a date is known from the start: the cautious reading). Before its status date a loan
 *       counts as active.
 *   <li>Installments due after a loan ended by repayment, prepayment, refinancing, cancellation or write-off are
 *       ignored (the schedule ended with the loan). Installments with a due amount of 0 are ignored by the repayment
 *       features (nothing was due).
 *   <li>An installment counts as fully paid only when its paid amount is known and covers the due amount to the cent
 *       and its paid date is known by the as-of date. Amounts are rounded half-up to cents.
 *   <li>An installment whose loan is not in the history still counts in the repayment features, not in the
 *       exposure.
 *   <li>Amounts are summed in the loans' currency units without conversion.
 * </ul>
 */
public final class ComputeFeatures {

    private static final int NONE = Integer.MIN_VALUE;
    private static final int LOAN_INDEX_THRESHOLD = 16;

    private final FeatureSettings settings;

    /** Computes features with the given policy settings. */
    public ComputeFeatures(FeatureSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The features of {@code history}'s customer as of {@code asOf}. */
    public Features of(CustomerHistory history, LocalDate asOf) {
        return of(prepare(history), asOf);
    }

    /**
     * The features of the prepared history's customer as of {@code asOf}: equal to {@link #of(CustomerHistory,
     * LocalDate)} of its history, without reading again what does not depend on the date (for computing many dates
     * of one history).
     */
    public Features of(Prepared history, LocalDate asOf) {
        Pass pass = new Pass(asOf, settings);
        pass.loans(history);
        pass.installments(history);
        pass.interactions(history);
        pass.complaints(history);
        pass.surveys(history);
        return pass.finish(history.history.customer());
    }

    /** {@code history} prepared for computing its features at any number of dates. */
    public static Prepared prepare(CustomerHistory history) {
        return new Prepared(history);
    }

    /**
     * A customer's history with what every as-of date reads of it computed once: its records' dates as epoch days
     * and the loan of each installment. Immutable.
     */
    public static final class Prepared {
        private final CustomerHistory history;
        private final int[] loanStart;
        private final int[] loanStatusDay;
        private final int[] installmentLoan;
        private final int[] installmentDue;
        private final int[] installmentPaid;
        // amounts in cents once per history, not once per date: a series computes 39 dates from one preparation
        private final long[] loanCents;
        private final long[] installmentOwedCents;
        private final long[] installmentPaidCents;
        private final int[] interactionDay;
        private final int[] complaintDay;
        private final int[] complaintResolved;
        private final int[] surveyDay;

        private Prepared(CustomerHistory history) {
            this.history = Objects.requireNonNull(history, "history");
            List<Loan> loans = history.loans();
            String[] loanIds = new String[loans.size()];
            loanStart = new int[loans.size()];
            loanStatusDay = new int[loans.size()];
            loanCents = new long[loans.size()];
            for (int i = 0; i < loanIds.length; i++) {
                Loan loan = loans.get(i);
                loanIds[i] = loan.id();
                loanCents[i] = preparedCents(loan.amount());
                loanStart[i] = (int) loan.startDate().toEpochDay();
                loanStatusDay[i] = statusDay(loan);
            }
            List<Installment> installments = history.installments();
            int n = installments.size();
            installmentLoan = new int[n];
            installmentDue = new int[n];
            installmentPaid = new int[n];
            installmentOwedCents = new long[n];
            installmentPaidCents = new long[n];
            LoanLookup lookup = new LoanLookup(loanIds);
            for (int k = 0; k < n; k++) {
                Installment installment = installments.get(k);
                installmentLoan[k] = lookup.indexOf(installment.loanId());
                installmentDue[k] = (int) installment.dueDate().toEpochDay();
                installmentPaid[k] = installment.paidDate() == null
                        ? NONE
                        : (int) installment.paidDate().toEpochDay();
                installmentOwedCents[k] = preparedCents(installment.dueAmount());
                installmentPaidCents[k] =
                        installment.paidAmount() == null ? NO_AMOUNT : preparedCents(installment.paidAmount());
            }
            List<Interaction> interactions = history.interactions();
            interactionDay = new int[interactions.size()];
            for (int k = 0; k < interactionDay.length; k++) {
                interactionDay[k] = (int) interactions.get(k).occurredOn().toEpochDay();
            }
            List<Complaint> complaints = history.complaints();
            complaintDay = new int[complaints.size()];
            complaintResolved = new int[complaints.size()];
            for (int k = 0; k < complaintDay.length; k++) {
                Complaint complaint = complaints.get(k);
                complaintDay[k] = (int) complaint.receivedOn().toEpochDay();
                // a complaint never resolved is resolved after any as-of date
                complaintResolved[k] = complaint.resolvedOn() == null
                        ? Integer.MAX_VALUE
                        : (int) complaint.resolvedOn().toEpochDay();
            }
            List<Survey> surveys = history.surveys();
            surveyDay = new int[surveys.size()];
            for (int k = 0; k < surveyDay.length; k++) {
                surveyDay[k] = (int) surveys.get(k).surveyedOn().toEpochDay();
            }
        }

        /** The history prepared. */
        public CustomerHistory history() {
            return history;
        }
    }

    /** The index of a loan by its id in a history's loans: the first with that id, or -1 when none has it. */
    private static final class LoanLookup {
        private final String[] loanIds;
        private Map<String, Integer> loanIndex;
        private int lastLoanHit;

        LoanLookup(String[] loanIds) {
            this.loanIds = loanIds;
        }

        int indexOf(String loanId) {
            if (lastLoanHit < loanIds.length && loanIds[lastLoanHit].equals(loanId)) {
                return lastLoanHit;
            }
            int found = -1;
            if (loanIds.length > LOAN_INDEX_THRESHOLD) {
                if (loanIndex == null) {
                    loanIndex = new HashMap<>(loanIds.length * 2);
                    for (int i = loanIds.length - 1; i >= 0; i--) {
                        loanIndex.put(loanIds[i], i);
                    }
                }
                found = loanIndex.getOrDefault(loanId, -1);
            } else {
                for (int i = 0; i < loanIds.length; i++) {
                    if (loanIds[i].equals(loanId)) {
                        found = i;
                        break;
                    }
                }
            }
            if (found >= 0) {
                lastLoanHit = found;
            }
            return found;
        }
    }

    /** A prepared amount that was not given. */
    private static final long NO_AMOUNT = Long.MIN_VALUE;

    /** A prepared amount too large for cents in a long: {@link #cents} fails on it when a date reads it, as before. */
    private static final long TOO_LARGE = Long.MIN_VALUE + 1;

    private static long preparedCents(BigDecimal amount) {
        try {
            long cents = cents(amount);
            return cents == NO_AMOUNT || cents == TOO_LARGE ? TOO_LARGE : cents;
        } catch (ArithmeticException e) {
            return TOO_LARGE;
        }
    }

    /** The cents prepared for {@code amount}: throws as {@link #cents} does when they were too large. */
    private static long preparedCents(long prepared, BigDecimal amount) {
        return prepared == TOO_LARGE ? cents(amount) : prepared;
    }

    /** Whole cents, rounded half-up. */
    static long cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact();
    }

    /** The day a loan's status counts from; see the class comment. */
    static int statusDay(Loan loan) {
        if (loan.statusDate() != null) {
            return (int) loan.statusDate().toEpochDay();
        }
        LocalDate assumed = loan.status() == LoanStatus.REPAID ? loan.maturityDate() : loan.startDate();
        return (int) assumed.toEpochDay();
    }

    /** Mutable state of one computation; discarded after {@link #finish}. */
    private static final class Pass {
        private final LocalDate asOf;
        private final int asOfDay;
        private final int windowStart;
        private final int activityWindowStart;
        private final int graceDays;
        private final double[] values = new double[FeatureId.values().length];
        private long present;

        private int firstRecordDay = Integer.MAX_VALUE;
        private int lastActivityDay = NONE;
        private int lastUseDay = NONE;
        private int activityCount;

        private boolean[] ignored;
        private boolean[] held;
        private boolean[] settled;
        private int[] cutoff;

        private int lastEndDay = NONE;
        private LoanStatus lastEndStatus;
        private int lastRefinancedDay = NONE;
        private long committedCents;
        private long outstandingCents;

        private int firstQuoteDay = Integer.MAX_VALUE;

        Pass(LocalDate asOf, FeatureSettings settings) {
            this.asOf = Objects.requireNonNull(asOf, "as-of date");
            this.asOfDay = (int) asOf.toEpochDay();
            this.windowStart = (int) asOf.minusMonths(settings.windowMonths()).toEpochDay();
            this.activityWindowStart =
                    (int) asOf.minusMonths(settings.activityWindowMonths()).toEpochDay();
            this.graceDays = settings.graceDays();
        }

        private void set(FeatureId id, double value) {
            values[id.ordinal()] = value;
            present |= id.bit();
        }

        private boolean inWindow(int day) {
            return day > windowStart && day <= asOfDay;
        }

        void loans(Prepared history) {
            List<Loan> loans = history.history.loans();
            int n = loans.size();
            ignored = new boolean[n];
            held = new boolean[n];
            settled = new boolean[n];
            cutoff = new int[n];
            int started = 0;
            int active = 0;
            int products = 0;
            int defaults = 0;
            int restructurings = 0;
            int writeOffs = 0;
            int prepaid = 0;
            int refinanced = 0;
            for (int i = 0; i < n; i++) {
                Loan loan = loans.get(i);
                cutoff[i] = Integer.MAX_VALUE;
                int start = history.loanStart[i];
                if (start > asOfDay) {
                    ignored[i] = true;
                    continue;
                }
                started++;
                firstRecordDay = Math.min(firstRecordDay, start);
                lastActivityDay = Math.max(lastActivityDay, start);
                lastUseDay = Math.max(lastUseDay, start);
                if (start > activityWindowStart) {
                    activityCount++;
                }
                int statusDay = history.loanStatusDay[i];
                LoanStatus status = statusDay <= asOfDay ? loan.status() : LoanStatus.ACTIVE;
                int productBit = 1 << loan.product().ordinal();
                if (status == LoanStatus.ACTIVE || status == LoanStatus.RESTRUCTURED) {
                    held[i] = true;
                    active++;
                    committedCents += preparedCents(history.loanCents[i], loan.amount());
                    products |= productBit;
                } else {
                    if (statusDay > windowStart) {
                        products |= productBit;
                    }
                    if (statusDay > lastEndDay
                            || (statusDay == lastEndDay && severity(status) > severity(lastEndStatus))) {
                        lastEndDay = statusDay;
                        lastEndStatus = status;
                    }
                    if (status != LoanStatus.DEFAULTED) {
                        cutoff[i] = statusDay;
                        settled[i] = status != LoanStatus.WRITTEN_OFF;
                    }
                    if (status == LoanStatus.REFINANCED_ELSEWHERE) {
                        lastRefinancedDay = Math.max(lastRefinancedDay, statusDay);
                    }
                }
                if (status != LoanStatus.ACTIVE && inWindow(statusDay)) {
                    switch (status) {
                        case DEFAULTED -> defaults++;
                        case RESTRUCTURED -> restructurings++;
                        case WRITTEN_OFF -> writeOffs++;
                        case PREPAID -> prepaid++;
                        case REFINANCED_ELSEWHERE -> refinanced++;
                        default -> {}
                    }
                }
            }
            set(LOANS_STARTED, started);
            set(ACTIVE_LOANS, active);
            set(PRODUCT_BREADTH, Integer.bitCount(products));
            set(COMMITTED_AMOUNT, committedCents / 100.0);
            set(DEFAULTS, defaults);
            set(RESTRUCTURINGS, restructurings);
            set(WRITE_OFFS, writeOffs);
            set(LOANS_PREPAID, prepaid);
            set(LOANS_REFINANCED_ELSEWHERE, refinanced);
            if (active == 0 && lastEndDay != NONE) {
                set(DAYS_SINCE_LAST_LOAN_END, asOfDay - lastEndDay);
            } else {
                lastEndStatus = null;
            }
        }

        /** Ranks how a loan ended, so that ties on the same day resolve the same way whatever the list order. */
        private static int severity(LoanStatus status) {
            if (status == null) {
                return -1;
            }
            return switch (status) {
                case WRITTEN_OFF -> 6;
                case DEFAULTED -> 5;
                case REFINANCED_ELSEWHERE -> 4;
                case PREPAID -> 3;
                case REPAID -> 2;
                case CANCELLED -> 1;
                default -> 0;
            };
        }

        void installments(Prepared history) {
            List<Installment> installments = history.history.installments();
            int dueCount = 0;
            int onTimeCount = 0;
            long dueCents = 0;
            long onTimeCents = 0;
            int maxLate = 0;
            boolean everDue = false;
            int oldestUnpaidDue = Integer.MAX_VALUE;
            for (int k = 0, n = installments.size(); k < n; k++) {
                Installment installment = installments.get(k);
                int loan = history.installmentLoan[k];
                if (loan >= 0 && ignored[loan]) {
                    continue;
                }
                int due = history.installmentDue[k];
                if (loan >= 0 && due > cutoff[loan]) {
                    continue;
                }
                int paidDay = history.installmentPaid[k];
                boolean paidKnown = paidDay != NONE && paidDay <= asOfDay;
                long paidCents = history.installmentPaidCents[k];
                boolean paidAmountKnown = paidCents != NO_AMOUNT;
                long paid = paidKnown && paidAmountKnown ? preparedCents(paidCents, installment.paidAmount()) : 0;
                long owed = preparedCents(history.installmentOwedCents[k], installment.dueAmount());
                if (paidKnown) {
                    lastActivityDay = Math.max(lastActivityDay, paidDay);
                }
                if (loan >= 0 && held[loan] && owed > paid) {
                    outstandingCents += owed - paid;
                }
                if (due > asOfDay || owed == 0) {
                    continue;
                }
                everDue = true;
                boolean fullyPaid = paidKnown && paidAmountKnown && paid >= owed;
                if (!fullyPaid && (loan < 0 || !settled[loan])) {
                    oldestUnpaidDue = Math.min(oldestUnpaidDue, due);
                }
                if (due > windowStart) {
                    dueCount++;
                    dueCents += owed;
                    if (fullyPaid && paidDay <= due + graceDays) {
                        onTimeCount++;
                        onTimeCents += owed;
                    }
                    int late = fullyPaid ? Math.max(0, paidDay - due) : asOfDay - due;
                    maxLate = Math.max(maxLate, late);
                }
            }
            set(OUTSTANDING_AMOUNT, outstandingCents / 100.0);
            set(INSTALLMENTS_DUE, dueCount);
            if (dueCount > 0) {
                set(ON_TIME_RATE_BY_COUNT, (double) onTimeCount / dueCount);
                set(ON_TIME_RATE_BY_AMOUNT, (double) onTimeCents / dueCents);
                set(MAX_DAYS_PAST_DUE, maxLate);
            }
            if (everDue) {
                set(CURRENT_DAYS_PAST_DUE, oldestUnpaidDue == Integer.MAX_VALUE ? 0 : asOfDay - oldestUnpaidDue);
            }
        }

        void interactions(Prepared history) {
            List<Interaction> interactions = history.history.interactions();
            int referrals = 0;
            int positive = 0;
            int negative = 0;
            boolean enrolled = false;
            int benefitUses = 0;
            int quotes = 0;
            int negotiations = 0;
            for (int k = 0, n = interactions.size(); k < n; k++) {
                Interaction interaction = interactions.get(k);
                int day = history.interactionDay[k];
                if (day > asOfDay) {
                    continue;
                }
                firstRecordDay = Math.min(firstRecordDay, day);
                lastActivityDay = Math.max(lastActivityDay, day);
                boolean inWindow = day > windowStart;
                switch (interaction.type()) {
                    case APPLICATION, DRAWDOWN, INQUIRY, MEETING, EVENT, OTHER -> use(day);
                    case PROGRAMME_BENEFIT_USED -> {
                        use(day);
                        benefitUses += inWindow ? 1 : 0;
                    }
                    case PROGRAMME_ENROLLED -> enrolled = true;
                    case REFERRAL_MADE -> referrals += inWindow ? 1 : 0;
                    case POSITIVE_REVIEW -> positive += inWindow ? 1 : 0;
                    case NEGATIVE_REVIEW -> negative += inWindow ? 1 : 0;
                    case RATE_NEGOTIATION -> negotiations += inWindow ? 1 : 0;
                    case COMPETITOR_QUOTE -> {
                        if (inWindow) {
                            quotes++;
                            firstQuoteDay = Math.min(firstQuoteDay, day);
                        }
                    }
                }
            }
            set(REFERRALS, referrals);
            set(POSITIVE_REVIEWS, positive);
            set(NEGATIVE_REVIEWS, negative);
            set(PROGRAMME_ENROLLED, enrolled ? 1 : 0);
            set(PROGRAMME_BENEFIT_USES, benefitUses);
            set(COMPETITOR_QUOTES, quotes);
            set(RATE_NEGOTIATIONS, negotiations);
        }

        private void use(int day) {
            lastUseDay = Math.max(lastUseDay, day);
            if (day > activityWindowStart) {
                activityCount++;
            }
        }

        void complaints(Prepared history) {
            List<Complaint> complaints = history.history.complaints();
            int inWindow = 0;
            int high = 0;
            int open = 0;
            int escalated = 0;
            for (int k = 0, n = complaints.size(); k < n; k++) {
                Complaint complaint = complaints.get(k);
                int day = history.complaintDay[k];
                if (day > asOfDay) {
                    continue;
                }
                if (history.complaintResolved[k] > asOfDay) {
                    open++;
                }
                if (day > windowStart) {
                    inWindow++;
                    high += complaint.severity() == Severity.HIGH ? 1 : 0;
                    escalated += Boolean.TRUE.equals(complaint.escalated()) ? 1 : 0;
                }
            }
            set(COMPLAINTS, inWindow);
            set(HIGH_SEVERITY_COMPLAINTS, high);
            set(OPEN_COMPLAINTS, open);
            set(ESCALATED_COMPLAINTS, escalated);
        }

        void surveys(Prepared history) {
            List<Survey> surveys = history.history.surveys();
            int answers = 0;
            int satisfactionCount = 0;
            long satisfactionSum = 0;
            int latestSatisfactionDay = NONE;
            int latestSatisfaction = 0;
            int npsCount = 0;
            long npsSum = 0;
            int latestNpsDay = NONE;
            int latestNps = 0;
            for (int k = 0, n = surveys.size(); k < n; k++) {
                Survey survey = surveys.get(k);
                int day = history.surveyDay[k];
                if (!inWindow(day)) {
                    continue;
                }
                answers++;
                Integer satisfaction = survey.satisfaction();
                if (satisfaction != null) {
                    satisfactionCount++;
                    satisfactionSum += satisfaction;
                    // on the same day the lower answer wins, so that list order never matters
                    if (day > latestSatisfactionDay
                            || (day == latestSatisfactionDay && satisfaction < latestSatisfaction)) {
                        latestSatisfactionDay = day;
                        latestSatisfaction = satisfaction;
                    }
                }
                Integer nps = survey.nps();
                if (nps != null) {
                    npsCount++;
                    npsSum += nps;
                    if (day > latestNpsDay || (day == latestNpsDay && nps < latestNps)) {
                        latestNpsDay = day;
                        latestNps = nps;
                    }
                }
            }
            set(SURVEYS, answers);
            if (satisfactionCount > 0) {
                set(SATISFACTION_LATEST, latestSatisfaction);
                set(SATISFACTION_MEAN, (double) satisfactionSum / satisfactionCount);
            }
            if (satisfactionCount > 1) {
                double earlierMean = (double) (satisfactionSum - latestSatisfaction) / (satisfactionCount - 1);
                set(SATISFACTION_TREND, latestSatisfaction - earlierMean);
            }
            if (npsCount > 0) {
                set(NPS_LATEST, latestNps);
                set(NPS_MEAN, (double) npsSum / npsCount);
            }
        }

        Features finish(Customer customer) {
            LocalDate start = customer.onboardedOn();
            if (start == null && firstRecordDay != Integer.MAX_VALUE) {
                start = LocalDate.ofEpochDay(firstRecordDay);
            }
            if (start != null) {
                set(TENURE_MONTHS, start.isAfter(asOf) ? 0 : ChronoUnit.MONTHS.between(start, asOf));
            }
            boolean closed = customer.closedOn() != null && !customer.closedOn().isAfter(asOf);
            set(CLOSED, closed ? 1 : 0);
            if (lastActivityDay != NONE) {
                set(DAYS_SINCE_LAST_ACTIVITY, asOfDay - lastActivityDay);
            }
            set(ACTIVITY_COUNT, activityCount);
            double quotes = values[COMPETITOR_QUOTES.ordinal()];
            set(
                    PRICE_SENSITIVITY_SIGNALS,
                    quotes
                            + values[RATE_NEGOTIATIONS.ordinal()]
                            + values[LOANS_PREPAID.ordinal()]
                            + values[LOANS_REFINANCED_ELSEWHERE.ordinal()]);
            if (quotes > 0) {
                boolean stayed = !closed && lastRefinancedDay < firstQuoteDay && lastUseDay > firstQuoteDay;
                set(STAYED_DESPITE_COMPETITOR_OFFER, stayed ? 1 : 0);
            }
            return new Features(
                    asOf,
                    values,
                    present,
                    start,
                    lastActivityDay == NONE ? null : LocalDate.ofEpochDay(lastActivityDay),
                    closed ? customer.closedOn() : null,
                    closed ? customer.closeReason() : null,
                    lastEndStatus,
                    committedCents,
                    outstandingCents);
        }
    }
}
