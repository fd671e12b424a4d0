package io.fidelis.cli;

import io.fidelis.core.evaluation.EstimationSettings;
import io.fidelis.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fidelis evaluate}: a strategy's effect, treatment against control, before and after its start. */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluates a strategy from its assignments (fidelis assign) and the book: for the months before and after"
                    + " --start, by tier at the start and by arm, the default rate, mean satisfaction, net promoter"
                    + " score, churn and the reactivation of dormant customers; treatment against control after the"
                    + " start (difference, and ratio for rates) and the difference-in-differences, each with its 95%%"
                    + " interval and p-value. A group under --min-group customers gives 'not enough data'.",
            "Prints an aligned table, or JSON with --json; --chart-data FILE also writes the series for an error-bar"
                    + " chart. Every output names the strategy, periods, assignment (seed or file), input fingerprint"
                    + " and code version.",
            "Exit codes: 0 evaluated, 1 no book, no assignments or a file that cannot be written, 2 wrong command"
                    + " line."
        })
final class EvaluateCommand extends BookCommand {

    @Option(names = "--strategy", required = true, paramLabel = "ID", description = "the strategy evaluated")
    String strategyId;

    @Option(
            names = "--start",
            required = true,
            paramLabel = "yyyy-MM-dd",
            converter = GenerateCommand.IsoDate.class,
            description = "the strategy's start: the period before ends on it, the period after begins the day after")
    LocalDate start;

    @Option(
            names = "--before-months",
            paramLabel = "N",
            defaultValue = "12",
            description = "length of the period before, in months (default: ${DEFAULT-VALUE})")
    int beforeMonths;

    @Option(
            names = "--after-months",
            paramLabel = "N",
            defaultValue = "12",
            description = "length of the period after, in months (default: ${DEFAULT-VALUE})")
    int afterMonths;

    @Option(
            names = "--min-group",
            paramLabel = "N",
            defaultValue = "30",
            description = "fewest customers a group needs for an estimate (default: ${DEFAULT-VALUE})")
    int minGroup;

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    @Option(
            names = "--chart-data",
            paramLabel = "FILE",
            description = "also write the series for an error-bar chart (ECharts custom series) to FILE")
    Path chartData;

    @Override
    int execute(PrintWriter out, PrintWriter err) {
        if (beforeMonths < 1 || afterMonths < 1) {
            throw CommandFailure.usage("--before-months and --after-months must be 1 or more");
        }
        if (minGroup < 1) {
            throw CommandFailure.usage("--min-group must be 1 or more, not " + minGroup);
        }
        try (Store book = openBook()) {
            EvaluateStrategy.Result result = new EvaluateStrategy(book, book.runs(), book.strategyAssignments())
                    .evaluate(strategyId, start, beforeMonths, afterMonths, EstimationSettings.of(minGroup));
            EvaluationReport report = new EvaluationReport(result);
            EvaluationJson writer = new EvaluationJson(report);
            if (chartData != null) {
                try {
                    EvaluationJson.write(chartData, writer.chartData());
                } catch (IOException e) {
                    throw CommandFailure.data("cannot write the chart data to " + chartData + ": " + e.getMessage());
                }
            }
            if (json) {
                out.println(writer.result());
            } else {
                report.print(out);
                if (chartData != null) {
                    out.println();
                    out.println("Chart data written to " + chartData);
                }
            }
            return Main.OK;
        } catch (IOException e) {
            throw CommandFailure.data("cannot write the JSON: " + e.getMessage());
        }
    }
}
