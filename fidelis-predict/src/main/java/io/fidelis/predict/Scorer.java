package io.fidelis.predict;

/** Anything that gives a unit a probability of the event. */
@FunctionalInterface
public interface Scorer {

    double probability(Observation observation);
}
