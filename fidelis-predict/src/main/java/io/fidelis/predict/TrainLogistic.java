package io.fidelis.predict;

import java.util.List;
import java.util.TreeSet;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains a {@link LogisticModel} with Tribuo's linear SGD trainer (logistic loss, AdaGrad) on features standardised
 * with the training data's means and standard deviations (clipped as {@link LogisticModel} says). Deterministic for the data, settings and seed.
 *
 * @param epochs passes over the data
 * @param learningRate AdaGrad's initial learning rate
 * @param seed the trainer's shuffling seed
 */
public record TrainLogistic(int epochs, double learningRate, long seed) {

    static final String EVENT = "event";
    static final String NONE = "none";

    /** Tribuo's logging interval that turns its per-iteration loss log off. */
    private static final int NO_PROGRESS_LOG = -1;

    /** The settings used for the shipped models. */
    public static TrainLogistic standard(long seed) {
        return new TrainLogistic(20, 0.1, seed);
    }

    /** Fits the model on all the features seen in the observations. */
    public LogisticModel fit(List<Observation> training) {
        TreeSet<String> names = Observation.names(training);
        return fit(training, List.copyOf(names));
    }

    /** Fits the model on the named features only. */
    public LogisticModel fit(List<Observation> training, List<String> features) {
        int n = features.size();
        double[] means = new double[n];
        double[] scales = new double[n];
        for (int j = 0; j < n; j++) {
            double sum = 0;
            double squares = 0;
            for (Observation o : training) {
                double v = o.value(features.get(j));
                sum += v;
                squares += v * v;
            }
            means[j] = sum / training.size();
            double variance = squares / training.size() - means[j] * means[j];
            scales[j] = variance > 1e-12 ? Math.sqrt(variance) : 1.0;
        }
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> data =
                new MutableDataset<>(new SimpleDataSourceProvenance("fidelis observations", labels), labels);
        String[] names = features.toArray(String[]::new);
        for (Observation o : training) {
            double[] values = new double[n];
            for (int j = 0; j < n; j++) {
                values[j] = LogisticModel.standardise(o.value(names[j]), means[j], scales[j]);
            }
            data.add(new ArrayExample<>(new Label(o.event() ? EVENT : NONE), names, values));
        }
        boolean bothClasses = training.stream().anyMatch(Observation::event)
                && training.stream().anyMatch(o -> !o.event());
        if (!bothClasses) {
            throw new IllegalArgumentException("the training data needs units with and without the event");
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(
                new LogMulticlass(), new AdaGrad(learningRate, 0.1), epochs, NO_PROGRESS_LOG, seed);
        LinearSGDModel model = (LinearSGDModel) trainer.train(data);
        DenseMatrix w = model.getWeightsCopy();
        ImmutableFeatureMap featureIds = model.getFeatureIDMap();
        int event = model.getOutputIDInfo().getID(new Label(EVENT));
        int none = model.getOutputIDInfo().getID(new Label(NONE));
        double[] weights = new double[n];
        for (int j = 0; j < n; j++) {
            var info = featureIds.get(names[j]);
            // A feature Tribuo never saw (always zero after scaling) keeps weight 0.
            if (info != null) {
                weights[j] = w.get(event, info.getID()) - w.get(none, info.getID());
            }
        }
        int bias = featureIds.size();
        double intercept = w.get(event, bias) - w.get(none, bias);
        return new LogisticModel(features, means, scales, weights, intercept);
    }
}
