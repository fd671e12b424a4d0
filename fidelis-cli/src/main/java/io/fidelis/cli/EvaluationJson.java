package io.fidelis.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fidelis.core.evaluation.Arm;
import io.fidelis.core.evaluation.ArmCounts;
import io.fidelis.core.evaluation.Comparison;
import io.fidelis.core.evaluation.Estimate;
import io.fidelis.core.evaluation.Finding;
import io.fidelis.core.evaluation.GroupSize;
import io.fidelis.core.evaluation.InsufficientData;
import io.fidelis.core.evaluation.Level;
import io.fidelis.core.evaluation.Outcome;
import io.fidelis.core.evaluation.Period;
import io.fidelis.store.AssignmentSet;
import io.fidelis.store.FilesInPlace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An evaluation as JSON: the whole result ({@code --json}) and the chart data ({@code --chart-data FILE}), both with
 * the provenance. Numbers are in the estimand's own unit in the result (proportions 0..1, ratios, satisfaction points,
 * NPS points) and in display units in the chart data (percent for rates).
 */
final class EvaluationJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final EvaluationReport report;
    private final EvaluateStrategy.Result result;

    EvaluationJson(EvaluationReport report) {
        this.report = report;
        this.result = report.result();
    }

    /** The whole result, as {@code --json} prints it. */
    String result() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.set("provenance", provenance());
        ArrayNode outcomes = root.putArray("outcomes");
        for (Outcome outcome : Outcome.values()) {
            ObjectNode node = outcomes.addObject();
            node.put("outcome", outcome.code());
            node.put("label", EvaluationLabels.outcome(outcome));
            node.put("kind", outcome.isRate() ? "rate" : "mean");
            node.put(
                    "unit",
                    outcome.isRate()
                            ? "proportion (0..1); differences in proportion units"
                            : EvaluationLabels.levelUnit(outcome));
            node.put("definition", outcome.definition());
            ArrayNode groups = node.putArray("groups");
            for (Comparison comparison : comparisons(outcome)) {
                ObjectNode group = groups.addObject();
                group.put("group", comparison.group());
                ObjectNode levels = group.putObject("levels");
                for (Arm arm : Arm.values()) {
                    ObjectNode periods = levels.putObject(arm.code());
                    Optional<Level> before =
                            arm == Arm.TREATMENT ? comparison.treatmentBefore() : comparison.controlBefore();
                    Level after = arm == Arm.TREATMENT ? comparison.treatmentAfter() : comparison.controlAfter();
                    before.ifPresent(level -> periods.set("before", level(outcome, level)));
                    periods.set("after", level(outcome, after));
                }
                group.set("treatment_minus_control_after", finding(comparison.difference()));
                comparison.ratio().ifPresent(ratio -> group.set("treatment_over_control_after", finding(ratio)));
                comparison
                        .differenceInDifferences()
                        .ifPresent(did -> group.set("difference_in_differences", finding(did)));
            }
        }
        ArrayNode warnings = root.putArray("warnings");
        result.warnings().forEach(warnings::add);
        return JSON.writeValueAsString(root);
    }

    private ObjectNode provenance() {
        ObjectNode node = JSON.createObjectNode();
        node.put("strategy_id", result.strategyId());
        node.put("start", result.start().toString());
        node.set("before", period(result.before()));
        node.set("after", period(result.after()));
        AssignmentSet set = result.assignments();
        ObjectNode assignment = node.putObject("assignment");
        assignment.put("set_id", set.setId());
        assignment.put("source", set.source().code());
        putNullable(assignment, "run_id", set.runId());
        assignment.put(
                "assigned_on",
                set.assignedOn() == null ? null : set.assignedOn().toString());
        putNullable(assignment, "seed", set.seed());
        if (set.treatmentShare() == null) {
            assignment.putNull("treatment_share");
        } else {
            assignment.put("treatment_share", set.treatmentShare());
        }
        assignment.put("file", set.fileName());
        assignment.put("file_sha256", set.fileSha256());
        assignment.put("treatment", set.treatment());
        assignment.put("control", set.control());
        ObjectNode strata = assignment.putObject("counts_by_stratum");
        for (Map.Entry<String, ArmCounts> entry : result.countsByStratum().entrySet()) {
            ObjectNode arms = strata.putObject(entry.getKey());
            arms.put("treatment", entry.getValue().treatment());
            arms.put("control", entry.getValue().control());
        }
        node.put(
                "tier_at_start",
                result.tierSource() == EvaluateStrategy.TierSource.STRATUM
                        ? "stratum recorded at assignment"
                        : "stratum recorded at assignment, else run "
                                + result.tierRun().runId());
        node.put("input_fingerprint", result.inputFingerprint());
        node.put("code_version", result.codeVersion());
        node.put("minimum_group_size", result.settings().minimumGroupSize());
        node.put("confidence_level", result.settings().confidenceLevel());
        node.put(
                "p_holm",
                "Holm-adjusted over every treatment_minus_control_after and difference_in_differences with an"
                        + " estimate");
        return node;
    }

    private static ObjectNode period(Period period) {
        ObjectNode node = JSON.createObjectNode();
        node.put("starts_after", period.start().toString());
        node.put("ends_on", period.end().toString());
        node.put("text", period.toString());
        return node;
    }

    private static void putNullable(ObjectNode node, String name, Long value) {
        if (value == null) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }

    private ObjectNode level(Outcome outcome, Level level) {
        ObjectNode node = finding(level.estimate());
        node.put(outcome.isRate() ? "events" : "answers", level.observations());
        node.put("customers", level.customers());
        return node;
    }

    private ObjectNode finding(Finding finding) {
        ObjectNode node = JSON.createObjectNode();
        if (finding instanceof Estimate e) {
            node.put("status", "estimate");
            node.put("point", e.point());
            node.put("lower", e.lower());
            node.put("upper", e.upper());
            if (e.pValue().isPresent()) {
                node.put("p_value", e.pValue().getAsDouble());
            }
            report.holm(e).ifPresent(p -> node.put("p_holm", p));
            node.put("confidence_level", e.confidenceLevel());
        } else {
            InsufficientData insufficient = (InsufficientData) finding;
            node.put("status", "not_enough_data");
            node.put("text", EvaluationReport.notEnough(insufficient));
            node.put("minimum_group_size", insufficient.minimumGroupSize());
            node.set("too_small", sizes(insufficient.tooSmall()));
        }
        node.put("method", finding.method().code());
        node.set("groups", sizes(finding.groups()));
        return node;
    }

    private static ArrayNode sizes(List<GroupSize> groups) {
        ArrayNode array = JSON.createArrayNode();
        for (GroupSize group : groups) {
            array.addObject().put("group", group.group()).put("size", group.size());
        }
        return array;
    }

    private List<Comparison> comparisons(Outcome outcome) {
        return result.comparisons().stream().filter(c -> c.outcome() == outcome).toList();
    }

    /**
     * The chart data: per outcome a chart of the levels (one series per arm and period) and a chart of the effects
     * (treatment - control after, difference-in-differences; and the ratio for rates), categories the groups. Each
     * data item is {@code {"value": [category index, value, lower, upper], ...}}, nulls when there was not enough
     * data, as an ECharts custom series with error bars reads it (see docs/runs-and-commands.md).
     */
    String chartData() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.set("provenance", provenance());
        root.put(
                "format",
                "each chart: categories (x axis) and series; each data item {value: [category index, value, lower,"
                        + " upper], n, text}; value and limits null when there was not enough data; a custom series"
                        + " draws the bar or point and its error bar from value[1..3]");
        ArrayNode charts = root.putArray("charts");
        for (Outcome outcome : Outcome.values()) {
            List<Comparison> rows = comparisons(outcome);
            ObjectNode levels = chart(
                    charts,
                    outcome.code() + ".levels",
                    EvaluationLabels.outcome(outcome),
                    EvaluationLabels.levelUnit(outcome),
                    rows,
                    null);
            ArrayNode levelSeries = levels.putArray("series");
            for (Arm arm : Arm.values()) {
                if (outcome.hasPeriodBefore()) {
                    series(
                            levelSeries,
                            EvaluationLabels.arm(arm) + " · before 之前",
                            arm.code(),
                            "before",
                            rows,
                            c -> (arm == Arm.TREATMENT ? c.treatmentBefore() : c.controlBefore())
                                    .orElseThrow()
                                    .estimate(),
                            EvaluationLabels.scale(outcome));
                }
                series(
                        levelSeries,
                        EvaluationLabels.arm(arm) + " · after 之后",
                        arm.code(),
                        "after",
                        rows,
                        c -> (arm == Arm.TREATMENT ? c.treatmentAfter() : c.controlAfter()).estimate(),
                        EvaluationLabels.scale(outcome));
            }
            ObjectNode effects = chart(
                    charts,
                    outcome.code() + ".effects",
                    EvaluationLabels.outcome(outcome) + ": effects 效果",
                    EvaluationLabels.differenceUnit(outcome),
                    rows,
                    0.0);
            ArrayNode effectSeries = effects.putArray("series");
            series(
                    effectSeries,
                    "treatment - control after 处理组-对照组",
                    null,
                    "after",
                    rows,
                    Comparison::difference,
                    EvaluationLabels.scale(outcome));
            if (outcome.hasPeriodBefore()) {
                series(
                        effectSeries,
                        "difference-in-differences 双重差分",
                        null,
                        null,
                        rows,
                        c -> c.differenceInDifferences().orElseThrow(),
                        EvaluationLabels.scale(outcome));
            }
            if (outcome.isRate()) {
                ObjectNode ratio = chart(
                        charts,
                        outcome.code() + ".ratio",
                        EvaluationLabels.outcome(outcome) + ": treatment / control 比值",
                        "ratio",
                        rows,
                        1.0);
                series(
                        ratio.putArray("series"),
                        "treatment / control after 处理组/对照组",
                        null,
                        "after",
                        rows,
                        c -> c.ratio().orElseThrow(),
                        1);
            }
        }
        return JSON.writeValueAsString(root);
    }

    private static ObjectNode chart(
            ArrayNode charts, String id, String title, String unit, List<Comparison> rows, Double reference) {
        ObjectNode chart = charts.addObject();
        chart.put("id", id);
        chart.put("title", title);
        chart.put("unit", unit);
        if (reference != null) {
            chart.put("reference_line", reference);
        }
        ArrayNode categories = chart.putArray("categories");
        ArrayNode groups = chart.putArray("groups");
        for (Comparison comparison : rows) {
            categories.add(EvaluationLabels.group(comparison.group()));
            groups.add(comparison.group());
        }
        return chart;
    }

    private static void series(
            ArrayNode series,
            String name,
            String arm,
            String period,
            List<Comparison> rows,
            Function<Comparison, Finding> finding,
            double scale) {
        ObjectNode node = series.addObject();
        node.put("name", name);
        if (arm != null) {
            node.put("arm", arm);
        }
        if (period != null) {
            node.put("period", period);
        }
        ArrayNode data = node.putArray("data");
        for (int i = 0; i < rows.size(); i++) {
            Finding f = finding.apply(rows.get(i));
            ObjectNode item = data.addObject();
            ArrayNode value = item.putArray("value");
            value.add(i);
            int smallest = f.groups().stream().mapToInt(GroupSize::size).min().orElse(0);
            item.put("n", smallest);
            if (f instanceof Estimate e) {
                value.add(e.point() * scale);
                value.add(e.lower() * scale);
                value.add(e.upper() * scale);
            } else {
                value.addNull();
                value.addNull();
                value.addNull();
                item.put("text", EvaluationReport.notEnough((InsufficientData) f));
            }
        }
    }

    /** Writes {@code text} to {@code file} whole or not at all: beside it first, then moved into place. */
    static void write(Path file, String text) throws IOException {
        FilesInPlace.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
