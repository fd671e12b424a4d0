package io.fidelis.cli;

import io.fidelis.core.classification.Language;
import io.fidelis.core.classification.Messages;
import io.fidelis.core.evaluation.Comparison;
import io.fidelis.core.evaluation.Estimate;
import io.fidelis.core.evaluation.MigrationMatrix;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import io.fidelis.store.RunCounts;
import io.fidelis.store.RunProvenance;
import java.util.List;
import java.util.Locale;

/** The report as one self-contained HTML page: inline CSS, SVG charts drawn here, every text escaped. */
final class ReportHtml {

    private static final String[] COLOURS = {"#2e7d32", "#1565c0", "#f9a825", "#c62828", "#6a1b9a", "#00838f"};

    private final ReportCommand.Lang lang;
    private final StringBuilder html = new StringBuilder();

    ReportHtml(ReportCommand.Lang lang) {
        this.lang = lang;
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** A label in the report's language(s), escaped. */
    String label(String english, String chinese) {
        return escape(
                switch (lang) {
                    case EN -> english;
                    case ZH -> chinese;
                    case BOTH -> english + " " + chinese;
                });
    }

    String tier(Tier tier) {
        return label(tier.code(), Messages.label(tier, Language.CHINESE));
    }

    String stage(Stage stage) {
        return label(stage.code(), Messages.label(stage, Language.CHINESE));
    }

    String render(ReportCommand.Data data) {
        RunProvenance p = data.run().provenance();
        html.append("<!DOCTYPE html>\n<html lang=\"")
                .append(lang == ReportCommand.Lang.ZH ? "zh" : "en")
                .append("\"><head><meta charset=\"utf-8\"><title>")
                .append(label("Fidelis report", "Fidelis 报告"))
                .append("</title><style>")
                .append("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}"
                        + "td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th{background:#f3f3f3}"
                        + "td:first-child,th:first-child{text-align:left}dl{display:grid;grid-template-columns:max-content"
                        + " auto;gap:2px 12px}dt{font-weight:bold}svg{display:block;margin:1em 0}"
                        + "text{font-family:sans-serif;font-size:12px}")
                .append("</style></head><body>\n");
        html.append("<h1>").append(label("Customer loyalty report", "客户忠诚度报告")).append("</h1>\n<dl>");
        provenance(label("run", "运行"), Long.toString(data.run().runId()));
        provenance(label("as of", "截至日期"), p.asOf().toString());
        provenance(label("customers", "客户数"), Long.toString(data.run().customers()));
        provenance(label("policy", "策略"), p.policyLabel() + " " + p.policySha256());
        provenance(label("input fingerprint", "输入指纹"), p.inputFingerprint());
        provenance(label("code version", "代码版本"), "fidelis " + p.codeVersion());
        html.append("</dl>\n");
        distribution(data.counts());
        if (!data.trendRuns().isEmpty()) {
            trend(data);
        }
        if (data.migration() != null) {
            migration(data);
        }
        for (ReportCommand.StrategyEvaluation evaluation : data.evaluations()) {
            evaluation(evaluation);
        }
        html.append("</body></html>\n");
        return html.toString();
    }

    private void provenance(String name, String value) {
        html.append("<dt>")
                .append(name)
                .append("</dt><dd>")
                .append(escape(value))
                .append("</dd>");
    }

    private void distribution(RunCounts counts) {
        html.append("<h2>")
                .append(label("Customers by tier and stage", "按等级和阶段的客户数"))
                .append("</h2>\n");
        html.append("<table><tr><th></th>");
        for (Stage stage : Stage.values()) {
            html.append("<th>").append(stage(stage)).append("</th>");
        }
        html.append("<th>").append(label("total", "合计")).append("</th></tr>\n");
        for (Tier tier : Tier.values()) {
            html.append("<tr><td>").append(tier(tier)).append("</td>");
            for (Stage stage : Stage.values()) {
                html.append("<td>").append(counts.count(tier, stage)).append("</td>");
            }
            html.append("<td>").append(counts.total(tier)).append("</td></tr>\n");
        }
        html.append("</table>\n");
        // bar chart: one bar per tier
        long max = 1;
        for (Tier tier : Tier.values()) {
            max = Math.max(max, counts.total(tier));
        }
        int rowHeight = 28;
        int width = 640;
        int labelWidth = 200;
        html.append(String.format(
                Locale.ROOT,
                "<svg width=\"%d\" height=\"%d\" role=\"img\">",
                width,
                rowHeight * Tier.values().length + 10));
        int y = 5;
        int i = 0;
        for (Tier tier : Tier.values()) {
            double w = (width - labelWidth - 60) * (double) counts.total(tier) / max;
            html.append(String.format(
                    Locale.ROOT,
                    "<text x=\"0\" y=\"%d\">%s</text><rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>"
                            + "<text x=\"%.1f\" y=\"%d\">%d</text>",
                    y + 16,
                    tier(tier),
                    labelWidth,
                    y,
                    w,
                    rowHeight - 8,
                    COLOURS[i++ % COLOURS.length],
                    labelWidth + w + 4,
                    y + 16,
                    counts.total(tier)));
            y += rowHeight;
        }
        html.append("</svg>\n");
    }

    private void trend(ReportCommand.Data data) {
        html.append("<h2>")
                .append(label("Trend over the month-end runs", "月末运行趋势"))
                .append("</h2>\n");
        int n = data.trendRuns().size();
        long max = 1;
        for (RunCounts counts : data.trendCounts()) {
            for (Tier tier : Tier.values()) {
                max = Math.max(max, counts.total(tier));
            }
        }
        int left = 50;
        int top = 20;
        int plotWidth = 700;
        int plotHeight = 260;
        html.append(String.format(
                Locale.ROOT,
                "<svg width=\"%d\" height=\"%d\" role=\"img\">",
                left + plotWidth + 220,
                top + plotHeight + 60));
        html.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>"
                        + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>"
                        + "<text x=\"0\" y=\"%d\">%d</text><text x=\"0\" y=\"%d\">0</text>",
                left,
                top,
                left,
                top + plotHeight,
                left,
                top + plotHeight,
                left + plotWidth,
                top + plotHeight,
                top + 4,
                max,
                top + plotHeight));
        for (int j = 0; j < n; j++) {
            double x = left + (n == 1 ? 0 : plotWidth * (double) j / (n - 1));
            if (j == 0 || j == n - 1 || n <= 13) {
                html.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"10\">%s</text>",
                        x,
                        top + plotHeight + 16,
                        escape(data.trendRuns()
                                .get(j)
                                .provenance()
                                .asOf()
                                .toString()
                                .substring(0, 7))));
            }
        }
        int i = 0;
        for (Tier tier : Tier.values()) {
            String colour = COLOURS[i % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (int j = 0; j < n; j++) {
                double x = left + plotWidth * (double) j / (n - 1);
                double y = top
                        + plotHeight
                        - plotHeight * (double) data.trendCounts().get(j).total(tier) / max;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            html.append(String.format(
                    Locale.ROOT,
                    "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>"
                            + "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                            + "<text x=\"%d\" y=\"%d\">%s</text>",
                    colour,
                    points.toString().strip(),
                    left + plotWidth + 20,
                    top + i * 20,
                    colour,
                    left + plotWidth + 36,
                    top + i * 20 + 11,
                    tier(tier)));
            i++;
        }
        html.append("</svg>\n");
    }

    private void migration(ReportCommand.Data data) {
        MigrationMatrix matrix = data.migration();
        html.append("<h2>")
                .append(label("Tier migration", "等级迁移"))
                .append(" ")
                .append(escape(matrix.fromDate() + " → " + matrix.toDate()))
                .append("</h2>\n<p>")
                .append(label("rows", "行"))
                .append(": run ")
                .append(data.migrationFrom().runId())
                .append("; ")
                .append(label("columns", "列"))
                .append(": run ")
                .append(data.run().runId())
                .append("; ")
                .append(label("shading", "底色"))
                .append(": ")
                .append(label("row share", "行占比"))
                .append("</p>\n<table><tr><th></th>");
        for (String to : matrix.labels()) {
            html.append("<th>").append(code(to)).append("</th>");
        }
        html.append("<th>").append(label("total", "合计")).append("</th></tr>\n");
        for (String from : matrix.labels()) {
            html.append("<tr><td>").append(code(from)).append("</td>");
            for (String to : matrix.labels()) {
                double share = matrix.rowShare(from, to);
                double alpha = Double.isNaN(share) ? 0 : share;
                html.append(String.format(
                        Locale.ROOT,
                        "<td style=\"background:rgba(21,101,192,%.2f);color:%s\" title=\"%s\">%d</td>",
                        alpha,
                        alpha > 0.55 ? "#fff" : "#222",
                        Double.isNaN(share) ? "" : TextTable.percent(share),
                        matrix.count(from, to)));
            }
            html.append("<td>").append(matrix.rowTotal(from)).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private String code(String code) {
        return label(code.equals(MigrationMatrix.ABSENT) ? "absent" : code, MigrateCommand.chinese(code));
    }

    private void evaluation(ReportCommand.StrategyEvaluation evaluation) {
        EvaluateStrategy.Result result = evaluation.result();
        html.append("<h2>")
                .append(label("Strategy evaluation", "策略评估"))
                .append(": ")
                .append(escape(evaluation.strategyId()))
                .append("</h2>\n<p>")
                .append(label("start", "开始"))
                .append(" ")
                .append(escape(result.start().toString()))
                .append("; ")
                .append(label("treatment − control after the start, 95% interval", "开始后处理组 − 对照组，95% 区间"))
                .append("</p>\n");
        List<Comparison> rows = result.comparisons().stream()
                .filter(c -> c.difference() instanceof Estimate)
                .toList();
        if (rows.isEmpty()) {
            html.append("<p>").append(label("not enough data", "数据不足")).append("</p>\n");
            return;
        }
        // forest plot: each outcome on its own scale, one row per group
        int rowHeight = 22;
        int labelWidth = 360;
        int plotWidth = 380;
        for (var outcome : rows.stream().map(Comparison::outcome).distinct().toList()) {
            List<Comparison> group =
                    rows.stream().filter(c -> c.outcome() == outcome).toList();
            double scale = EvaluationLabels.scale(outcome);
            double lo = 0;
            double hi = 0;
            for (Comparison c : group) {
                Estimate e = (Estimate) c.difference();
                lo = Math.min(lo, e.lower() * scale);
                hi = Math.max(hi, e.upper() * scale);
            }
            double span = hi - lo == 0 ? 1 : hi - lo;
            double l = lo;
            java.util.function.DoubleUnaryOperator x = v -> labelWidth + plotWidth * (v - l) / span;
            int height = rowHeight * (group.size() + 1) + 10;
            html.append(String.format(
                    Locale.ROOT,
                    "<svg width=\"%d\" height=\"%d\" role=\"img\">"
                            + "<text x=\"0\" y=\"14\" font-weight=\"bold\">%s (%s)</text>"
                            + "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#888\" stroke-dasharray=\"3\"/>",
                    labelWidth + plotWidth + 140,
                    height,
                    escape(EvaluationLabels.outcome(outcome)),
                    escape(EvaluationLabels.differenceUnit(outcome)),
                    x.applyAsDouble(0),
                    rowHeight,
                    x.applyAsDouble(0),
                    height));
            int y = rowHeight + rowHeight / 2;
            for (Comparison c : group) {
                Estimate e = (Estimate) c.difference();
                html.append(String.format(
                        Locale.ROOT,
                        "<text x=\"10\" y=\"%d\">%s</text>"
                                + "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#1565c0\" stroke-width=\"2\"/>"
                                + "<circle cx=\"%.1f\" cy=\"%d\" r=\"4\" fill=\"#c62828\"/>"
                                + "<text x=\"%d\" y=\"%d\">%s [%s, %s]</text>",
                        y + 4,
                        escape(EvaluationLabels.group(c.group())),
                        x.applyAsDouble(e.lower() * scale),
                        y,
                        x.applyAsDouble(e.upper() * scale),
                        y,
                        x.applyAsDouble(e.point() * scale),
                        y,
                        labelWidth + plotWidth + 10,
                        y + 4,
                        escape(EvaluationLabels.number(outcome, e.point())),
                        escape(EvaluationLabels.number(outcome, e.lower())),
                        escape(EvaluationLabels.number(outcome, e.upper()))));
                y += rowHeight;
            }
            html.append("</svg>\n");
        }
    }
}
