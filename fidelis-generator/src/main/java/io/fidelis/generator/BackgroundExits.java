package io.fidelis.generator;

import java.time.LocalDate;

/**
 * The background hazards: besides the churned and defaulted archetypes, whose exits are timed for the picture at the
 * end date, customers of the active archetypes may leave for a competitor or stop paying at any time in the period,
 * as real customers do. These exits make the period after any strategy start date carry churn in every tier and
 * defaults among high-loyalty customers, so that a strategy's effect on them can be measured (see {@link
 * io.fidelis.generator.Experiment}).
 *
 * <table>
 *   <caption>Exits per year, constant over the period, from the later of the period start and one year after
 *   onboarding</caption>
 *   <tr><th>archetype</th><th>leaves for a competitor</th><th>stops paying</th></tr>
 *   <tr><td>loyal_core</td><td>1%</td><td>4%</td></tr>
 *   <tr><td>steady</td><td>3%</td><td>0</td></tr>
 *   <tr><td>price_shopper</td><td>6%</td><td>0</td></tr>
 *   <tr><td>occasional</td><td>4%</td><td>0</td></tr>
 * </table>
 *
 * <p>A customer that leaves behaves as before up to that day (apart from the last competitor quotes), starts no loan in
 * the 60 days before, moves every running loan to the competitor on the day and mostly closes the relationship within
 * 45 days; one that stops paying starts no loan in the 90 days before, pays nothing from that day on, and is declared
 * in default 91 to 150 days after its first missed installment. Its class at the end date is then low/churned.
 */
final class BackgroundExits {

    private static final double DAYS_PER_YEAR = 365.25;

    private BackgroundExits() {}

    /** Leaving rate per year of the archetype. */
    static double leavingPerYear(Archetype archetype) {
        return switch (archetype) {
            case LOYAL_CORE -> 0.01;
            case STEADY -> 0.03;
            case PRICE_SHOPPER -> 0.06;
            case OCCASIONAL -> 0.04;
            default -> 0;
        };
    }

    /** Stopping-to-pay rate per year of the archetype. */
    static double stoppingPerYear(Archetype archetype) {
        return archetype == Archetype.LOYAL_CORE ? 0.04 : 0;
    }

    /**
     * The background exit of a customer, or null when none falls in the period. Draws two numbers for the archetypes
     * with hazards and none for the others.
     */
    static Exit draw(Archetype archetype, LocalDate onboarded, LocalDate windowStart, LocalDate end, Draw draw) {
        double leaving = leavingPerYear(archetype);
        double stopping = stoppingPerYear(archetype);
        if (leaving == 0 && stopping == 0) {
            return null;
        }
        LocalDate exposedFrom = Planner.later(windowStart, onboarded.plusYears(1));
        LocalDate leaves = after(exposedFrom, leaving, draw.unit());
        LocalDate stops = after(exposedFrom, stopping, draw.unit());
        Exit exit = null;
        if (leaves != null && (stops == null || !stops.isBefore(leaves))) {
            exit = new Exit(Exit.Kind.LEAVES, leaves);
        } else if (stops != null) {
            exit = new Exit(Exit.Kind.STOPS_PAYING, stops);
        }
        return exit != null && exit.on().isAfter(exposedFrom) && !exit.on().isAfter(end) ? exit : null;
    }

    /** An exponential waiting time with the given rate from {@code from}, or null for rate 0. */
    private static LocalDate after(LocalDate from, double perYear, double uniform) {
        if (perYear <= 0) {
            return null;
        }
        double years = -Math.log(1.0 - uniform) / perYear;
        // Beyond a century the date does not matter: it is after any end date.
        return from.plusDays((long) Math.ceil(Math.min(years, 100) * DAYS_PER_YEAR));
    }
}
