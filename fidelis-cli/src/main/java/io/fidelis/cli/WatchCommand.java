package io.fidelis.cli;

import io.fidelis.core.classification.Language;
import io.fidelis.core.classification.Messages;
import io.fidelis.core.policy.Policy;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import io.fidelis.predict.ChurnModels;
import io.fidelis.predict.FittedModel;
import io.fidelis.predict.Observation;
import io.fidelis.predict.Outcome;
import io.fidelis.predict.ScoreContribution;
import io.fidelis.predict.ScoreExplanation;
import io.fidelis.predict.ScoreReasons;
import io.fidelis.predict.Snapshot;
import io.fidelis.predict.StoredModel;
import io.fidelis.store.Store;
import io.fidelis.store.policy.PolicyException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fidelis watch --as-of DATE}: the early warning. The High and Medium customers (not Churned) whose churn
 * (or default) probability rose most since the previous month-end, by a stored logistic or boosted-trees model, with
 * the model's reasons (exact or TreeSHAP contributions) and the policy's reactivation actions for their tier.
 */
@Command(
        name = "watch",
        mixinStandardHelpOptions = true,
        description = "Lists the High and Medium customers whose churn probability rose most since the previous"
                + " month-end, with the reasons and suggested actions.")
final class WatchCommand extends BookCommand {

    @Option(names = "--as-of", required = true, paramLabel = "DATE", description = "a month-end")
    LocalDate asOf;

    @Option(names = "--model", paramLabel = "ID", description = "a stored model (default: the newest of --kind)")
    String modelId;

    @Option(
            names = "--kind",
            defaultValue = "churn",
            paramLabel = "churn|default",
            description = "which probability to watch when --model is not given (default: ${DEFAULT-VALUE})")
    String kind;

    @Option(names = "--top", defaultValue = "20", description = "customers to list (default: ${DEFAULT-VALUE})")
    int top;

    @Option(
            names = "--lang",
            paramLabel = "en|zh",
            defaultValue = "en",
            converter = ExplainCommand.LanguageConverter.class,
            description = "language of the texts: en (English) or zh (中文) (default: ${DEFAULT-VALUE})")
    Language language;

    @Mixin
    PolicyOption policy;

    /** One customer's rise. */
    record Rise(Snapshot now, double before, double after, Observation unit) {
        double rise() {
            return after - before;
        }
    }

    @Override
    int execute(PrintWriter out, PrintWriter err) throws PolicyException {
        PredictionBook.monthEnd(asOf, "--as-of");
        StoredModel model = PredictionBook.model(workspace, modelId, PredictionBook.outcome(kind));
        Outcome outcome = PredictionBook.outcome(model);
        Policy rules = policy.load().policy();
        LocalDate previous = YearMonth.from(asOf).minusMonths(1).atEndOfMonth();
        PredictionBook.Series series;
        try (Store book = openBook()) {
            series = PredictionBook.series(book, rules, previous, asOf, ChurnModels.HORIZON_MONTHS, outcome);
        }
        FittedModel scorer = PredictionBook.scorer(model);
        List<Snapshot> snapshots = series.snapshots();
        List<String> previousIds = new ArrayList<>();
        List<Observation> previousUnits = new ArrayList<>();
        List<Snapshot> watched = new ArrayList<>();
        List<Observation> watchedUnits = new ArrayList<>();
        for (int i = 0; i < snapshots.size(); i++) {
            Snapshot s = snapshots.get(i);
            if (s.asOf().equals(previous)) {
                previousIds.add(s.customerId());
                previousUnits.add(series.observations().get(i));
            } else if (s.asOf().equals(asOf)
                    && (s.tier() == Tier.HIGH || s.tier() == Tier.MEDIUM)
                    && s.stage() != Stage.CHURNED) {
                watched.add(s);
                watchedUnits.add(series.observations().get(i));
            }
        }
        Map<String, Double> before = new HashMap<>();
        double[] previousScores = scorer.probabilities(previousUnits);
        for (int i = 0; i < previousScores.length; i++) {
            before.put(previousIds.get(i), previousScores[i]);
        }
        double[] after = scorer.probabilities(watchedUnits);
        List<Rise> rises = new ArrayList<>();
        for (int i = 0; i < after.length; i++) {
            Snapshot now = watched.get(i);
            rises.add(new Rise(now, before.getOrDefault(now.customerId(), after[i]), after[i], watchedUnits.get(i)));
        }
        rises.sort(Comparator.comparingDouble(Rise::rise).reversed());
        boolean chinese = language == Language.CHINESE;
        String what = outcome == Outcome.CHURN ? (chinese ? "流失" : "churn") : (chinese ? "违约" : "default");
        out.println(
                chinese
                        ? what + "概率上升最多的高、中忠诚度客户（" + previous + " 至 " + asOf + "，模型 " + model.id() + "）"
                        : "High and Medium customers whose " + what + " probability rose most from " + previous + " to "
                                + asOf + " (model " + model.id() + ")");
        out.println();
        TextTable table = chinese
                ? new TextTable("客户", "忠诚度", "阶段", "上月", "本月", "上升")
                : new TextTable("customer", "tier", "stage", "before", "now", "rise");
        List<Rise> shown = rises.subList(0, Math.min(top, rises.size()));
        List<ScoreExplanation> explanations =
                scorer.explain(shown.stream().map(Rise::unit).toList());
        for (Rise rise : shown) {
            table.row(
                    rise.now().customerId(),
                    Messages.label(rise.now().tier(), language),
                    Messages.label(rise.now().stage(), language),
                    TextTable.percent(rise.before()),
                    TextTable.percent(rise.after()),
                    String.format(java.util.Locale.ROOT, "%+.1f", 100 * rise.rise()));
        }
        table.print(out);
        for (int i = 0; i < shown.size(); i++) {
            Rise rise = shown.get(i);
            out.println();
            out.println(rise.now().customerId() + (chinese ? "：" : ":"));
            List<ScoreContribution> raising = explanations.get(i).contributions().stream()
                    .filter(c -> c.logOdds() > 0)
                    .toList();
            for (String reason : ScoreReasons.render(raising, 3, language)) {
                out.println("  - " + reason);
            }
            out.println("  " + (chinese ? "建议：" : "suggested: ")
                    + Messages.actions(rules.strategies().actionsFor(rise.now().tier(), Stage.DORMANT), language));
        }
        return Main.OK;
    }
}
