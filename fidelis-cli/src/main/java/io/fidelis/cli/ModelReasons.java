package io.fidelis.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fidelis.core.classification.Language;
import io.fidelis.predict.ModelAlgorithm;
import io.fidelis.predict.ModelProvenance;
import io.fidelis.predict.ScoreContribution;
import io.fidelis.predict.ScoreReasons;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * A stored model's score of the explained customer and why, for {@code explain --model}: the probability, the
 * log-odds as a baseline plus every feature's contribution, rendered like the rule reasons. For a logistic model the
 * baseline is the average training customer's log-odds and the split is exact; for boosted trees it is the expected
 * margin over the training data and the contributions are TreeSHAP values (adding up to the margin up to xgboost's
 * float rounding).
 *
 * @param id the stored model's id, e.g. {@code churn-1}
 * @param provenance where the model came from (kind, policy, trainer)
 * @param algorithm logistic regression or boosted trees
 * @param probability the customer's probability of the event
 * @param intercept the baseline log-odds: the intercept (logistic) or the TreeSHAP bias (trees)
 * @param margin the customer's log-odds as the model computes it
 * @param contributions every feature's contribution, largest in absolute value first
 * @param policyLabel the policy the explained classification is under, to say when the model was trained under another
 */
record ModelReasons(
        String id,
        ModelProvenance provenance,
        ModelAlgorithm algorithm,
        double probability,
        double intercept,
        double margin,
        List<ScoreContribution> contributions,
        String policyLabel) {

    /** Contributions shown in the text; the JSON has them all. */
    static final int SHOWN = 5;

    private boolean churn() {
        return provenance.kind().equals("churn");
    }

    private String trainedUnder() {
        return provenance.policyId() + "@" + provenance.policyVersion();
    }

    private boolean trees() {
        return algorithm == ModelAlgorithm.TREES;
    }

    void printText(PrintWriter out, Language language) {
        boolean chinese = language == Language.CHINESE;
        double logOdds = margin;
        String what = churn()
                ? (chinese
                        ? provenance.horizonMonths() + "个月内流失"
                        : "churn within " + provenance.horizonMonths() + " months")
                : (chinese
                        ? provenance.horizonMonths() + "个月内违约"
                        : "default within " + provenance.horizonMonths() + " months");
        out.printf(
                Locale.ROOT,
                chinese
                        ? (trees() ? "模型 %s（%s，梯度提升树，TreeSHAP分解）：%.1f%%%n" : "模型 %s（%s，逻辑回归，精确分解）：%.1f%%%n")
                        : (trees()
                                ? "Model %s (%s, boosted trees, TreeSHAP): %.1f%%%n"
                                : "Model %s (%s, logistic regression, exact): %.1f%%%n"),
                id,
                what,
                100 * probability);
        out.printf(
                Locale.ROOT,
                chinese
                        ? (trees() ? "  对数几率 %+.2f = 训练集期望 %+.2f + 各特征贡献：%n" : "  对数几率 %+.2f = 平均客户 %+.2f + 各特征贡献：%n")
                        : (trees()
                                ? "  log-odds %+.2f = expected over training %+.2f + contributions:%n"
                                : "  log-odds %+.2f = average customer %+.2f + contributions:%n"),
                logOdds,
                intercept);
        for (String reason : ScoreReasons.render(contributions, SHOWN, language)) {
            out.println("  - " + reason);
        }
        if (!trainedUnder().equals(policyLabel)) {
            out.println(
                    chinese
                            ? "  注意：模型基于政策 " + trainedUnder() + " 训练，此处特征按 " + policyLabel + " 计算"
                            : "  note: the model was trained under " + trainedUnder() + "; these features are under "
                                    + policyLabel);
        }
    }

    void json(ObjectNode node, Language language) {
        node.put("id", id);
        node.put("kind", provenance.kind());
        node.put("algorithm", algorithm.code());
        node.put(
                "method",
                trees()
                        ? "boosted trees: TreeSHAP contributions; intercept is the expected margin over the training"
                                + " data; they add up to log_odds up to float rounding"
                        : "logistic regression: exact contributions, weight x standardised value");
        node.put("trained_under_policy", trainedUnder());
        node.put("probability", probability);
        node.put("log_odds", margin);
        node.put("intercept", intercept);
        ArrayNode all = node.putArray("contributions");
        for (ScoreContribution contribution : contributions) {
            ObjectNode one = all.addObject();
            one.put("feature", contribution.feature());
            one.put("value", contribution.value());
            one.put("log_odds", contribution.logOdds());
            one.put("text", ScoreReasons.sentence(contribution, language));
        }
    }
}
