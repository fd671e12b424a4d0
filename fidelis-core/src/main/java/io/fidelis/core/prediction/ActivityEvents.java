package io.fidelis.core.prediction;

import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.domain.Interaction;
import io.fidelis.core.domain.InteractionType;
import io.fidelis.core.domain.Loan;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The events the BG/NBD model counts for a lender's customer: loan applications, drawdowns and new loans (their start
 * dates). Meetings, complaints, surveys and payments are not purchases and are left out.
 */
public final class ActivityEvents {

    /** The interaction types that count as activity. */
    public static final Set<InteractionType> TYPES = Set.of(InteractionType.APPLICATION, InteractionType.DRAWDOWN);

    private ActivityEvents() {}

    /** The days of the customer's activity events, at any date, in no particular order (a day may repeat). */
    public static List<LocalDate> days(CustomerHistory history) {
        List<LocalDate> days = new ArrayList<>();
        for (Interaction interaction : history.interactions()) {
            if (TYPES.contains(interaction.type())) {
                days.add(interaction.occurredOn());
            }
        }
        for (Loan loan : history.loans()) {
            days.add(loan.startDate());
        }
        return days;
    }

    /** The customer's activity summary as of a date; empty when it had no activity event by then. */
    public static Optional<ActivitySummary> summary(CustomerHistory history, LocalDate asOf) {
        return ActivitySummary.ofEventDays(days(history), asOf);
    }
}
