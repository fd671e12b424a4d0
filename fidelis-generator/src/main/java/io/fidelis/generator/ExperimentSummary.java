package io.fidelis.generator;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the simulated experiment of a book did: the arms and the effects realised in the book.
 *
 * @param experiment the experiment as configured
 * @param windowEnd last day of the outcome window
 * @param assignmentSeed the seed given to the stratified assignment (with the strategy id it reproduces the arms)
 * @param treatment customers assigned to treatment
 * @param control customers assigned to control
 * @param assignments the {@code assignments.csv} file written
 * @param churn churn among all assigned customers, without and with the strategy
 * @param highDefault default among assigned customers of tier high
 * @param mediumSatisfaction mean satisfaction answer among assigned customers of tier medium
 */
public record ExperimentSummary(
        Experiment experiment,
        LocalDate windowEnd,
        long assignmentSeed,
        int treatment,
        int control,
        Path assignments,
        Realised churn,
        Realised highDefault,
        Realised mediumSatisfaction) {

    public ExperimentSummary {
        Objects.requireNonNull(experiment, "experiment");
    }

    /**
     * One outcome of every assigned customer concerned, simulated both without and with the strategy (the two
     * potential outcomes; only one of them is written): the effect realised in this book, which a difference of the arm
     * means estimates. Its expectation over books is the effect as given.
     *
     * @param customers assigned customers the outcome concerns
     * @param countWithout customers with the event, or answers, without the strategy
     * @param countWith the same with the strategy
     * @param without rate (events / customers), or mean answer, without the strategy
     * @param with the same with the strategy
     */
    public record Realised(long customers, long countWithout, long countWith, double without, double with) {

        /** {@code with / without}: the realised rate ratio. */
        public double ratio() {
            return with / without;
        }

        /** {@code with - without}: the realised difference. */
        public double difference() {
            return with - without;
        }
    }
}
