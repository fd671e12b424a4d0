package io.fidelis.cli;

import io.fidelis.core.domain.Coded;
import io.fidelis.core.evaluation.Arm;
import io.fidelis.core.evaluation.EvaluationTable;
import io.fidelis.core.evaluation.Outcome;
import io.fidelis.core.policy.Tier;
import java.util.Locale;

/** English and Chinese names of what an evaluation reports, and how its numbers are written. */
final class EvaluationLabels {

    private EvaluationLabels() {}

    static String outcome(Outcome outcome) {
        return switch (outcome) {
            case DEFAULT_RATE -> "Default rate 违约率";
            case SATISFACTION -> "Mean satisfaction 平均满意度";
            case NPS -> "Net promoter score 净推荐值";
            case CHURN -> "Churn rate 流失率";
            case REACTIVATION -> "Reactivation of dormant customers 沉睡客户唤醒率";
        };
    }

    /** One line on what is counted; the full definitions are in the JSON and in docs/runs-and-commands.md. */
    static String summary(Outcome outcome) {
        return switch (outcome) {
            case DEFAULT_RATE ->
                "customers who defaulted in the period: an installment unpaid 90 days after its due date, or a loan"
                        + " defaulted or written off";
            case SATISFACTION -> "every satisfaction answer (1..5) in the period, pooled over the group's customers";
            case NPS -> "every NPS answer in the period scored +100 (9-10), 0 (7-8), -100 (0-6), pooled";
            case CHURN ->
                "customers who left in the period: closed for a competitor or by themselves, or refinanced the last"
                        + " running loan elsewhere";
            case REACTIVATION ->
                "customers dormant at the start with any activity after it (loan start, payment, interaction)";
        };
    }

    static String group(String group) {
        if (group.equals(EvaluationTable.ALL)) {
            return "all 全部";
        }
        return RunReport.bilingual(Coded.parse(Tier.class, group));
    }

    static String arm(Arm arm) {
        return arm == Arm.TREATMENT ? "treatment 处理组" : "control 对照组";
    }

    /** The unit the chart data and the table write the outcome's levels in. */
    static String levelUnit(Outcome outcome) {
        return switch (outcome) {
            case SATISFACTION -> "points (1..5)";
            case NPS -> "NPS points (-100..100)";
            default -> "percent";
        };
    }

    /** The unit of differences. */
    static String differenceUnit(Outcome outcome) {
        return switch (outcome) {
            case SATISFACTION -> "points";
            case NPS -> "NPS points";
            default -> "percentage points";
        };
    }

    /** Rates are shown in percent, means as they are. */
    static double scale(Outcome outcome) {
        return outcome.isRate() ? 100 : 1;
    }

    /** A level or difference in the outcome's display unit, e.g. {@code 2.9} (%), {@code 3.65}, {@code 12.3}. */
    static String number(Outcome outcome, double value) {
        double shown = value * scale(outcome);
        return switch (outcome) {
            case SATISFACTION -> String.format(Locale.ROOT, "%.2f", shown);
            default -> String.format(Locale.ROOT, "%.1f", shown);
        };
    }

    static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String pValue(double p) {
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }
}
