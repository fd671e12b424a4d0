package io.fidelis.generator;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Decides the {@link CustomerPlan} of a customer from its archetype: tenure, loan rhythm and turning points. */
final class Planner {

    private static final int YEAR = 365;

    /** Loans that started up to this many years before the period can still run into it. */
    private static final int LEGACY_YEARS = 3;

    private final LocalDate end;
    private final LocalDate windowStart;

    Planner(GeneratorSettings settings) {
        this.end = settings.end();
        this.windowStart = settings.windowStart();
    }

    CustomerPlan plan(Archetype archetype, Draw draw) {
        CustomerPlan plan = archetypal(archetype, draw);
        Exit background = BackgroundExits.draw(archetype, plan.onboardedOn(), windowStart, end, draw);
        return background == null ? plan : plan.withExit(background);
    }

    private CustomerPlan archetypal(Archetype archetype, Draw draw) {
        return switch (archetype) {
            case LOYAL_CORE -> regular(archetype, draw, daysBefore(draw, 5 * YEAR, 15 * YEAR), 120, 300, 0.85, false);
            case STEADY -> regular(archetype, draw, daysBefore(draw, 2 * YEAR, 10 * YEAR), 180, 420, 0.20, false);
            case PRICE_SHOPPER ->
                regular(archetype, draw, daysBefore(draw, YEAR + YEAR / 2, 8 * YEAR), 120, 270, 0.10, true);
            case OCCASIONAL -> occasional(draw);
            case DETERIORATING -> deteriorating(draw);
            case NEW -> newcomer(draw);
            case DORMANT -> dormant(draw);
            case CHURNED_TO_COMPETITOR -> churned(draw);
            case DEFAULTED -> defaulted(draw);
        };
    }

    private CustomerPlan regular(
            Archetype archetype,
            Draw draw,
            LocalDate onboarded,
            int minGap,
            int maxGap,
            double enrolment,
            boolean shortLoans) {
        return new CustomerPlan(
                archetype,
                onboarded,
                firstLoan(draw, onboarded),
                end,
                minGap,
                maxGap,
                null,
                null,
                end,
                enrolment(draw, onboarded, end, enrolment),
                null,
                0,
                shortLoans,
                null,
                false);
    }

    private CustomerPlan occasional(Draw draw) {
        LocalDate onboarded = daysBefore(draw, 2 * YEAR, 10 * YEAR);
        LocalDate anchor = daysBefore(draw, 20, 180);
        return new CustomerPlan(
                Archetype.OCCASIONAL,
                onboarded,
                firstLoan(draw, onboarded),
                anchor.minusDays(270),
                300,
                600,
                null,
                null,
                end,
                null,
                anchor,
                0,
                true,
                null,
                false);
    }

    private CustomerPlan deteriorating(Draw draw) {
        // Within the last three years (or the whole period if shorter): early enough to show a before and an after.
        long span = Math.min(ChronoUnit.DAYS.between(windowStart, end), 3 * YEAR);
        LocalDate turn = end.minusDays(draw.between(span * 4 / 10, span * 7 / 10));
        LocalDate onboarded = earlier(daysBefore(draw, 3 * YEAR, 10 * YEAR), turn.minusDays(YEAR));
        LocalDate anchor = later(turn.minusDays(draw.between(60, 360)), onboarded.plusDays(30));
        return new CustomerPlan(
                Archetype.DETERIORATING,
                onboarded,
                firstLoan(draw, onboarded),
                turn,
                180,
                420,
                null,
                turn,
                end,
                enrolment(draw, onboarded, turn, 0.15),
                anchor,
                monthsBetween(anchor, end) + 12,
                false,
                null,
                false);
    }

    private CustomerPlan newcomer(Draw draw) {
        LocalDate onboarded = daysBefore(draw, 14, 180);
        LocalDate firstLoan = onboarded.plusDays(draw.between(10, 50));
        boolean second = draw.chance(0.3);
        return new CustomerPlan(
                Archetype.NEW,
                onboarded,
                firstLoan,
                second ? firstLoan.plusDays(90) : firstLoan,
                20,
                90,
                null,
                null,
                end,
                null,
                null,
                0,
                false,
                null,
                false);
    }

    private CustomerPlan dormant(Draw draw) {
        LocalDate onboarded = daysBefore(draw, 3 * YEAR, 12 * YEAR);
        // Silent 13 to 22 months: past the default policy's 12-month dormancy window, short of its 24 months of
        // "matured and not renewed" churn, so the intended dormant stage is one the policy can see.
        LocalDate silentFrom = daysBefore(draw, 396, 680);
        return new CustomerPlan(
                Archetype.DORMANT,
                onboarded,
                firstLoan(draw, onboarded),
                silentFrom.minusDays(120),
                240,
                480,
                silentFrom.minusDays(45),
                null,
                silentFrom,
                enrolment(draw, onboarded, silentFrom, 0.05),
                null,
                0,
                false,
                null,
                false);
    }

    private CustomerPlan churned(Draw draw) {
        LocalDate onboarded = daysBefore(draw, 2 * YEAR, 10 * YEAR);
        LocalDate leaves = daysBefore(draw, 152, 548);
        LocalDate anchor = later(leaves.minusDays(draw.between(90, 540)), onboarded.plusDays(30));
        return new CustomerPlan(
                Archetype.CHURNED_TO_COMPETITOR,
                onboarded,
                firstLoan(draw, onboarded),
                // Loans planned after it leaves only start if a strategy keeps it (see CustomerPlan.quietOn).
                end,
                180,
                420,
                null,
                leaves,
                leaves,
                enrolment(draw, onboarded, leaves, 0.10),
                anchor,
                monthsBetween(anchor, leaves) + 12,
                false,
                new Exit(Exit.Kind.LEAVES, leaves),
                false);
    }

    private CustomerPlan defaulted(Draw draw) {
        LocalDate onboarded = daysBefore(draw, 3 * YEAR, 9 * YEAR);
        LocalDate stopsPaying = daysBefore(draw, 426, 913);
        LocalDate anchor = later(stopsPaying.minusDays(draw.between(90, 540)), onboarded.plusDays(30));
        return new CustomerPlan(
                Archetype.DEFAULTED,
                onboarded,
                firstLoan(draw, onboarded),
                stopsPaying.minusDays(90),
                180,
                420,
                null,
                stopsPaying,
                end, // until the default date is known
                null,
                anchor,
                monthsBetween(anchor, stopsPaying) + 12,
                false,
                new Exit(Exit.Kind.STOPS_PAYING, stopsPaying),
                false);
    }

    private LocalDate daysBefore(Draw draw, long minDays, long maxDays) {
        return end.minusDays(draw.between(minDays, maxDays));
    }

    private LocalDate firstLoan(Draw draw, LocalDate onboarded) {
        LocalDate legacy = windowStart.minusYears(LEGACY_YEARS).plusDays(draw.between(0, YEAR));
        return later(onboarded.plusDays(draw.between(0, 60)), legacy);
    }

    /** Enrolment in the loyalty programme with chance {@code share}, from half a year after onboarding to {@code until}. */
    private LocalDate enrolment(Draw draw, LocalDate onboarded, LocalDate until, double share) {
        if (!draw.chance(share)) {
            return null;
        }
        LocalDate from = later(onboarded.plusDays(180), windowStart.minusYears(LEGACY_YEARS));
        LocalDate to = until.minusDays(30);
        if (to.isBefore(from)) {
            return null;
        }
        return from.plusDays(draw.between(0, ChronoUnit.DAYS.between(from, to)));
    }

    static int monthsBetween(LocalDate from, LocalDate to) {
        return (int) Math.max(0, ChronoUnit.MONTHS.between(from, to) + 1);
    }

    static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
