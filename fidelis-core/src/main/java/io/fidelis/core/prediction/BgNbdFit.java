package io.fidelis.core.prediction;

/**
 * The result of a maximum-likelihood fit of the BG/NBD model.
 *
 * @param parameters the estimates
 * @param logLikelihood the summed log-likelihood at the estimates (natural log)
 * @param customers how many customers the fit used
 * @param distinctSummaries how many distinct (x, tx, T) the likelihood was evaluated on
 * @param evaluations how many times the optimiser evaluated the likelihood
 */
public record BgNbdFit(
        BgNbdParameters parameters, double logLikelihood, long customers, int distinctSummaries, int evaluations) {}
