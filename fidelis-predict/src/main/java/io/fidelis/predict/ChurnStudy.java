package io.fidelis.predict;

import io.fidelis.core.evaluation.ScoredOutcomes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Trains the churn model on earlier snapshots and tests it on later ones, never mixing time: a training snapshot's
 * outcome (its stage {@code horizon} months later) is known by the first test date, so nothing the model learns comes
 * from the test period. Only customers at risk (New or Active) are scored. Beside the model, three baselines are
 * trained and tested the same way: the rule-based stage (the churn rate of New against Active), recency alone, and
 * the majority class (one rate for everyone); a fourth, BG/NBD alone (P(alive) and expected activity), shows what the
 * population model adds by itself.
 *
 * @param model the model: logistic regression (or boosted trees) on every feature and the BG/NBD features
 * @param baselines the baselines, in the order above
 * @param fitted the model fitted on the training snapshots
 * @param trainingUnits how many snapshots it was trained on
 * @param trainingEvents how many of them churned
 * @param lastTrainingDate the last as-of date trained on
 * @param firstTestDate the first as-of date tested on
 */
public record ChurnStudy(
        ModelResult model,
        List<ModelResult> baselines,
        FittedModel fitted,
        int trainingUnits,
        int trainingEvents,
        LocalDate lastTrainingDate,
        LocalDate firstTestDate) {

    public static ChurnStudy run(
            List<Snapshot> snapshots,
            List<Observation> observations,
            LocalDate firstTestDate,
            int horizonMonths,
            long seed) {
        return run(Outcome.CHURN, snapshots, observations, firstTestDate, horizonMonths, seed);
    }

    /** The same study for another outcome: its units at risk, its event; the baselines are the same. */
    public static ChurnStudy run(
            Outcome outcome,
            List<Snapshot> snapshots,
            List<Observation> observations,
            LocalDate firstTestDate,
            int horizonMonths,
            long seed) {
        TrainLogistic trainer = TrainLogistic.standard(seed);
        return run(
                outcome,
                snapshots,
                observations,
                firstTestDate,
                horizonMonths,
                seed,
                ModelAlgorithm.LOGISTIC,
                trainer::fit);
    }

    /**
     * The same study with another model: {@code fit} trains it on the training units; the baselines are the logistic
     * ones above.
     */
    public static ChurnStudy run(
            Outcome outcome,
            List<Snapshot> snapshots,
            List<Observation> observations,
            LocalDate firstTestDate,
            int horizonMonths,
            long seed,
            ModelAlgorithm algorithm,
            Function<List<Observation>, ? extends FittedModel> fit) {
        List<Observation> training = new ArrayList<>();
        List<Observation> test = new ArrayList<>();
        LocalDate lastTraining = null;
        for (int i = 0; i < snapshots.size(); i++) {
            Snapshot snapshot = snapshots.get(i);
            if (trains(outcome, snapshot, firstTestDate, horizonMonths)) {
                training.add(observations.get(i));
                if (lastTraining == null || snapshot.asOf().isAfter(lastTraining)) {
                    lastTraining = snapshot.asOf();
                }
            } else if (tests(outcome, snapshot, firstTestDate)) {
                test.add(observations.get(i));
            }
        }
        if (training.isEmpty() || test.isEmpty()) {
            throw new IllegalArgumentException("need snapshots with outcomes both before and from " + firstTestDate);
        }
        TrainLogistic trainer = TrainLogistic.standard(seed);
        FittedModel fitted = fit.apply(training);
        ModelResult model = new ModelResult(
                algorithm.label()
                        + (outcome == Outcome.DEFAULT ? " (credit-risk short list)" : " (all features, BG/NBD)"),
                score(fitted, test));
        List<ModelResult> baselines = List.of(
                baseline("rule-based stage", training, test, t -> trainer.fit(t, List.of("stage=new", "stage=active"))),
                baseline(
                        "recency alone",
                        training,
                        test,
                        t -> trainer.fit(t, List.of(ChurnFeatures.RECENCY, ChurnFeatures.RECENCY + ":missing"))),
                baseline("majority class", training, test, t -> LogisticModel.constant(rate(t))),
                baseline(
                        "BG/NBD alone",
                        training,
                        test,
                        t -> trainer.fit(t, List.of(ChurnFeatures.P_ALIVE, ChurnFeatures.EXPECTED_ACTIVITY))));
        int events = (int) training.stream().filter(Observation::event).count();
        return new ChurnStudy(model, baselines, fitted, training.size(), events, lastTraining, firstTestDate);
    }

    private static ModelResult baseline(
            String name,
            List<Observation> training,
            List<Observation> test,
            Function<List<Observation>, LogisticModel> fit) {
        return new ModelResult(name, score(fit.apply(training), test));
    }

    /**
     * Whether the snapshot is a training unit: at risk, with a known outcome, whose horizon ends by the first test
     * date (so that no training outcome is seen after testing starts).
     */
    static boolean trains(Outcome outcome, Snapshot snapshot, LocalDate firstTestDate, int horizonMonths) {
        return outcome.atRisk(snapshot)
                && snapshot.laterStage() != null
                && !snapshot.asOf().plusMonths(horizonMonths).isAfter(firstTestDate);
    }

    /** Whether the snapshot is a test unit: at risk, with a known outcome, on or after the first test date. */
    static boolean tests(Outcome outcome, Snapshot snapshot, LocalDate firstTestDate) {
        return outcome.atRisk(snapshot)
                && snapshot.laterStage() != null
                && !snapshot.asOf().isBefore(firstTestDate);
    }

    static ScoredOutcomes score(FittedModel model, List<Observation> units) {
        double[] scores = model.probabilities(units);
        boolean[] events = new boolean[units.size()];
        for (int i = 0; i < units.size(); i++) {
            events[i] = units.get(i).event();
        }
        return new ScoredOutcomes(scores, events);
    }

    private static double rate(List<Observation> units) {
        return units.stream().filter(Observation::event).count() / (double) units.size();
    }
}
