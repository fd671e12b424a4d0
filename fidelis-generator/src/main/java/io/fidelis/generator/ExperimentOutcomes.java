package io.fidelis.generator;

import io.fidelis.core.domain.CloseReason;
import io.fidelis.core.domain.Customer;
import io.fidelis.core.domain.Installment;
import io.fidelis.core.domain.Loan;
import io.fidelis.core.domain.LoanStatus;
import io.fidelis.core.domain.Survey;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * The outcomes an {@link Experiment}'s effects are defined on, measured from a customer's records exactly as written
 * to the book, in the window from the day after the start to the window end (both as of the book's end date). An
 * evaluator measuring them the same way from the files estimates the effects without bias; the texts below go into
 * {@code generation.json}.
 */
final class ExperimentOutcomes {

    static final String POPULATION = "the customers in assignments.csv: onboarded on or before the start date and"
            + " not churned then (had not left for a competitor nor stopped paying), each randomised within its stratum"
            + " (intended tier|stage on the start date); a stratum's tier decides which tier-specific outcome applies";

    static final String WINDOW = "(start, window_end]: from the day after the start date to window_end = the earlier"
            + " of start + 12 months and the end date, both included; everything as written in the book (as of its"
            + " end date)";

    static final String CHURN = "churned in the window if (a) customers.closed_on is in the window with close_reason"
            + " moved_to_competitor or closed_by_customer, or (b) some loan has status refinanced_elsewhere with"
            + " status_date t in the window and every loan of the customer that is not cancelled started on or before"
            + " t and has status repaid, prepaid, refinanced_elsewhere, defaulted or written_off with status_date on or"
            + " before t; a closure for default is not churn. Among all assigned customers; effect: churn rate"
            + " treatment / control = 1 + churn";

    static final String HIGH_DEFAULT = "defaulted in the window if an installment of one of its loans had nothing"
            + " paid 90 days after its due date on a day in the window (due_date + 90 days in the window, and"
            + " paid_date empty or later than due_date + 90 days), or a loan has status defaulted or written_off with"
            + " status_date in the window. Among assigned customers of stratum tier high; effect: default rate"
            + " treatment / control = 1 + high_default";

    static final String MEDIUM_SATISFACTION = "every survey answer with a satisfaction value and surveyed_on in the"
            + " window, from assigned customers of stratum tier medium, pooled per arm; effect: mean answer of"
            + " treatment - mean answer of control = medium_satisfaction";

    private static final Set<CloseReason> LEAVING =
            EnumSet.of(CloseReason.MOVED_TO_COMPETITOR, CloseReason.CLOSED_BY_CUSTOMER);

    private static final Set<LoanStatus> ENDED = EnumSet.of(
            LoanStatus.REPAID,
            LoanStatus.PREPAID,
            LoanStatus.REFINANCED_ELSEWHERE,
            LoanStatus.DEFAULTED,
            LoanStatus.WRITTEN_OFF);

    private static final int DAYS_PAST_DUE = 90;

    private final LocalDate start;
    private final LocalDate windowEnd;

    ExperimentOutcomes(LocalDate start, LocalDate windowEnd) {
        this.start = start;
        this.windowEnd = windowEnd;
    }

    private boolean inWindow(LocalDate date) {
        return date != null && date.isAfter(start) && !date.isAfter(windowEnd);
    }

    /** Churn as defined in {@link #CHURN}. */
    boolean churned(CustomerStory story) {
        Customer customer = story.customer();
        if (inWindow(customer.closedOn()) && LEAVING.contains(customer.closeReason())) {
            return true;
        }
        for (Loan loan : story.loans()) {
            if (loan.status() == LoanStatus.REFINANCED_ELSEWHERE
                    && inWindow(loan.statusDate())
                    && nothingRunsAfter(story, loan.statusDate())) {
                return true;
            }
        }
        return false;
    }

    private static boolean nothingRunsAfter(CustomerStory story, LocalDate date) {
        for (Loan loan : story.loans()) {
            if (loan.status() == LoanStatus.CANCELLED) {
                continue;
            }
            if (loan.startDate().isAfter(date)
                    || !ENDED.contains(loan.status())
                    || loan.statusDate().isAfter(date)) {
                return false;
            }
        }
        return true;
    }

    /** Default as defined in {@link #HIGH_DEFAULT}. */
    boolean defaulted(CustomerStory story) {
        for (Loan loan : story.loans()) {
            if ((loan.status() == LoanStatus.DEFAULTED || loan.status() == LoanStatus.WRITTEN_OFF)
                    && inWindow(loan.statusDate())) {
                return true;
            }
        }
        for (Installment installment : story.installments()) {
            LocalDate ninetyDays = installment.dueDate().plusDays(DAYS_PAST_DUE);
            if (inWindow(ninetyDays)
                    && (installment.paidDate() == null || installment.paidDate().isAfter(ninetyDays))) {
                return true;
            }
        }
        return false;
    }

    /** Adds the satisfaction answers dated in the window to {@code mean}. */
    void satisfaction(CustomerStory story, Mean mean) {
        for (Survey survey : story.surveys()) {
            if (survey.satisfaction() != null && inWindow(survey.surveyedOn())) {
                mean.add(survey.satisfaction());
            }
        }
    }

    /** A running sum and count of answers. */
    static final class Mean {
        long count;
        long sum;

        void add(int value) {
            count++;
            sum += value;
        }

        double value() {
            return count == 0 ? Double.NaN : (double) sum / count;
        }
    }
}
