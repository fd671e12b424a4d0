package io.fidelis.predict;

import io.fidelis.core.evaluation.ScoredOutcomes;

/**
 * A model's scores on held-out data.
 *
 * @param name what the model is (e.g. "logistic regression", "recency alone")
 * @param test its scores and the outcomes on the test data
 */
public record ModelResult(String name, ScoredOutcomes test) {

    public double auc() {
        return test.auc();
    }

    public double ks() {
        return test.ks();
    }
}
