package io.fidelis.predict;

import io.fidelis.core.evaluation.PopulationStability;
import io.fidelis.core.evaluation.ScoredOutcomes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Watching a model after it ships: how far the population moved (the stability index of every feature and of the
 * score, between two dates or against the training reference) and how well it still ranks (AUC at each month-end
 * whose outcome is known).
 */
public final class Monitoring {

    static final int BINS = 10;

    private Monitoring() {}

    /** The stability index of each of the model's features and of its score ("score"), from one date to another. */
    public static Map<String, PopulationStability> stability(
            FittedModel model, List<Observation> reference, List<Observation> current) {
        Map<String, PopulationStability> byFeature = new LinkedHashMap<>();
        byFeature.put("score", PopulationStability.ofValues(scores(model, reference), scores(model, current), BINS));
        for (String feature : model.features()) {
            byFeature.put(
                    feature, PopulationStability.ofValues(values(reference, feature), values(current, feature), BINS));
        }
        return byFeature;
    }

    /** The stability index of the scores now against the model's training reference. */
    public static PopulationStability scoreAgainstReference(StoredModel stored, List<Observation> current) {
        return scoreAgainstReference(stored, stored.scorer(), current);
    }

    /** The same, with the stored model already read ({@link StoredModel#scorer()}). */
    public static PopulationStability scoreAgainstReference(
            StoredModel stored, FittedModel scorer, List<Observation> current) {
        double[] cuts = stored.referenceScoreCuts().stream()
                .mapToDouble(Double::doubleValue)
                .toArray();
        double[] reference = stored.referenceScoreShares().stream()
                .mapToDouble(Double::doubleValue)
                .toArray();
        return PopulationStability.ofShares(reference, shares(scores(scorer, current), cuts));
    }

    /** The decile cuts of the scores (distinct) and the share of scores in each bin they make. */
    static List<List<Double>> reference(FittedModel model, List<Observation> training) {
        double[] scores = scores(model, training);
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        double[] cuts = new double[BINS - 1];
        for (int i = 1; i < BINS; i++) {
            cuts[i - 1] = sorted[Math.min(sorted.length - 1, i * sorted.length / BINS)];
        }
        double[] distinct = Arrays.stream(cuts).distinct().toArray();
        return List.of(
                Arrays.stream(distinct).boxed().toList(),
                Arrays.stream(shares(scores, distinct)).boxed().toList());
    }

    /** The model's AUC at each as-of date, on the units of that date. */
    public static Map<LocalDate, Double> aucByDate(FittedModel model, List<LocalDate> dates, List<Observation> units) {
        Map<LocalDate, List<Observation>> byDate = new TreeMap<>();
        for (int i = 0; i < units.size(); i++) {
            byDate.computeIfAbsent(dates.get(i), d -> new ArrayList<>()).add(units.get(i));
        }
        Map<LocalDate, Double> auc = new TreeMap<>();
        byDate.forEach((date, observations) -> {
            ScoredOutcomes scored = ChurnStudy.score(model, observations);
            auc.put(date, scored.auc());
        });
        return auc;
    }

    static double[] scores(FittedModel model, List<Observation> units) {
        return model.probabilities(units);
    }

    private static double[] values(List<Observation> units, String feature) {
        return units.stream().mapToDouble(o -> o.value(feature)).toArray();
    }

    private static double[] shares(double[] values, double[] cuts) {
        double[] shares = new double[cuts.length + 1];
        for (double value : values) {
            int bin = Arrays.binarySearch(cuts, value);
            shares[bin >= 0 ? bin : -bin - 1] += 1.0 / values.length;
        }
        return shares;
    }
}
