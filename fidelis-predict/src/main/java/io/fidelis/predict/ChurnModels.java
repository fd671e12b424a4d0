package io.fidelis.predict;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    public static Fitted fit(List<Snapshot> snapshots, Inputs inputs) {
        return fit(snapshots, ChurnFeatures.of(snapshots), inputs);
    }

    /** Fits on snapshots whose observations ({@link ChurnFeatures#of}) are already computed, in the same order. */
    public static Fitted fit(List<Snapshot> snapshots, List<Observation> observations, Inputs inputs) {
        return fit(Outcome.CHURN, snapshots, observations, inputs);
    }

    /** Fits a model of the outcome; the observations' events must be that outcome's. */
    public static Fitted fit(Outcome outcome, List<Snapshot> snapshots, List<Observation> observations, Inputs inputs) {
        LocalDate firstTest = firstTestDate(inputs.asOf());
        ChurnStudy study = ChurnStudy.run(outcome, snapshots, observations, firstTest, HORIZON_MONTHS, inputs.seed());
        List<Observation> training = new ArrayList<>();
        for (int i = 0; i < snapshots.size(); i++) {
            Snapshot s = snapshots.get(i);
            if (outcome.atRisk(s) && s.laterStage() != null && !s.asOf().isAfter(study.lastTrainingDate())) {
                training.add(observations.get(i));
            }
        }
        List<List<Double>> reference = Monitoring.reference(study.fitted(), training);
        Map<String, Double> auc = new LinkedHashMap<>();
        auc.put(study.model().name(), study.model().auc());
        study.baselines().forEach(b -> auc.put(b.name(), b.auc()));
        TrainLogistic trainer = TrainLogistic.standard(inputs.seed());
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
                "tribuo 4.3.2 LinearSGDTrainer(LogMulticlass, AdaGrad) on standardised features",
                trainer.epochs(),
                trainer.learningRate(),
                inputs.seed(),
                study.trainingUnits(),
                study.trainingEvents(),
                inputs.codeVersion());
        StoredModel model =
                new StoredModel("unsaved", provenance, study.fitted(), auc, reference.get(0), reference.get(1));
        return new Fitted(model, study);
    }
}
