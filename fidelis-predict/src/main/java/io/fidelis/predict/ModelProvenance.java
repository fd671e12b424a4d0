package io.fidelis.predict;

/**
 * Where a stored model came from, enough to fit it again and get the same weights: the data (the book's input
 * fingerprint, the snapshot dates), the policy whose features and stages it used, the trainer's settings and seed,
 * and the code version. Dates are ISO-8601 text.
 *
 * @param kind what it predicts ("churn")
 * @param asOf the date it was fitted as of: no record after it was used
 * @param inputFingerprint the book's input fingerprint
 * @param policyId the policy's id
 * @param policyVersion the policy's version
 * @param policySha256 the SHA-256 of the policy's bytes
 * @param firstSnapshot the first month-end of the snapshots
 * @param lastTrainingDate the last month-end trained on
 * @param firstTestDate the first month-end of the held-out test
 * @param horizonMonths months from a snapshot to its outcome
 * @param trainer the trainer ("tribuo LinearSGDTrainer, LogMulticlass, AdaGrad", or Tribuo's XGBoost trainer)
 * @param epochs its passes over the data (logistic) or boosting rounds, i.e. trees (trees; the other tree settings are
 *     in the model's {@link StoredTrees#settings()})
 * @param learningRate its initial learning rate (logistic) or eta (trees)
 * @param seed its seed
 * @param trainingUnits snapshots trained on
 * @param trainingEvents of which churned
 * @param codeVersion the fidelis version
 */
public record ModelProvenance(
        String kind,
        String asOf,
        String inputFingerprint,
        String policyId,
        String policyVersion,
        String policySha256,
        String firstSnapshot,
        String lastTrainingDate,
        String firstTestDate,
        int horizonMonths,
        String trainer,
        int epochs,
        double learningRate,
        long seed,
        int trainingUnits,
        int trainingEvents,
        String codeVersion) {}
