package io.fidelis.core.classification;

import io.fidelis.core.features.Evidence;
import io.fidelis.core.features.FeatureId;
import io.fidelis.core.features.FeatureValue;
import io.fidelis.core.strategy.Actions;
import io.fidelis.core.strategy.Conflict;
import io.fidelis.core.strategy.Outreach;
import io.fidelis.core.strategy.RiskSignal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Renders reasons, conflicts, actions and labels in English or Chinese from their codes. The texts live in a Java
 * table in this package (no resource files), so the core stays free of I/O; every code has both languages.
 */
public final class Messages {

    private Messages() {}

    /** The label of a tier, stage, feature, action, benefit, risk signal, loan status or close reason. */
    public static String label(Enum<?> value, Language language) {
        Texts.Pair text = Texts.of(value);
        if (text == null) {
            throw new IllegalArgumentException(
                    "no text for " + value.getDeclaringClass().getSimpleName() + "." + value);
        }
        return text.in(language);
    }

    /** The template of a reason, with {@code {0}}, {@code {1}}... standing for its args. */
    public static String template(ReasonCode code, Language language) {
        return label(code, language);
    }

    /** A reason as one sentence with its evidence, e.g. {@code Repays on time (on-time repayment rate: 95.0%)}. */
    public static String reason(Reason reason, Language language) {
        String text = template(reason.code(), language);
        List<Object> args = reason.args();
        for (int i = 0; i < args.size(); i++) {
            text = text.replace("{" + i + "}", arg(args.get(i), language));
        }
        return text + evidence(reason.evidence(), language);
    }

    /** A conflict as one sentence, e.g. {@code Withheld: priority approval, because of arrears above the limit}. */
    public static String conflict(Conflict conflict, Language language) {
        StringBuilder signals = new StringBuilder();
        for (RiskSignal signal : conflict.signals()) {
            if (signals.length() > 0) {
                signals.append(language == Language.CHINESE ? "、" : ", ");
            }
            signals.append(label(signal, language));
        }
        String benefit = label(conflict.benefit(), language);
        String text = language == Language.CHINESE
                ? "已暂停" + benefit + "，原因：" + signals
                : "Withheld: " + benefit + ", because of " + signals;
        return text + evidence(conflict.evidence(), language);
    }

    /** The actions in one line: pricing, rating, route, credit line, outreach. */
    public static String actions(Actions actions, Language language) {
        boolean chinese = language == Language.CHINESE;
        StringBuilder out = new StringBuilder();
        out.append(chinese ? "利率调整 " : "pricing ")
                .append(signed(actions.pricingBps()))
                .append(chinese ? " 基点" : " bps");
        out.append(chinese ? "；评级 " : "; rating ").append(signed(actions.ratingNotch()));
        out.append(chinese ? "；" : "; ").append(label(actions.approvalRoute(), language));
        out.append(chinese ? "；" : "; ").append(label(actions.creditLine(), language));
        if (!actions.outreach().isEmpty()) {
            out.append(chinese ? "；客户沟通：" : "; outreach: ");
            for (int i = 0; i < actions.outreach().size(); i++) {
                Outreach outreach = actions.outreach().get(i);
                out.append(i == 0 ? "" : chinese ? "、" : ", ").append(label(outreach, language));
            }
        }
        return out.toString();
    }

    /** A feature value with its unit, e.g. {@code 95.0%}, {@code 120 days}, {@code unknown}. */
    public static String value(FeatureId feature, FeatureValue value, Language language) {
        boolean chinese = language == Language.CHINESE;
        if (!value.present()) {
            return chinese ? "未知" : "unknown";
        }
        double v = value.value();
        return switch (feature.unit()) {
            case RATIO -> String.format(Locale.ROOT, "%.1f%%", v * 100);
            case DAYS -> whole(v) + (chinese ? "天" : " days");
            case MONTHS -> whole(v) + (chinese ? "个月" : " months");
            case COUNT -> whole(v);
            case AMOUNT -> String.format(Locale.ROOT, "%,.2f", v);
            case SCALE_1_TO_5 -> String.format(Locale.ROOT, "%.1f/5", v);
            case SCALE_0_TO_10 -> String.format(Locale.ROOT, "%.1f/10", v);
            case SCALE_POINTS -> String.format(Locale.ROOT, "%+.2f", v);
            case FLAG -> v != 0 ? (chinese ? "是" : "yes") : (chinese ? "否" : "no");
            case EXPECTED_COUNT -> String.format(Locale.ROOT, "%.2f", v);
        };
    }

    private static String evidence(List<Evidence> evidence, Language language) {
        if (evidence.isEmpty()) {
            return "";
        }
        boolean chinese = language == Language.CHINESE;
        StringBuilder out = new StringBuilder(chinese ? "（" : " (");
        for (int i = 0; i < evidence.size(); i++) {
            Evidence one = evidence.get(i);
            if (i > 0) {
                out.append(chinese ? "；" : "; ");
            }
            out.append(label(one.feature(), language))
                    .append(chinese ? "：" : ": ")
                    .append(value(one.feature(), one.value(), language));
        }
        return out.append(chinese ? "）" : ")").toString();
    }

    private static String arg(Object arg, Language language) {
        if (arg instanceof Enum<?> value) {
            return label(value, language);
        }
        if (arg instanceof Double number) {
            return number == Math.rint(number) ? whole(number) : String.format(Locale.ROOT, "%.2f", number);
        }
        if (arg instanceof LocalDate date) {
            return date.toString();
        }
        String text = String.valueOf(arg);
        if (text.isBlank()) {
            return language == Language.CHINESE ? "未说明" : "not given";
        }
        return text;
    }

    private static String whole(double value) {
        return Long.toString(Math.round(value));
    }

    private static String signed(int value) {
        return value > 0 ? "+" + value : Integer.toString(value);
    }
}
