package io.fidelis.predict;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted logistic model on standardised features: log-odds = intercept + sum of weight * z, where z = (value - mean)
 * / scale clipped to [-{@value #CLIP}, {@value #CLIP}] (so a rare extreme value cannot dominate a score). The
 * contributions are exact: {@link #contributions} sum with the intercept to the log-odds, each measured against the
 * training mean of its feature (so the intercept is the log-odds of the average customer).
 *
 * @param features the feature names, in order
 * @param means their training means
 * @param scales their training standard deviations (1 when constant)
 * @param weights the log-odds per standard deviation
 * @param intercept the log-odds at the means
 */
public record LogisticModel(List<String> features, double[] means, double[] scales, double[] weights, double intercept)
        implements FittedModel {

    /** The largest standardised value, in standard deviations. */
    public static final double CLIP = 8;

    public LogisticModel {
        features = List.copyOf(features);
        int n = features.size();
        if (means.length != n || scales.length != n || weights.length != n) {
            throw new IllegalArgumentException("need a mean, scale and weight per feature");
        }
        means = means.clone();
        scales = scales.clone();
        weights = weights.clone();
    }

    /** A model that gives every unit the same probability (the majority-class baseline's score). */
    public static LogisticModel constant(double probability) {
        return new LogisticModel(
                List.of(), new double[0], new double[0], new double[0], Math.log(probability / (1 - probability)));
    }

    public double logOdds(Observation observation) {
        double sum = intercept;
        for (int j = 0; j < weights.length; j++) {
            sum += weights[j] * standardised(j, observation.value(features.get(j)));
        }
        return sum;
    }

    double standardised(int feature, double value) {
        return standardise(value, means[feature], scales[feature]);
    }

    static double standardise(double value, double mean, double scale) {
        return Math.max(-CLIP, Math.min(CLIP, (value - mean) / scale));
    }

    /** The probability of the event. */
    @Override
    public double probability(Observation observation) {
        return 1 / (1 + Math.exp(-logOdds(observation)));
    }

    @Override
    @JsonIgnore
    public ModelAlgorithm algorithm() {
        return ModelAlgorithm.LOGISTIC;
    }

    /** The log-odds split exactly: the intercept and every feature's contribution. */
    @Override
    public ScoreExplanation explain(Observation observation) {
        return new ScoreExplanation(contributions(observation), intercept, logOdds(observation));
    }

    /** Every feature's contribution, largest in absolute value first. */
    public List<ScoreContribution> contributions(Observation observation) {
        List<ScoreContribution> all = new ArrayList<>();
        for (int j = 0; j < weights.length; j++) {
            double value = observation.value(features.get(j));
            all.add(new ScoreContribution(features.get(j), value, weights[j] * standardised(j, value)));
        }
        all.sort(Comparator.comparingDouble((ScoreContribution c) -> -Math.abs(c.logOdds())));
        return all;
    }

    /** The weights by feature name, for storage and review. */
    public Map<String, Double> weightsByFeature() {
        Map<String, Double> byName = new LinkedHashMap<>();
        for (int j = 0; j < weights.length; j++) {
            byName.put(features.get(j), weights[j]);
        }
        return byName;
    }
}
