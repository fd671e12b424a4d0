package io.fidelis.cli;

import io.fidelis.core.evaluation.Arm;
import io.fidelis.core.evaluation.Comparison;
import io.fidelis.core.evaluation.Estimate;
import io.fidelis.core.evaluation.Finding;
import io.fidelis.core.evaluation.GroupSize;
import io.fidelis.core.evaluation.InsufficientData;
import io.fidelis.core.evaluation.Level;
import io.fidelis.core.evaluation.MultipleTesting;
import io.fidelis.core.evaluation.Outcome;
import io.fidelis.store.AssignmentSet;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An evaluation's result as people read it: the provenance, then per outcome the levels by group, arm and period and
 * the comparisons, labels in English and Chinese, numbers aligned. Also what the JSON and chart writers share: how a
 * finding reads and the Holm-adjusted p-values.
 */
final class EvaluationReport {

    private final EvaluateStrategy.Result result;
    private final Map<Estimate, Double> holm;

    EvaluationReport(EvaluateStrategy.Result result) {
        this.result = result;
        this.holm = holm(result.comparisons());
    }

    EvaluateStrategy.Result result() {
        return result;
    }

    /**
     * The family read together: every treatment - control difference and difference-in-differences with an estimate
     * (ratios test the same as the differences and are left out of the family). Holm keeps the chance of any false
     * positive among them at most 5%.
     */
    private static Map<Estimate, Double> holm(List<Comparison> comparisons) {
        List<Estimate> family = new ArrayList<>();
        for (Comparison comparison : comparisons) {
            comparison.difference().estimate().ifPresent(family::add);
            comparison.differenceInDifferences().flatMap(Finding::estimate).ifPresent(family::add);
        }
        double[] raw =
                family.stream().mapToDouble(e -> e.pValue().orElseThrow()).toArray();
        double[] adjusted = MultipleTesting.holm(raw);
        Map<Estimate, Double> byEstimate = new IdentityHashMap<>();
        for (int i = 0; i < family.size(); i++) {
            byEstimate.put(family.get(i), adjusted[i]);
        }
        return byEstimate;
    }

    /** The Holm-adjusted p-value of a finding in the family, if it is one. */
    OptionalDouble holm(Finding finding) {
        Double adjusted = finding instanceof Estimate estimate ? holm.get(estimate) : null;
        return adjusted == null ? OptionalDouble.empty() : OptionalDouble.of(adjusted);
    }

    /** {@code not enough data (n=12)}: the smallest group's size. */
    static String notEnough(InsufficientData insufficient) {
        int smallest =
                insufficient.tooSmall().stream().mapToInt(GroupSize::size).min().orElse(0);
        return "not enough data (n=" + smallest + ")";
    }

    void print(PrintWriter out) {
        header(out);
        for (Outcome outcome : Outcome.values()) {
            out.println();
            out.println(EvaluationLabels.outcome(outcome) + ": " + EvaluationLabels.summary(outcome));
            List<Comparison> rows = result.comparisons().stream()
                    .filter(c -> c.outcome() == outcome)
                    .toList();
            levels(out, outcome, rows);
            out.println();
            comparisons(out, outcome, rows);
        }
        out.println();
        out.println("Intervals are " + percent(result.settings().confidenceLevel())
                + "; p-values are two-sided, 'Holm' adjusted over every difference and difference-in-differences"
                + " above (call an effect significant by it). Rates: Wilson, Newcombe hybrid score, Katz ratio;"
                + " difference-in-differences from each customer's own change (Welch). Means: answers pooled, each"
                + " customer's answers a cluster (t, Welch).");
        if (!result.warnings().isEmpty()) {
            out.println();
            result.warnings().forEach(w -> out.println("Warning: " + w));
        }
    }

    private void header(PrintWriter out) {
        AssignmentSet set = result.assignments();
        out.printf("Evaluation of strategy %s 策略评估%n", result.strategyId());
        out.printf(
                "  periods     before 之前 %s, after 之后 %s (start %s)%n",
                result.before(), result.after(), result.start());
        out.printf(
                Locale.ROOT,
                "  assignment  set %d, %s%s: %,d treatment 处理组, %,d control 对照组%n",
                set.setId(),
                AssignCommand.describe(set),
                set.fileSha256() == null ? "" : " (" + set.fileSha256() + ")",
                set.treatment(),
                set.control());
        out.printf(
                "  tiers       %s%n",
                result.tierSource() == EvaluateStrategy.TierSource.STRATUM
                        ? "at the start date: the stratum recorded at assignment"
                        : "at the start date: the strata recorded, else run "
                                + result.tierRun().runId() + " as of "
                                + result.tierRun().provenance().asOf());
        out.printf("  input       %s%n", result.inputFingerprint());
        out.printf("  code        fidelis %s%n", result.codeVersion());
        out.printf(
                "  minimum     %d customers a group, or 'not enough data'%n",
                result.settings().minimumGroupSize());
    }

    private void levels(PrintWriter out, Outcome outcome, List<Comparison> rows) {
        boolean before = outcome.hasPeriodBefore();
        TextTable table = before
                ? new TextTable("group 分组", "arm 组", "before 之前", "n", "after 之后", "n")
                : new TextTable("group 分组", "arm 组", "after 之后", "n");
        for (Comparison comparison : rows) {
            for (Arm arm : Arm.values()) {
                Level after = arm == Arm.TREATMENT ? comparison.treatmentAfter() : comparison.controlAfter();
                Optional<Level> earlier =
                        arm == Arm.TREATMENT ? comparison.treatmentBefore() : comparison.controlBefore();
                String group = arm == Arm.TREATMENT ? EvaluationLabels.group(comparison.group()) : "";
                if (before) {
                    Level level = earlier.orElseThrow();
                    table.row(
                            group,
                            EvaluationLabels.arm(arm),
                            level(outcome, level),
                            counts(outcome, level),
                            level(outcome, after),
                            counts(outcome, after));
                } else {
                    table.row(group, EvaluationLabels.arm(arm), level(outcome, after), counts(outcome, after));
                }
            }
        }
        table.print(out, "  ");
    }

    private void comparisons(PrintWriter out, Outcome outcome, List<Comparison> rows) {
        String unit = outcome.isRate() ? " (pts)" : "";
        List<String> headings =
                new ArrayList<>(List.of("group 分组", "treatment - control after 处理组-对照组" + unit, "p", "p Holm"));
        if (outcome.isRate()) {
            headings.addAll(List.of("ratio 比值", "p"));
        }
        if (outcome.hasPeriodBefore()) {
            headings.addAll(List.of("difference-in-differences 双重差分" + unit, "p", "p Holm"));
        }
        TextTable table = new TextTable(headings.toArray(String[]::new));
        for (Comparison comparison : rows) {
            List<String> cells = new ArrayList<>();
            cells.add(EvaluationLabels.group(comparison.group()));
            addFinding(cells, outcome, comparison.difference(), false, true);
            comparison.ratio().ifPresent(ratio -> addFinding(cells, outcome, ratio, true, false));
            comparison.differenceInDifferences().ifPresent(did -> addFinding(cells, outcome, did, false, true));
            table.row(cells.toArray(String[]::new));
        }
        table.print(out, "  ");
    }

    private void addFinding(List<String> cells, Outcome outcome, Finding finding, boolean ratio, boolean inFamily) {
        if (finding instanceof InsufficientData insufficient) {
            cells.add(notEnough(insufficient));
            cells.add("");
            if (inFamily) {
                cells.add("");
            }
            return;
        }
        Estimate estimate = (Estimate) finding;
        cells.add(ratio ? ratio(estimate) : signed(outcome, estimate));
        cells.add(EvaluationLabels.pValue(estimate.pValue().orElseThrow()));
        if (inFamily) {
            cells.add(EvaluationLabels.pValue(holm(estimate).orElseThrow()));
        }
    }

    private static String level(Outcome outcome, Level level) {
        if (level.estimate() instanceof InsufficientData insufficient) {
            return notEnough(insufficient);
        }
        Estimate e = (Estimate) level.estimate();
        String percent = outcome.isRate() ? "%" : "";
        return EvaluationLabels.number(outcome, e.point()) + percent + " ["
                + EvaluationLabels.number(outcome, e.lower()) + ", " + EvaluationLabels.number(outcome, e.upper())
                + "]";
    }

    private static String counts(Outcome outcome, Level level) {
        if (outcome.isRate()) {
            return String.format(Locale.ROOT, "%,d/%,d", level.observations(), level.customers());
        }
        return String.format(Locale.ROOT, "%,d answers/%,d", level.observations(), level.customers());
    }

    private static String signed(Outcome outcome, Estimate e) {
        return sign(EvaluationLabels.number(outcome, e.point())) + " [" + EvaluationLabels.number(outcome, e.lower())
                + ", " + EvaluationLabels.number(outcome, e.upper()) + "]";
    }

    private static String ratio(Estimate e) {
        return EvaluationLabels.ratio(e.point()) + " [" + EvaluationLabels.ratio(e.lower()) + ", "
                + EvaluationLabels.ratio(e.upper()) + "]";
    }

    private static String sign(String number) {
        return number.startsWith("-") ? number : "+" + number;
    }

    private static String percent(double level) {
        return String.format(Locale.ROOT, "%.0f%%", level * 100);
    }
}
