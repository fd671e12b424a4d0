/** Probabilistic models of customer activity: the BG/NBD model (P(alive), expected activity) and its maximum-likelihood fit. */
package io.fidelis.core.prediction;
