package io.fidelis.predict;

/**
 * How much one feature moved a customer's score, in log-odds, against the average customer of the training data.
 *
 * @param feature the feature's name
 * @param value the customer's value of it
 * @param logOdds the feature's contribution to the log-odds of the event (positive: more likely)
 */
public record ScoreContribution(String feature, double value, double logOdds) {}
