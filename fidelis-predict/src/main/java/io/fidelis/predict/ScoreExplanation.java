package io.fidelis.predict;

import java.util.List;

/**
 * A unit's margin (the log-odds of the event) split into one contribution per feature plus a bias: for a logistic
 * model the bias is the intercept (the log-odds of the average training customer) and the split is exact; for boosted
 * trees the bias is the expected margin over the training data and the contributions are TreeSHAP values, adding up
 * to the margin up to float rounding (xgboost works in 32-bit floats).
 *
 * @param contributions every feature's contribution, largest in absolute value first
 * @param bias the margin before any feature
 * @param margin the unit's log-odds of the event
 */
public record ScoreExplanation(List<ScoreContribution> contributions, double bias, double margin) {

    public ScoreExplanation {
        contributions = List.copyOf(contributions);
    }
}
