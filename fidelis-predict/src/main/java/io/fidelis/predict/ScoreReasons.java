package io.fidelis.predict;

import io.fidelis.core.classification.Language;
import io.fidelis.core.classification.Messages;
import io.fidelis.core.features.FeatureId;
import io.fidelis.core.features.FeatureUnit;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a model's contributions as reasons, like the rules' reasons: the feature's label (the core's English and
 * Chinese labels), the customer's value, and how much it moved the churn or default risk, in log-odds against the
 * average customer of the training data. Contributions are exact for the logistic model: they add up, with the
 * intercept, to the score's log-odds.
 */
public final class ScoreReasons {

    private ScoreReasons() {}

    /** The {@code count} largest contributions that raise the risk, then those that lower it, one sentence each. */
    public static List<String> render(List<ScoreContribution> contributions, int count, Language language) {
        List<String> lines = new ArrayList<>();
        contributions.stream()
                .filter(c -> Math.abs(c.logOdds()) >= 0.005)
                .limit(count)
                .forEach(c -> lines.add(sentence(c, language)));
        return lines;
    }

    /** One contribution as a sentence, e.g. {@code days since last activity 120 days: raises the risk (log-odds +0.85)}. */
    public static String sentence(ScoreContribution contribution, Language language) {
        boolean chinese = language == Language.CHINESE;
        String direction = contribution.logOdds() > 0
                ? (chinese ? "提高风险" : "raises the risk")
                : (chinese ? "降低风险" : "lowers the risk");
        String effect = String.format(Locale.ROOT, "%+.2f", contribution.logOdds());
        return chinese
                ? describe(contribution, language) + "：" + direction + "（对数几率 " + effect + "）"
                : describe(contribution, language) + ": " + direction + " (log-odds " + effect + ")";
    }

    static String describe(ScoreContribution contribution, Language language) {
        boolean chinese = language == Language.CHINESE;
        String name = contribution.feature();
        double value = contribution.value();
        if (name.equals(ChurnFeatures.P_ALIVE)) {
            return (chinese ? "仍活跃的概率（BG/NBD）" : "probability still active (BG/NBD)")
                    + String.format(Locale.ROOT, " %.1f%%", value * 100);
        }
        if (name.equals(ChurnFeatures.EXPECTED_ACTIVITY)) {
            return (chinese ? "未来26周预期往来次数（BG/NBD）" : "expected activity in the next 26 weeks (BG/NBD)")
                    + String.format(Locale.ROOT, " %.2f", value);
        }
        if (name.equals("loyalty_score")) {
            return (chinese ? "忠诚度评分 " : "loyalty score ") + String.format(Locale.ROOT, "%.1f", value);
        }
        if (name.startsWith("stage=")) {
            Stage stage = Stage.valueOf(name.substring(6).toUpperCase(Locale.ROOT));
            String label = Messages.label(stage, language);
            return value != 0 ? (chinese ? "阶段为" : "stage is ") + label : (chinese ? "阶段不是" : "stage is not ") + label;
        }
        if (name.startsWith("tier=")) {
            Tier tier = Tier.valueOf(name.substring(5).toUpperCase(Locale.ROOT));
            String label = Messages.label(tier, language);
            return value != 0 ? (chinese ? "忠诚度为" : "tier is ") + label : (chinese ? "忠诚度不是" : "tier is not ") + label;
        }
        boolean missing = name.endsWith(":missing");
        String code = missing ? name.substring(0, name.length() - ":missing".length()) : name;
        FeatureId feature = feature(code);
        if (feature == null) {
            return name + " " + String.format(Locale.ROOT, "%.2f", value);
        }
        String label = Messages.label(feature, language);
        if (missing) {
            return value != 0 ? label + (chinese ? "：无数据" : ": no data") : label + (chinese ? "：有数据" : ": known");
        }
        double shown = ChurnFeatures.compressed(feature.unit()) ? Math.expm1(value) : value;
        return label + " " + format(feature.unit(), shown, chinese);
    }

    private static String format(FeatureUnit unit, double v, boolean chinese) {
        return switch (unit) {
            case RATIO -> String.format(Locale.ROOT, "%.1f%%", v * 100);
            case DAYS -> Math.round(v) + (chinese ? "天" : " days");
            case MONTHS -> Math.round(v) + (chinese ? "个月" : " months");
            case AMOUNT -> String.format(Locale.ROOT, "%,.0f", v);
            case FLAG -> v != 0 ? (chinese ? "是" : "yes") : (chinese ? "否" : "no");
            default -> String.format(Locale.ROOT, "%.2f", v).replaceAll("\\.00$", "");
        };
    }

    private static FeatureId feature(String code) {
        for (FeatureId id : FeatureId.values()) {
            if (id.code().equals(code)) {
                return id;
            }
        }
        return null;
    }
}
