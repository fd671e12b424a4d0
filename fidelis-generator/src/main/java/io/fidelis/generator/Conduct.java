package io.fidelis.generator;

import io.fidelis.core.domain.Coded;
import io.fidelis.core.domain.ComplaintCategory;
import io.fidelis.core.domain.InteractionType;
import io.fidelis.core.domain.Severity;

/**
 * How a customer behaves during a stretch of time: how it pays, how satisfied it is, how often it complains and
 * interacts. Rates are per year; probabilities are per installment or per survey.
 *
 * @param payments how installments get paid
 * @param mood survey answers
 * @param grievances complaints
 * @param ratesPerYear expected interactions per year, indexed by {@link InteractionType#ordinal()}; applications and
 *     drawdowns come from loans and the programme enrolment happens once, so those three are ignored here
 */
record Conduct(Payments payments, Mood mood, Grievances grievances, double[] ratesPerYear) {

    /**
     * Chances of the outcomes of one installment; the rest up to 1 is "missed" (nothing paid on it).
     *
     * @param onTime paid in full on or a few days before the due date
     * @param late paid in full after the due date, by a number of days with mean {@code lateMeanDays}
     * @param partial part paid (30-90%) shortly after the due date; the shortfall stays in arrears
     * @param lateMeanDays mean days late of a late payment
     * @param maxLateDays most days late
     */
    record Payments(double onTime, double late, double partial, double lateMeanDays, int maxLateDays) {}

    /**
     * @param satisfaction mean satisfaction, 1..5
     * @param nps mean likelihood to recommend, 0..10
     * @param surveyResponse chance of answering a survey
     */
    record Mood(double satisfaction, double nps, double surveyResponse) {}

    /**
     * @param perYear expected complaints per year
     * @param categoryWeights weights by {@link ComplaintCategory#ordinal()}
     * @param severityWeights weights by {@link Severity#ordinal()}
     */
    record Grievances(double perYear, double[] categoryWeights, double[] severityWeights) {}

    /**
     * Interaction rates per year from a list like {@code "inquiry=1.0, meeting=3"} (contract codes); unnamed types have
     * rate 0.
     */
    static double[] rates(String spec) {
        double[] rates = new double[InteractionType.values().length];
        for (String entry : spec.split(",")) {
            String[] typeAndRate = entry.split("=");
            InteractionType type = Coded.parse(InteractionType.class, typeAndRate[0]);
            rates[type.ordinal()] = Double.parseDouble(typeAndRate[1].strip());
        }
        return rates;
    }

    /** Complaint category weights in the order pricing, service, process, product, staff, other. */
    static double[] categories(double... weights) {
        if (weights.length != ComplaintCategory.values().length) {
            throw new IllegalArgumentException("one weight per complaint category");
        }
        return weights;
    }

    /** Severity weights in the order low, medium, high. */
    static double[] severities(double low, double medium, double high) {
        return new double[] {low, medium, high};
    }

    /** The mix {@code (1 - weight) * from + weight * to}: a customer part of the way from one conduct to another. */
    static Conduct blend(Conduct from, Conduct to, double weight) {
        if (weight <= 0) {
            return from;
        }
        if (weight >= 1) {
            return to;
        }
        Payments a = from.payments;
        Payments b = to.payments;
        Payments payments = new Payments(
                mix(a.onTime, b.onTime, weight),
                mix(a.late, b.late, weight),
                mix(a.partial, b.partial, weight),
                mix(a.lateMeanDays, b.lateMeanDays, weight),
                (int) Math.round(mix(a.maxLateDays, b.maxLateDays, weight)));
        Mood mood = new Mood(
                mix(from.mood.satisfaction, to.mood.satisfaction, weight),
                mix(from.mood.nps, to.mood.nps, weight),
                mix(from.mood.surveyResponse, to.mood.surveyResponse, weight));
        Grievances grievances = new Grievances(
                mix(from.grievances.perYear, to.grievances.perYear, weight),
                mix(from.grievances.categoryWeights, to.grievances.categoryWeights, weight),
                mix(from.grievances.severityWeights, to.grievances.severityWeights, weight));
        return new Conduct(payments, mood, grievances, mix(from.ratesPerYear, to.ratesPerYear, weight));
    }

    private static double mix(double a, double b, double weight) {
        return a + (b - a) * weight;
    }

    private static double[] mix(double[] a, double[] b, double weight) {
        double[] mixed = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            mixed[i] = mix(a[i], b[i], weight);
        }
        return mixed;
    }
}
