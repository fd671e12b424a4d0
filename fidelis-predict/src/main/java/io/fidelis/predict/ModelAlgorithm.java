package io.fidelis.predict;

import java.util.Locale;

/** How a stored model scores: logistic regression or boosted trees. */
public enum ModelAlgorithm {
    LOGISTIC("logistic", "logistic regression"),
    TREES("trees", "boosted trees");

    private final String code;
    private final String label;

    ModelAlgorithm(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** As stored and typed: {@code logistic}, {@code trees}. */
    public String code() {
        return code;
    }

    /** As shown: {@code logistic regression}, {@code boosted trees}. */
    public String label() {
        return label;
    }

    /** The algorithm of a code; an unknown code is an {@link IllegalArgumentException} naming the choices. */
    public static ModelAlgorithm ofCode(String code) {
        for (ModelAlgorithm algorithm : values()) {
            if (algorithm.code.equals(code.strip().toLowerCase(Locale.ROOT))) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("'" + code + "' is not one of logistic, trees");
    }
}
