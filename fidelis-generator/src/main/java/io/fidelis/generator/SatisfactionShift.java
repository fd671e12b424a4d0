package io.fidelis.generator;

import io.fidelis.core.domain.Survey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Shifts the satisfaction answers a treated customer gives after the start date by {@code d} points on average, exactly
 * on the observed integer scale 1..5.
 *
 * <p>An untreated answer is {@code s = round(m + 0.7 z)} clipped to 1..5, where {@code m} is the conduct's mean on that
 * day and {@code z} standard normal, so {@code P(s < 5) = Phi((4.5 - m) / 0.7)} is known for every answer. For {@code d
 * > 0}, an answer below 5 is raised by one point with probability {@code q = d / P(s < 5)}; for {@code d < 0}, an
 * answer above 1 is lowered by one with probability {@code -d / P(s > 1)}. Each answer's expected change is then
 * exactly {@code d} (to the 1e-7 of the normal distribution used), whatever its mean, so the difference of the mean
 * answers of the arms estimates {@code d}. Answers whose {@code q} would exceed 1 are shifted with probability 1 and
 * counted ({@link #capped()}): none occur for |d| up to {@link Effects#MAX_SATISFACTION_SHIFT} with the medium-tier
 * conducts of this generator.
 */
final class SatisfactionShift {

    private final double shift;
    private final LocalDate start;
    private long capped;

    SatisfactionShift(double shift, LocalDate start) {
        this.shift = shift;
        this.start = start;
    }

    /** Answers that could not be shifted by the full amount in expectation. */
    long capped() {
        return capped;
    }

    /** The story with its answers dated after the start shifted, each from a draw keyed by its day. */
    CustomerStory apply(CustomerStory story, long customerRoot) {
        if (shift == 0) {
            return story;
        }
        List<Survey> answers = new ArrayList<>(story.surveys().size());
        for (int i = 0; i < story.surveys().size(); i++) {
            Survey survey = story.surveys().get(i);
            Integer satisfaction = survey.satisfaction();
            if (satisfaction == null || !survey.surveyedOn().isAfter(start)) {
                answers.add(survey);
                continue;
            }
            double probability = probability(story.satisfactionMeans()[i], satisfaction);
            Draw draw = Seeds.keyed(
                    customerRoot, Seeds.Purpose.SURVEY, survey.surveyedOn().toEpochDay());
            int shifted = draw.unit() < probability ? satisfaction + (shift > 0 ? 1 : -1) : satisfaction;
            answers.add(new Survey(survey.customerId(), survey.surveyedOn(), shifted, survey.nps()));
        }
        return story.withSurveys(answers);
    }

    /** Chance of moving an answer {@code satisfaction} drawn around {@code mean} one point in the shift's direction. */
    private double probability(double mean, int satisfaction) {
        double room;
        if (shift > 0) {
            if (satisfaction >= 5) {
                return 0;
            }
            room = normalCdf((4.5 - mean) / CustomerSimulation.SATISFACTION_NOISE);
        } else {
            if (satisfaction <= 1) {
                return 0;
            }
            room = normalCdf((mean - 1.5) / CustomerSimulation.SATISFACTION_NOISE);
        }
        double probability = Math.abs(shift) / room;
        if (probability > 1) {
            capped++;
            return 1;
        }
        return probability;
    }

    // Numerical Recipes' erfcc: erfc(z) = t exp(-z^2 + P(t)), t = 1 / (1 + z/2), fractional error below 1.2e-7.
    private static final double[] ERFC = {
        -1.26551223,
        1.00002368,
        0.37409196,
        0.09678418,
        -0.18628806,
        0.27886807,
        -1.13520398,
        1.48851587,
        -0.82215223,
        0.17087277
    };

    /** The standard normal distribution function. */
    static double normalCdf(double x) {
        double z = Math.abs(x) / Math.sqrt(2);
        double t = 1.0 / (1.0 + 0.5 * z);
        double polynomial = 0;
        for (int i = ERFC.length - 1; i >= 0; i--) {
            polynomial = ERFC[i] + t * polynomial;
        }
        double erfc = t * Math.exp(-z * z + polynomial);
        return x >= 0 ? 1 - erfc / 2 : erfc / 2;
    }
}
