package io.fidelis.predict;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Fitting the churn model of a book as of a date: snapshots at the month-ends of the 30 months before it, trained on
 * the first 13 (whose 6-month outcomes are known by the first test date), tested on the month-ends 12 to 6 months
 * before the date (whose outcomes are known by the date), so the model stored is the one measured.
 */
public final class ChurnModels {

    /** Months from a snapshot to its outcome. */
    public static final int HORIZON_MONTHS = 6;

    /** Months of snapshots before the as-of date. */
    public static final int HISTORY_MONTHS = 30;

    private ChurnModels() {}

    /** What went into a fit besides the snapshots, for its provenance. */
    public record Inputs(
            LocalDate asOf,
            String inputFingerprint,
            String policyId,
            String policyVersion,
            String policySha256,
            long seed,
            String codeVersion) {}

    /** A fitted model ready to store, and the study that measured it. */
    public record Fitted(StoredModel model, ChurnStudy study) {}

    /** The first snapshot month-end for a fit as of {@code asOf}. */
    public static LocalDate firstSnapshot(LocalDate asOf) {
        return YearMonth.from(asOf).minusMonths(HISTORY_MONTHS).atEndOfMonth();
    }

    /** The first test month-end for a fit as of {@code asOf}. */
    public static LocalDate firstTestDate(LocalDate asOf) {
        return YearMonth.from(asOf).minusMonths(2L * HORIZON_MONTHS).atEndOfMonth();
    }

    /**
     * The snapshots a fit as of {@code asOf} trains or tests on: at risk of the outcome, with a known outcome, at a
     * training or test month-end ({@link ChurnStudy}). A fit given only these is the same as given them all.
     */
    public static Predicate<Snapshot> used(Outcome outcome, LocalDate asOf) {
        LocalDate firstTest = firstTestDate(asOf);
        return s -> ChurnStudy.trains(outcome, s, firstTest, HORIZON_MONTHS) || ChurnStudy.tests(outcome, s, firstTest);
    }

    public static Fitted fit(List<Snapshot> snapshots, Inputs inputs) {
        return fit(snapshots, ChurnFeatures.of(snapshots), inputs);
    }

    /** Fits on snapshots whose observations ({@link ChurnFeatures#of}) are already computed, in the same order. */
    public static Fitted fit(List<Snapshot> snapshots, List<Observation> observations, Inputs inputs) {
        return fit(Outcome.CHURN, snapshots, observations, inputs);
    }

    /** Fits a logistic model of the outcome; the observations' events must be that outcome's. */
    public static Fitted fit(Outcome outcome, List<Snapshot> snapshots, List<Observation> observations, Inputs inputs) {
        return fit(outcome, null, snapshots, observations, inputs);
    }

    /**
     * Fits boosted trees of the outcome with these settings (the seed is the inputs'), on the same split and beside
     * the same baselines as the logistic model.
     */
    public static Fitted fitTrees(
            Outcome outcome,
            TreeSettings settings,
            List<Snapshot> snapshots,
            List<Observation> observations,
            Inputs inputs) {
        return fit(outcome, settings, snapshots, observations, inputs);
    }

    /** Logistic when {@code trees} is null, else boosted trees with those settings. */
    private static Fitted fit(
            Outcome outcome,
            TreeSettings trees,
            List<Snapshot> snapshots,
            List<Observation> observations,
            Inputs inputs) {
        LocalDate firstTest = firstTestDate(inputs.asOf());
        TrainLogistic trainer = TrainLogistic.standard(inputs.seed());
        ChurnStudy study = trees == null
                ? ChurnStudy.run(outcome, snapshots, observations, firstTest, HORIZON_MONTHS, inputs.seed())
                : ChurnStudy.run(
                        outcome,
                        snapshots,
                        observations,
                        firstTest,
                        HORIZON_MONTHS,
                        inputs.seed(),
                        ModelAlgorithm.TREES,
                        training -> BoostedTrees.train(training, trees, inputs.seed()));
        List<Observation> training = new ArrayList<>();
        for (int i = 0; i < snapshots.size(); i++) {
            Snapshot s = snapshots.get(i);
            if (ChurnStudy.trains(outcome, s, firstTest, HORIZON_MONTHS)) {
                training.add(observations.get(i));
            }
        }
        List<List<Double>> reference = Monitoring.reference(study.fitted(), training);
        Map<String, Double> auc = new LinkedHashMap<>();
        auc.put(study.model().name(), study.model().auc());
        study.baselines().forEach(b -> auc.put(b.name(), b.auc()));
        ModelProvenance provenance = new ModelProvenance(
                outcome.kind(),
                inputs.asOf().toString(),
                inputs.inputFingerprint(),
                inputs.policyId(),
                inputs.policyVersion(),
                inputs.policySha256(),
                firstSnapshot(inputs.asOf()).toString(),
                study.lastTrainingDate().toString(),
                firstTest.toString(),
                HORIZON_MONTHS,
                trees == null
                        ? "tribuo 4.3.2 LinearSGDTrainer(LogMulticlass, AdaGrad) on standardised features"
                        : "tribuo 4.3.2 XGBoostClassificationTrainer (xgboost4j 1.6.2, gbtree, " + trees.threads()
                                + " thread) on raw features",
                trees == null ? trainer.epochs() : trees.trees(),
                trees == null ? trainer.learningRate() : trees.eta(),
                inputs.seed(),
                study.trainingUnits(),
                study.trainingEvents(),
                inputs.codeVersion());
        StoredModel model = trees == null
                ? StoredModel.logistic(
                        "unsaved", provenance, (LogisticModel) study.fitted(), auc, reference.get(0), reference.get(1))
                : StoredModel.trees(
                        "unsaved",
                        provenance,
                        ((BoostedTrees) study.fitted()).stored(),
                        auc,
                        reference.get(0),
                        reference.get(1));
        return new Fitted(model, study);
    }
}
