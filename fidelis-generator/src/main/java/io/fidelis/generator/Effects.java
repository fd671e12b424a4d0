package io.fidelis.generator;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The true effects of a simulated strategy on the customers it treats, from its start date on, as given (e.g. {@code
 * churn=-0.30,high_default=-0.20,medium_satisfaction=+0.3}). Each is defined so that the difference between the arms of
 * an {@link Experiment}, measured as in its outcome definitions, has this value in expectation:
 *
 * <ul>
 *   <li>{@code churn}: relative change of churn, -1 to 0. Every exit to a competitor that a treated customer's story
 *       holds after the start date is prevented with probability {@code -churn}, so the churn rate ratio
 *       treatment/control is {@code 1 + churn}.
 *   <li>{@code high_default}: relative change of default among customers of intended tier high at the start date, -1
 *       to 0: every stop of payments after the start date is prevented with probability {@code -high_default}, so
 *       the default rate ratio is {@code 1 + high_default}.
 *   <li>{@code medium_satisfaction}: additive shift of the satisfaction answers (1..5) given after the start date by
 *       customers of intended tier medium at the start date, -0.8 to 0.8, exact on the observed integer scale: the
 *       expected treated answer is the untreated one plus this shift.
 * </ul>
 *
 * @param churn relative change of the churn rate
 * @param highDefault relative change of the default rate of high-tier customers
 * @param mediumSatisfaction shift of the mean satisfaction of medium-tier customers, in points of the 1..5 scale
 */
public record Effects(BigDecimal churn, BigDecimal highDefault, BigDecimal mediumSatisfaction) {

    /** Largest satisfaction shift that can be made exact for every answer a medium-tier customer gives. */
    public static final BigDecimal MAX_SATISFACTION_SHIFT = new BigDecimal("0.8");

    /** A strategy that changes nothing. */
    public static final Effects NONE = new Effects(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    private static final String KEYS = "churn, high_default, medium_satisfaction";

    public Effects {
        Objects.requireNonNull(churn, "churn");
        Objects.requireNonNull(highDefault, "high_default");
        Objects.requireNonNull(mediumSatisfaction, "medium_satisfaction");
        relativeReduction("churn", churn);
        relativeReduction("high_default", highDefault);
        if (mediumSatisfaction.abs().compareTo(MAX_SATISFACTION_SHIFT) > 0) {
            throw new IllegalArgumentException("medium_satisfaction=" + mediumSatisfaction.toPlainString()
                    + " is too large: give a shift of the mean satisfaction from -0.8 to 0.8 points");
        }
    }

    private static void relativeReduction(String key, BigDecimal value) {
        if (value.signum() > 0 || value.compareTo(BigDecimal.ONE.negate()) < 0) {
            throw new IllegalArgumentException(key + "=" + value.toPlainString()
                    + " is not supported: give a relative change from -1 to 0 (the strategy can only prevent what"
                    + " would otherwise happen, e.g. -0.30 for 30% fewer)");
        }
    }

    /**
     * Reads {@code key=value} pairs separated by commas, e.g. {@code churn=-0.30,medium_satisfaction=+0.3}; keys left
     * out are 0.
     *
     * @throws IllegalArgumentException naming the part that is wrong and what was expected
     */
    public static Effects parse(String text) {
        Objects.requireNonNull(text, "text");
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (String part : text.split(",", -1)) {
            String entry = part.strip();
            int equals = entry.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException(
                        "effect '" + entry + "' is not key=value: write e.g. churn=-0.30 (keys: " + KEYS + ")");
            }
            String key = entry.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String number = entry.substring(equals + 1).strip();
            if (!key.equals("churn") && !key.equals("high_default") && !key.equals("medium_satisfaction")) {
                throw new IllegalArgumentException("unknown effect '" + key + "': the keys are " + KEYS);
            }
            if (values.containsKey(key)) {
                throw new IllegalArgumentException("effect '" + key + "' is given twice");
            }
            try {
                values.put(key, new BigDecimal(number));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "effect " + key + "='" + number + "' is not a number like -0.30 or +0.3");
            }
        }
        return new Effects(
                values.getOrDefault("churn", BigDecimal.ZERO),
                values.getOrDefault("high_default", BigDecimal.ZERO),
                values.getOrDefault("medium_satisfaction", BigDecimal.ZERO));
    }

    /** True when every effect is zero: the strategy changes no record. */
    public boolean none() {
        return churn.signum() == 0 && highDefault.signum() == 0 && mediumSatisfaction.signum() == 0;
    }

    /** As written by {@link #parse}, e.g. {@code churn=-0.30,high_default=-0.20,medium_satisfaction=0.3}. */
    @Override
    public String toString() {
        return "churn=" + churn.toPlainString() + ",high_default=" + highDefault.toPlainString()
                + ",medium_satisfaction=" + mediumSatisfaction.toPlainString();
    }
}
