package io.fidelis.core.evaluation;

import java.util.Objects;

/**
 * One customer's outcomes in the periods before and after a strategy's start, as {@link Outcomes} measures them.
 *
 * @param defaultedBefore defaulted in the period before
 * @param defaultedAfter defaulted in the period after
 * @param churnedBefore churned in the period before
 * @param churnedAfter churned in the period after
 * @param satisfactionBefore satisfaction answers (1..5) in the period before
 * @param satisfactionAfter satisfaction answers in the period after
 * @param npsBefore NPS answers, scored -100/0/+100, in the period before
 * @param npsAfter NPS answers, scored, in the period after
 * @param activeAfter any activity in the period after (counts as reactivation for a customer dormant at the start)
 */
public record CustomerOutcomes(
        boolean defaultedBefore,
        boolean defaultedAfter,
        boolean churnedBefore,
        boolean churnedAfter,
        Answers satisfactionBefore,
        Answers satisfactionAfter,
        Answers npsBefore,
        Answers npsAfter,
        boolean activeAfter) {

    public CustomerOutcomes {
        Objects.requireNonNull(satisfactionBefore, "satisfaction before");
        Objects.requireNonNull(satisfactionAfter, "satisfaction after");
        Objects.requireNonNull(npsBefore, "nps before");
        Objects.requireNonNull(npsAfter, "nps after");
    }
}
