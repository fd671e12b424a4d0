package io.fidelis.core.evaluation;

import io.fidelis.core.domain.CloseReason;
import io.fidelis.core.domain.Customer;
import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.domain.Installment;
import io.fidelis.core.domain.Interaction;
import io.fidelis.core.domain.Loan;
import io.fidelis.core.domain.LoanStatus;
import io.fidelis.core.domain.Survey;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * The outcomes a strategy is evaluated on, measured from one customer's records in one {@link Period}. The default
 * and churn definitions are word for word those the synthetic book generator records with a simulated experiment
 * ({@code generation.json}, {@code experiment.definitions}), so that an estimate from a generated book targets the
 * effect the generator realised. Records are read as stored: a record dated in the period counts, whatever was
 * recorded about it later.
 */
public final class Outcomes {

    /** Days after its due date at which an installment with nothing paid is a default. */
    public static final int DAYS_PAST_DUE = 90;

    /** What "defaulted in the period" means. */
    public static final String DEFAULT_DEFINITION = "defaulted in the period if an installment of one of its loans had"
            + " nothing paid 90 days after its due date on a day in the period (due_date + 90 days in the period, and"
            + " paid_date empty or later than due_date + 90 days), or a loan has status defaulted or written_off with"
            + " status_date in the period";

    /** What "churned in the period" means. */
    public static final String CHURN_DEFINITION = "churned in the period if (a) customers.closed_on is in the period"
            + " with close_reason moved_to_competitor or closed_by_customer, or (b) some loan has status"
            + " refinanced_elsewhere with status_date t in the period and every loan of the customer that is not"
            + " cancelled started on or before t and has status repaid, prepaid, refinanced_elsewhere, defaulted or"
            + " written_off with status_date on or before t; a closure for default is not churn";

    /** What the satisfaction outcome is. */
    public static final String SATISFACTION_DEFINITION = "every survey answer with a satisfaction value (1..5) and"
            + " surveyed_on in the period, pooled over the group's customers: the mean answer";

    /** What the NPS outcome is. */
    public static final String NPS_DEFINITION = "every survey answer with an nps value (0..10) and surveyed_on in the"
            + " period, scored +100 for 9..10, 0 for 7..8, -100 for 0..6, pooled over the group's customers: the mean"
            + " score is the group's net promoter score";

    /** What "reactivated" means. */
    public static final String REACTIVATION_DEFINITION = "among customers dormant at the start date: any activity in"
            + " the period after it (a loan started, an installment paid, or an interaction recorded)";

    private static final Set<CloseReason> LEAVING =
            EnumSet.of(CloseReason.MOVED_TO_COMPETITOR, CloseReason.CLOSED_BY_CUSTOMER);

    private static final Set<LoanStatus> ENDED = EnumSet.of(
            LoanStatus.REPAID,
            LoanStatus.PREPAID,
            LoanStatus.REFINANCED_ELSEWHERE,
            LoanStatus.DEFAULTED,
            LoanStatus.WRITTEN_OFF);

    private Outcomes() {}

    /**
     * Whether the customer defaulted in the period, as {@link #DEFAULT_DEFINITION} says. A loan without a status date
     * is not dated in any period.
     */
    public static boolean defaulted(CustomerHistory history, Period period) {
        for (Loan loan : history.loans()) {
            if ((loan.status() == LoanStatus.DEFAULTED || loan.status() == LoanStatus.WRITTEN_OFF)
                    && period.contains(loan.statusDate())) {
                return true;
            }
        }
        for (Installment installment : history.installments()) {
            LocalDate ninetyDays = installment.dueDate().plusDays(DAYS_PAST_DUE);
            if (period.contains(ninetyDays)
                    && (installment.paidDate() == null || installment.paidDate().isAfter(ninetyDays))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the customer churned in the period, as {@link #CHURN_DEFINITION} says. A loan without a status date is
     * not known to have ended, so it keeps the relationship running.
     */
    public static boolean churned(CustomerHistory history, Period period) {
        Customer customer = history.customer();
        if (period.contains(customer.closedOn()) && LEAVING.contains(customer.closeReason())) {
            return true;
        }
        for (Loan loan : history.loans()) {
            if (loan.status() == LoanStatus.REFINANCED_ELSEWHERE
                    && period.contains(loan.statusDate())
                    && nothingRunsAfter(history, loan.statusDate())) {
                return true;
            }
        }
        return false;
    }

    private static boolean nothingRunsAfter(CustomerHistory history, LocalDate date) {
        for (Loan loan : history.loans()) {
            if (loan.status() == LoanStatus.CANCELLED) {
                continue;
            }
            if (loan.startDate().isAfter(date)
                    || !ENDED.contains(loan.status())
                    || loan.statusDate() == null
                    || loan.statusDate().isAfter(date)) {
                return false;
            }
        }
        return true;
    }

    /** The satisfaction answers (1..5) given in the period. */
    public static Answers satisfaction(CustomerHistory history, Period period) {
        Answers answers = Answers.NONE;
        for (Survey survey : history.surveys()) {
            if (survey.satisfaction() != null && period.contains(survey.surveyedOn())) {
                answers = answers.plus(survey.satisfaction());
            }
        }
        return answers;
    }

    /** The NPS answers given in the period, each scored as {@link #npsScore} says. */
    public static Answers nps(CustomerHistory history, Period period) {
        Answers answers = Answers.NONE;
        for (Survey survey : history.surveys()) {
            if (survey.nps() != null && period.contains(survey.surveyedOn())) {
                answers = answers.plus(npsScore(survey.nps()));
            }
        }
        return answers;
    }

    /**
     * An answer to "how likely are you to recommend us" (0..10) as the Net Promoter Score counts it: +100 for a
     * promoter (9, 10), 0 for a passive (7, 8), -100 for a detractor (0..6), as {@link Sample#netPromoterScores}.
     */
    public static int npsScore(int answer) {
        if (answer < 0 || answer > 10) {
            throw new IllegalArgumentException("nps answer " + answer + " is not in 0..10");
        }
        return answer >= 9 ? 100 : answer >= 7 ? 0 : -100;
    }

    /** Whether anything the classifier counts as activity happened in the period: a loan start, a payment, an interaction. */
    public static boolean active(CustomerHistory history, Period period) {
        for (Loan loan : history.loans()) {
            if (period.contains(loan.startDate())) {
                return true;
            }
        }
        for (Installment installment : history.installments()) {
            if (period.contains(installment.paidDate())) {
                return true;
            }
        }
        for (Interaction interaction : history.interactions()) {
            if (period.contains(interaction.occurredOn())) {
                return true;
            }
        }
        return false;
    }

    /** Every outcome of the customer in the periods before and after a strategy's start. */
    public static CustomerOutcomes measure(CustomerHistory history, Period before, Period after) {
        return new CustomerOutcomes(
                defaulted(history, before),
                defaulted(history, after),
                churned(history, before),
                churned(history, after),
                satisfaction(history, before),
                satisfaction(history, after),
                nps(history, before),
                nps(history, after),
                active(history, after));
    }
}
