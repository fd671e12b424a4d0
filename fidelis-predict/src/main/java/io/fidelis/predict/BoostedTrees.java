package io.fidelis.predict;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Boosted trees (trained by Tribuo's XGBoost trainer, native xgboost4j 1.6.2), the challenger of the logistic models,
 * with per-customer explanations by TreeSHAP (Lundberg, Erion and Lee 2018): xgboost's {@code predictContrib} splits
 * each customer's margin (the log-odds of the event, before the sigmoid) into one contribution per feature plus a
 * bias, the expected margin over the training data. Contributions and bias add up to the margin exactly (up to float
 * rounding); each contribution is the feature's Shapley value, its average marginal effect over the orders features
 * could be added in, under the trees' own conditional expectations. Unlike the logistic model's, a contribution
 * depends on the other features' values (interactions are shared between the features involved).
 *
 * <p>Every feature a training observation has is given to the trees, a feature absent from an observation as 0 (as
 * {@link Observation#value} reads it), so training, scoring and explaining see the same numbers. Probabilities,
 * margins and contributions all come from the booster itself (not Tribuo's wrapper), so a model read back from its
 * stored bytes ({@link #of(StoredTrees)}) scores exactly as the one fitted.
 */
public final class BoostedTrees implements FittedModel {

    /** The booster bytes' format: xgboost's UBJSON, exact for its 32-bit floats. */
    static final String FORMAT = "ubj";

    private final Booster booster;
    private final TreeSettings settings;
    private final String[] features;
    private final List<String> columnNames;
    private final int[] columns;
    private final int width;
    private final int event;
    private final int classes;

    private BoostedTrees(
            Booster booster,
            TreeSettings settings,
            List<String> features,
            List<String> columnNames,
            int event,
            int classes) {
        this.booster = booster;
        this.settings = settings;
        this.features = features.toArray(String[]::new);
        this.columnNames = List.copyOf(columnNames);
        this.width = columnNames.size();
        this.columns = new int[this.features.length];
        for (int j = 0; j < this.features.length; j++) {
            columns[j] = columnNames.indexOf(this.features[j]);
        }
        this.event = event;
        this.classes = classes;
    }

    /**
     * Trains on the observations with the shipped settings but for these.
     *
     * @param trees boosting rounds
     * @param eta learning rate
     * @param depth largest tree depth
     * @param seed the sampling seed: the same data and seed give the same trees
     */
    public static BoostedTrees train(List<Observation> training, int trees, double eta, int depth, long seed) {
        return train(training, TreeSettings.of(trees, depth, eta), seed);
    }

    /** Trains on the observations; the same data, settings and seed give the same booster bytes. */
    public static BoostedTrees train(List<Observation> training, TreeSettings settings, long seed) {
        TreeSet<String> names = Observation.names(training);
        String[] features = names.toArray(String[]::new);
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> data =
                new MutableDataset<>(new SimpleDataSourceProvenance("fidelis observations", labels), labels);
        for (Observation o : training) {
            data.add(new ArrayExample<>(
                    new Label(o.event() ? TrainLogistic.EVENT : TrainLogistic.NONE), features, values(o, features)));
        }
        boolean bothClasses = training.stream().anyMatch(Observation::event)
                && training.stream().anyMatch(o -> !o.event());
        if (!bothClasses) {
            throw new IllegalArgumentException("the training data needs units with and without the event");
        }
        XGBoostClassificationTrainer trainer = new XGBoostClassificationTrainer(
                settings.trees(),
                settings.eta(),
                0,
                settings.maxDepth(),
                settings.minChildWeight(),
                settings.subsample(),
                settings.featureSubsample(),
                settings.lambda(),
                0,
                settings.threads(),
                true,
                seed);
        XGBoostModel<Label> model = trainer.train(data);
        ImmutableFeatureMap ids = model.getFeatureIDMap();
        List<String> columnNames = new ArrayList<>(ids.size());
        for (int id = 0; id < ids.size(); id++) {
            columnNames.add(ids.get(id).getName());
        }
        return new BoostedTrees(
                model.getInnerModels().get(0),
                settings,
                List.of(features),
                columnNames,
                model.getOutputIDInfo().getID(new Label(TrainLogistic.EVENT)),
                model.getOutputIDInfo().size());
    }

    /** Reads stored trees back; their bytes must have the stored SHA-256. */
    public static BoostedTrees of(StoredTrees stored) {
        if (!FORMAT.equals(stored.format())) {
            throw new IllegalArgumentException("unknown boosted-trees format '" + stored.format() + "' (expected "
                    + FORMAT + "); refit the model with this version");
        }
        byte[] bytes = Base64.getDecoder().decode(stored.booster());
        if (!sha256(bytes).equals(stored.sha256())) {
            throw new IllegalArgumentException("the trees' bytes do not have their stored SHA-256 " + stored.sha256()
                    + ": the model file was changed; refit the model");
        }
        try {
            return new BoostedTrees(
                    XGBoost.loadModel(bytes),
                    stored.settings(),
                    stored.features(),
                    stored.columns(),
                    stored.eventClass(),
                    stored.classes());
        } catch (XGBoostError | IOException e) {
            throw new IllegalArgumentException("xgboost could not read the stored trees: " + e.getMessage(), e);
        }
    }

    /** The trees as stored in a model file. */
    public StoredTrees stored() {
        byte[] bytes = bytes();
        return new StoredTrees(
                FORMAT,
                Base64.getEncoder().encodeToString(bytes),
                sha256(bytes),
                List.of(features),
                columnNames,
                event,
                classes,
                settings);
    }

    /** The booster's bytes in the stored format. */
    byte[] bytes() {
        try {
            return booster.toByteArray(FORMAT);
        } catch (XGBoostError e) {
            throw new IllegalStateException("xgboost could not write the trees: " + e.getMessage(), e);
        }
    }

    public TreeSettings settings() {
        return settings;
    }

    @Override
    public ModelAlgorithm algorithm() {
        return ModelAlgorithm.TREES;
    }

    @Override
    public List<String> features() {
        return List.of(features);
    }

    /** The probability of the event, as the booster predicts it. */
    @Override
    public double probability(Observation observation) {
        return probabilities(List.of(observation))[0];
    }

    /** Each unit's probability of the event, in one pass through xgboost. */
    @Override
    public double[] probabilities(List<Observation> observations) {
        if (observations.isEmpty()) {
            return new double[0];
        }
        try {
            DMatrix rows = rows(observations);
            try {
                float[][] outputs = booster.predict(rows, false, 0);
                double[] probabilities = new double[outputs.length];
                for (int i = 0; i < outputs.length; i++) {
                    probabilities[i] = outputs[i].length == 1
                            ? (event == 1 ? outputs[i][0] : 1 - (double) outputs[i][0])
                            : outputs[i][event];
                }
                return probabilities;
            } finally {
                rows.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("xgboost could not score: " + e.getMessage(), e);
        }
    }

    /** The customer's margin split into TreeSHAP contributions and the bias. */
    @Override
    public ScoreExplanation explain(Observation observation) {
        return explain(List.of(observation)).get(0);
    }

    /** Each customer's margin split into TreeSHAP contributions and the bias, in one pass through xgboost. */
    @Override
    public List<ScoreExplanation> explain(List<Observation> observations) {
        if (observations.isEmpty()) {
            return List.of();
        }
        try {
            DMatrix rows = rows(observations);
            try {
                float[][] contributions = booster.predictContrib(rows, 0);
                float[][] margins = booster.predict(rows, true, 0);
                int stride = width + 1;
                List<ScoreExplanation> explanations = new ArrayList<>(observations.size());
                for (int i = 0; i < observations.size(); i++) {
                    Observation observation = observations.get(i);
                    List<ScoreContribution> all = new ArrayList<>(features.length);
                    for (int j = 0; j < features.length; j++) {
                        double logOdds = columns[j] >= 0 ? eventLogOdds(contributions[i], columns[j], stride) : 0;
                        all.add(new ScoreContribution(features[j], observation.value(features[j]), logOdds));
                    }
                    all.sort(Comparator.comparingDouble((ScoreContribution c) -> -Math.abs(c.logOdds())));
                    explanations.add(new ScoreExplanation(
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

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
