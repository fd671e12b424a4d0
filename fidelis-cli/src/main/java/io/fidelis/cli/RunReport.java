package io.fidelis.cli;

import io.fidelis.core.classification.Language;
import io.fidelis.core.classification.Messages;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import io.fidelis.store.RunCounts;
import io.fidelis.store.RunHeader;
import io.fidelis.store.RunProvenance;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints a run: its header (provenance) and its customers by tier and stage, labels in English and Chinese. */
final class RunReport {

    private RunReport() {}

    static void header(PrintWriter out, RunHeader run) {
        RunProvenance p = run.provenance();
        out.printf(Locale.ROOT, "Run %d: %,d customers as of %s%n", run.runId(), run.customers(), p.asOf());
        out.printf("  policy    %s  %s%n", p.policyLabel(), p.policySha256());
        out.printf("  input     %s%n", p.inputFingerprint());
        out.printf("  code      fidelis %s%n", p.codeVersion());
        out.printf("  priors    %s%n", p.priors());
        out.printf("  created   %s%n", p.createdAt());
    }

    /** The provenance that the runs of a series share, and what differs from run to run. */
    static void seriesHeader(PrintWriter out, List<RunHeader> runs) {
        RunHeader first = runs.get(0);
        RunHeader last = runs.get(runs.size() - 1);
        RunProvenance p = first.provenance();
        out.printf(
                Locale.ROOT,
                "Runs %d to %d: %,d customers each, as of the %d month-ends from %s to %s%n",
                first.runId(),
                last.runId(),
                first.customers(),
                runs.size(),
                p.asOf(),
                last.provenance().asOf());
        out.printf("  policy    %s  %s%n", p.policyLabel(), p.policySha256());
        out.printf("  input     %s%n", p.inputFingerprint());
        out.printf("  code      fidelis %s%n", p.codeVersion());
        out.printf("  priors    each run its own, as classify --as-of computes them; the first run: %s%n", p.priors());
        out.printf("  created   %s%n", p.createdAt());
    }

    /** One row per run of a series: its date, its id and its customers by tier and by stage. */
    static void trend(PrintWriter out, List<RunHeader> runs, List<RunCounts> counts) {
        List<String> english = new ArrayList<>(List.of("as of", "run"));
        List<String> chinese = new ArrayList<>(List.of("截至日期", "运行"));
        for (Tier tier : Tier.values()) {
            english.add(tier.code());
            chinese.add(Messages.label(tier, Language.CHINESE));
        }
        for (Stage stage : Stage.values()) {
            english.add(stage.code());
            chinese.add(Messages.label(stage, Language.CHINESE));
        }
        TextTable table = new TextTable().heading(english).heading(chinese);
        for (int i = 0; i < runs.size(); i++) {
            RunCounts run = counts.get(i);
            List<String> row = new ArrayList<>();
            row.add(runs.get(i).provenance().asOf().toString());
            row.add(Long.toString(runs.get(i).runId()));
            for (Tier tier : Tier.values()) {
                row.add(number(run.total(tier)));
            }
            for (Stage stage : Stage.values()) {
                row.add(number(run.total(stage)));
            }
            table.row(row);
        }
        table.print(out);
    }

    static void tierByStage(PrintWriter out, RunCounts counts) {
        List<String> headings = new ArrayList<>();
        headings.add("");
        for (Stage stage : Stage.values()) {
            headings.add(bilingual(stage));
        }
        headings.add("total 合计");
        List<List<String>> rows = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            List<String> row = new ArrayList<>();
            row.add(bilingual(tier));
            for (Stage stage : Stage.values()) {
                row.add(number(counts.count(tier, stage)));
            }
            row.add(number(counts.total(tier)));
            rows.add(row);
        }
        List<String> totals = new ArrayList<>();
        totals.add("total 合计");
        for (Stage stage : Stage.values()) {
            totals.add(number(counts.total(stage)));
        }
        totals.add(number(counts.total()));
        rows.add(totals);

        int[] widths = new int[headings.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = TerminalText.width(headings.get(c));
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], TerminalText.width(row.get(c)));
            }
        }
        out.println(line(headings, widths));
        for (List<String> row : rows) {
            out.println(line(row, widths));
        }
    }

    static void conflictsAndOverrides(PrintWriter out, RunCounts counts) {
        out.printf(
                Locale.ROOT,
                "Guardrail conflicts 风控冲突: %,d customers, %,d benefits withheld%n",
                counts.customersWithConflicts(),
                counts.withheldBenefits());
        out.printf(Locale.ROOT, "Manual overrides 人工调整: %,d customers%n", counts.overridden());
    }

    /** A label in English, then Chinese: {@code high loyalty 高忠诚度}. */
    static String bilingual(Enum<?> value) {
        return Messages.label(value, Language.ENGLISH) + " " + Messages.label(value, Language.CHINESE);
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder(TerminalText.left(cells.get(0), widths[0]));
        for (int c = 1; c < cells.size(); c++) {
            line.append("  ").append(TerminalText.right(cells.get(c), widths[c]));
        }
        return line.toString().stripTrailing();
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
