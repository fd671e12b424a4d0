package io.fidelis.generator;

import io.fidelis.generator.Archetype.Stage;
import io.fidelis.generator.Archetype.Tier;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The loyalty tier and lifecycle stage a customer's story means it to have on a given date: what {@code truth.csv}
 * says at the end date, and the stratum a customer is randomised within at a strategy's start date.
 *
 * <p>The rules, in order: not yet a customer before onboarding; low/churned from the day it leaves or stops paying
 * (unless a strategy kept it); new during its first 180 days; dormant (dormant archetype) from 12 months after it went
 * silent; active otherwise. Tier: high for loyal core; low for defaulted, for deteriorating from its turning point,
 * for churned-to-competitor from the year before it leaves (it grows restless, and stays so if kept); medium for the
 * others.
 *
 * @param tier intended loyalty tier
 * @param stage intended lifecycle stage
 */
record IntendedClass(Tier tier, Stage stage) {

    static final int NEW_DAYS = 180;
    static final int DORMANT_AFTER_SILENT_DAYS = 365;
    static final int RESTLESS_DAYS = 365;

    /** The stratum label, e.g. {@code high|active}. */
    String stratum() {
        return tier.code() + "|" + stage.code();
    }

    /** The intended class on {@code date}, or null when the customer was not yet onboarded. */
    static IntendedClass at(CustomerPlan plan, LocalDate date) {
        if (plan.onboardedOn().isAfter(date)) {
            return null;
        }
        Exit exit = plan.exitTaken();
        if (exit != null && !exit.on().isAfter(date)) {
            return new IntendedClass(Tier.LOW, Stage.CHURNED);
        }
        Stage stage;
        if (ChronoUnit.DAYS.between(plan.onboardedOn(), date) <= NEW_DAYS) {
            stage = Stage.NEW;
        } else if (plan.archetype() == Archetype.DORMANT
                && !date.isBefore(plan.activityEnd().plusDays(DORMANT_AFTER_SILENT_DAYS))) {
            stage = Stage.DORMANT;
        } else {
            stage = Stage.ACTIVE;
        }
        Tier tier = switch (plan.archetype()) {
            case LOYAL_CORE -> Tier.HIGH;
            case DEFAULTED -> Tier.LOW;
            case DETERIORATING -> date.isBefore(plan.turn()) ? Tier.MEDIUM : Tier.LOW;
            case CHURNED_TO_COMPETITOR -> date.isBefore(plan.turn().minusDays(RESTLESS_DAYS)) ? Tier.MEDIUM : Tier.LOW;
            default -> Tier.MEDIUM;
        };
        return new IntendedClass(tier, stage);
    }
}
