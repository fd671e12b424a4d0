package io.fidelis.predict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Boosted trees (Tribuo's XGBoost, native xgboost4j 1.6.2), the challenger of the logistic models, with per-customer
 * explanations by TreeSHAP (Lundberg, Erion and Lee 2018): xgboost's {@code predictContrib} splits each customer's
 * margin (the log-odds of the event, before the sigmoid) into one contribution per feature plus a bias, the expected
 * margin over the training data. Contributions and bias add up to the margin exactly (up to float rounding); each
 * contribution is the feature's Shapley value, its average marginal effect over the orders features could be added
 * in, under the trees' own conditional expectations. Unlike the logistic model's, a contribution depends on the other
 * features' values (interactions are shared between the features involved).
 *
 * <p>Every feature a training observation has is given to the trees, a feature absent from an observation as 0 (as
 * {@link Observation#value} reads it), so training, scoring and explaining see the same numbers.
 */
public final class BoostedTrees implements Scorer {

    /** A customer's margin split by TreeSHAP: contributions, largest in absolute value first, and the bias. */
    public record Explanation(List<ScoreContribution> contributions, double bias, double margin) {}

    private final XGBoostModel<Label> model;
    private final Booster booster;
    private final String[] features;
    private final int[] columns;
    private final int width;
    private final int event;
    private final int classes;

    private BoostedTrees(XGBoostModel<Label> model, String[] features) {
        this.model = model;
        this.booster = model.getInnerModels().get(0);
        this.features = features;
        this.width = model.getFeatureIDMap().size();
        this.columns = new int[features.length];
        for (int j = 0; j < features.length; j++) {
            columns[j] = model.getFeatureIDMap().getID(features[j]);
        }
        this.event = model.getOutputIDInfo().getID(new Label(TrainLogistic.EVENT));
        this.classes = model.getOutputIDInfo().size();
    }

    /**
     * Trains on the observations.
     *
     * @param trees boosting rounds
     * @param eta learning rate
     * @param depth largest tree depth
     * @param seed the sampling seed: the same data and seed give the same trees
     */
    public static BoostedTrees train(List<Observation> training, int trees, double eta, int depth, long seed) {
        TreeSet<String> names = new TreeSet<>();
        training.forEach(o -> names.addAll(o.features().keySet()));
        String[] features = names.toArray(String[]::new);
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> data =
                new MutableDataset<>(new SimpleDataSourceProvenance("fidelis observations", labels), labels);
        for (Observation o : training) {
            data.add(new ArrayExample<>(
                    new Label(o.event() ? TrainLogistic.EVENT : TrainLogistic.NONE), features, values(o, features)));
        }
        XGBoostClassificationTrainer trainer =
                new XGBoostClassificationTrainer(trees, eta, 0, depth, 1, 0.8, 0.8, 1, 0, 1, true, seed);
        return new BoostedTrees(trainer.train(data), features);
    }

    /** The probability of the event, as Tribuo predicts it. */
    @Override
    public double probability(Observation observation) {
        return model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, features, values(observation, features)))
                .getOutputScores()
                .get(TrainLogistic.EVENT)
                .getScore();
    }

    /** The customer's margin split into TreeSHAP contributions and the bias. */
    public Explanation explain(Observation observation) {
        return explain(List.of(observation)).get(0);
    }

    /** Each customer's margin split into TreeSHAP contributions and the bias, in one pass through xgboost. */
    public List<Explanation> explain(List<Observation> observations) {
        if (observations.isEmpty()) {
            return List.of();
        }
        try {
            DMatrix rows = rows(observations);
            try {
                float[][] contributions = booster.predictContrib(rows, 0);
                float[][] margins = booster.predict(rows, true, 0);
                int stride = width + 1;
                List<Explanation> explanations = new ArrayList<>(observations.size());
                for (int i = 0; i < observations.size(); i++) {
                    Observation observation = observations.get(i);
                    List<ScoreContribution> all = new ArrayList<>(features.length);
                    for (int j = 0; j < features.length; j++) {
                        all.add(new ScoreContribution(
                                features[j],
                                observation.value(features[j]),
                                eventLogOdds(contributions[i], columns[j], stride)));
                    }
                    all.sort(Comparator.comparingDouble((ScoreContribution c) -> -Math.abs(c.logOdds())));
                    explanations.add(new Explanation(
                            all, eventLogOdds(contributions[i], width, stride), eventLogOdds(margins[i], 0, 1)));
                }
                return explanations;
            } finally {
                rows.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("xgboost could not explain the scores: " + e.getMessage(), e);
        }
    }

    /**
     * The log-odds of the event from per-class outputs at {@code offset} (class k's at {@code offset + k * stride}): a
     * binary objective has one output, the log-odds of class 1; a softmax over two classes has one per class, whose
     * difference is the log-odds.
     */
    private double eventLogOdds(float[] outputs, int offset, int stride) {
        if (outputs.length == stride) {
            double positive = outputs[offset];
            return event == 1 ? positive : -positive;
        }
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            sum += (k == event ? 1 : -1) * (double) outputs[offset + k * stride];
        }
        return sum;
    }

    /** The observations as a dense row-major matrix; a column no training observation had stays missing (NaN). */
    private DMatrix rows(List<Observation> observations) throws XGBoostError {
        float[] dense = new float[observations.size() * width];
        Arrays.fill(dense, Float.NaN);
        for (int i = 0; i < observations.size(); i++) {
            for (int j = 0; j < features.length; j++) {
                if (columns[j] >= 0) {
                    dense[i * width + columns[j]] = (float) observations.get(i).value(features[j]);
                }
            }
        }
        return new DMatrix(dense, observations.size(), width, Float.NaN);
    }

    private static double[] values(Observation o, String[] features) {
        double[] values = new double[features.length];
        for (int j = 0; j < features.length; j++) {
            values[j] = o.value(features[j]);
        }
        return values;
    }
}
