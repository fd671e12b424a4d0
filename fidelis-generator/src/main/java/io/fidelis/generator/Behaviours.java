package io.fidelis.generator;

import static io.fidelis.generator.Conduct.categories;
import static io.fidelis.generator.Conduct.rates;
import static io.fidelis.generator.Conduct.severities;

import io.fidelis.generator.Conduct.Grievances;
import io.fidelis.generator.Conduct.Mood;
import io.fidelis.generator.Conduct.Payments;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The conduct of every archetype over time: the one place that says how each archetype pays, feels, complains and
 * interacts, and how that changes at its turning point. A strategy evaluated in an {@link Experiment} does not change
 * the conduct: it prevents exits (the customer keeps the conduct it had) and shifts survey answers after the fact.
 */
final class Behaviours {

    // Complaint category weights: pricing, service, process, product, staff, other.
    static final Conduct LOYAL = new Conduct(
            new Payments(0.99, 0.008, 0.002, 4, 15),
            new Mood(4.6, 9.2, 0.8),
            new Grievances(0.08, categories(10, 40, 30, 10, 5, 5), severities(70, 25, 5)),
            rates("inquiry=1.0, meeting=3.0, event=1.0, referral_made=0.6, "
                    + "programme_benefit_used=3.0, competitor_quote=0.1, rate_negotiation=0.1, "
                    + "positive_review=0.5, negative_review=0.02, other=0.3"));

    static final Conduct STEADY = new Conduct(
            new Payments(0.955, 0.04, 0.005, 8, 40),
            new Mood(3.8, 7.3, 0.65),
            new Grievances(0.25, categories(25, 30, 25, 10, 5, 5), severities(55, 35, 10)),
            rates("inquiry=1.2, meeting=1.5, event=0.3, referral_made=0.08, "
                    + "programme_benefit_used=0.8, competitor_quote=0.2, rate_negotiation=0.2, "
                    + "positive_review=0.1, negative_review=0.05, other=0.3"));

    static final Conduct PRICE_SHOPPER = new Conduct(
            new Payments(0.94, 0.05, 0.01, 10, 45),
            new Mood(3.2, 6.0, 0.5),
            new Grievances(0.6, categories(60, 15, 10, 10, 2, 3), severities(50, 40, 10)),
            rates("inquiry=2.0, meeting=1.0, event=0.1, programme_benefit_used=1.0, "
                    + "competitor_quote=2.0, rate_negotiation=1.2, positive_review=0.02, "
                    + "negative_review=0.15, other=0.2"));

    static final Conduct OCCASIONAL = new Conduct(
            new Payments(0.93, 0.06, 0.01, 12, 60),
            new Mood(3.5, 6.6, 0.4),
            new Grievances(0.15, categories(30, 30, 20, 10, 5, 5), severities(60, 30, 10)),
            rates("inquiry=1.0, meeting=0.5, event=0.1, referral_made=0.02, "
                    + "competitor_quote=0.4, rate_negotiation=0.3, positive_review=0.05, "
                    + "negative_review=0.05, other=0.2"));

    static final Conduct DETERIORATING_BEFORE = new Conduct(
            new Payments(0.95, 0.045, 0.005, 8, 30),
            new Mood(3.9, 7.5, 0.6),
            STEADY.grievances(),
            STEADY.ratesPerYear());

    // The rest up to 1 (8%) is missed: nothing paid on the installment.
    static final Conduct DETERIORATING_AFTER = new Conduct(
            new Payments(0.40, 0.40, 0.12, 40, 150),
            new Mood(2.1, 3.0, 0.6),
            new Grievances(1.6, categories(15, 35, 30, 5, 10, 5), severities(20, 50, 30)),
            rates("inquiry=1.5, meeting=2.5, competitor_quote=0.3, rate_negotiation=0.5, "
                    + "negative_review=0.6, other=0.5"));

    static final Conduct NEW = new Conduct(
            new Payments(0.95, 0.045, 0.005, 7, 30),
            new Mood(3.8, 7.4, 0.6),
            new Grievances(0.1, categories(20, 40, 30, 5, 3, 2), severities(60, 30, 10)),
            rates("inquiry=3.0, meeting=2.0, event=0.5, competitor_quote=0.3, "
                    + "rate_negotiation=0.3, positive_review=0.1, negative_review=0.02, "
                    + "other=0.3"));

    static final Conduct DORMANT = new Conduct(
            new Payments(0.94, 0.055, 0.005, 8, 30),
            new Mood(3.3, 6.2, 0.45),
            new Grievances(0.2, categories(25, 35, 20, 10, 5, 5), severities(55, 35, 10)),
            rates("inquiry=0.8, meeting=0.8, event=0.1, referral_made=0.02, "
                    + "competitor_quote=0.2, rate_negotiation=0.1, positive_review=0.05, "
                    + "negative_review=0.05, other=0.2"));

    static final Conduct CHURNED_BEFORE = new Conduct(
            new Payments(0.93, 0.06, 0.01, 10, 45),
            new Mood(3.5, 6.5, 0.55),
            new Grievances(0.3, categories(35, 30, 20, 10, 3, 2), severities(50, 40, 10)),
            rates("inquiry=1.0, meeting=1.2, event=0.2, referral_made=0.02, "
                    + "programme_benefit_used=0.3, competitor_quote=0.5, rate_negotiation=0.4, "
                    + "positive_review=0.05, negative_review=0.1, other=0.2"));

    static final Conduct CHURNED_RESTLESS = new Conduct(
            new Payments(0.90, 0.08, 0.02, 12, 45),
            new Mood(2.4, 3.8, 0.4),
            new Grievances(0.9, categories(45, 30, 15, 5, 3, 2), severities(40, 40, 20)),
            rates("inquiry=0.6, meeting=1.0, competitor_quote=3.5, rate_negotiation=2.0, "
                    + "negative_review=0.4, other=0.2"));

    static final Conduct DEFAULTED_BEFORE = new Conduct(
            new Payments(0.85, 0.12, 0.03, 20, 90),
            new Mood(3.0, 5.0, 0.5),
            new Grievances(0.4, categories(25, 25, 30, 10, 5, 5), severities(45, 40, 15)),
            rates("inquiry=1.0, meeting=1.2, event=0.1, competitor_quote=0.3, "
                    + "rate_negotiation=0.4, positive_review=0.02, negative_review=0.1, "
                    + "other=0.3"));

    // Stops paying: a quarter of the installments get a part payment, the rest nothing.
    static final Conduct DEFAULTED_TROUBLE = new Conduct(
            new Payments(0, 0, 0.25, 30, 90),
            new Mood(2.0, 2.5, 0.3),
            new Grievances(1.0, categories(10, 20, 40, 5, 20, 5), severities(20, 45, 35)),
            rates("inquiry=0.5, meeting=3.0, negative_review=0.5, other=1.0"));

    // A loyal customer whose business fails (a background exit): pays nothing, collection meetings, mood collapses.
    static final Conduct LOYAL_TROUBLE = new Conduct(
            new Payments(0, 0, 0, 30, 90),
            new Mood(2.5, 4.0, 0.4),
            new Grievances(0.8, categories(10, 20, 40, 5, 20, 5), severities(20, 45, 35)),
            rates("inquiry=0.5, meeting=3.0, negative_review=0.3, other=1.0"));

    /** Days over which a deteriorating customer slides from its old conduct to its new one. */
    private static final long DETERIORATION_DAYS = 180;

    /** A churning customer grows restless over the year before it leaves, most of it in the first months. */
    private static final long RESTLESS_BEFORE_CHURN_DAYS = 365;

    private static final long RESTLESS_RAMP_DAYS = 120;

    private Behaviours() {}

    /** How the customer of {@code plan} behaves on {@code date}. */
    static Conduct on(CustomerPlan plan, LocalDate date) {
        return switch (plan.archetype()) {
            case LOYAL_CORE -> stoppedPaying(plan, date) ? LOYAL_TROUBLE : LOYAL;
            case STEADY -> STEADY;
            case PRICE_SHOPPER -> PRICE_SHOPPER;
            case OCCASIONAL -> OCCASIONAL;
            case NEW -> NEW;
            case DORMANT -> DORMANT;
            case DETERIORATING ->
                Conduct.blend(
                        DETERIORATING_BEFORE, DETERIORATING_AFTER, progress(plan.turn(), date, DETERIORATION_DAYS));
            case CHURNED_TO_COMPETITOR ->
                Conduct.blend(
                        CHURNED_BEFORE,
                        CHURNED_RESTLESS,
                        progress(plan.turn().minusDays(RESTLESS_BEFORE_CHURN_DAYS), date, RESTLESS_RAMP_DAYS));
            case DEFAULTED -> date.isBefore(plan.turn()) ? DEFAULTED_BEFORE : DEFAULTED_TROUBLE;
        };
    }

    /** True from the day a customer stops paying for good (not when a strategy prevented it). */
    private static boolean stoppedPaying(CustomerPlan plan, LocalDate date) {
        Exit exit = plan.exitTaken();
        return exit != null && !exit.leaves() && !date.isBefore(exit.on());
    }

    /** 0 before {@code from}, 1 from {@code from + days} on, linear in between. */
    private static double progress(LocalDate from, LocalDate date, long days) {
        long elapsed = ChronoUnit.DAYS.between(from, date);
        return elapsed <= 0 ? 0 : Math.min(1.0, (double) elapsed / days);
    }
}
