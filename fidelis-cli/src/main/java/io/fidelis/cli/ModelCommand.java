package io.fidelis.cli;

import io.fidelis.core.evaluation.CalibrationBin;
import io.fidelis.core.evaluation.LiftGroup;
import io.fidelis.core.evaluation.PopulationStability;
import io.fidelis.core.evaluation.ScoredOutcomes;
import io.fidelis.core.policy.Policy;
import io.fidelis.predict.ChurnModels;
import io.fidelis.predict.FittedModel;
import io.fidelis.predict.ModelAlgorithm;
import io.fidelis.predict.ModelFiles;
import io.fidelis.predict.ModelProvenance;
import io.fidelis.predict.ModelResult;
import io.fidelis.predict.Monitoring;
import io.fidelis.predict.Observation;
import io.fidelis.predict.Outcome;
import io.fidelis.predict.Snapshot;
import io.fidelis.predict.StoredModel;
import io.fidelis.predict.TreeSettings;
import io.fidelis.store.Store;
import io.fidelis.store.policy.PolicyException;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fidelis model fit|list|compare|monitor}: the churn and default models (logistic regression or boosted trees),
 * fitted, stored with provenance and watched.
 */
@Command(
        name = "model",
        mixinStandardHelpOptions = true,
        description = "Fits, lists, compares and monitors the churn and default models (logistic or boosted trees)"
                + " stored in the workspace.",
        subcommands = {
            ModelCommand.Fit.class,
            ModelCommand.ListModels.class,
            ModelCommand.Compare.class,
            ModelCommand.Monitor.class
        })
final class ModelCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "fit",
            mixinStandardHelpOptions = true,
            description =
                    "Fits the churn model (becomes Dormant or Churned within 6 months) or the default model on the"
                            + " month-end snapshots of the 30 months before --as-of, trained on the earlier ones and tested on"
                            + " the later ones, beside its baselines; stores it with its provenance under W/models/. Logistic"
                            + " regression unless --algorithm trees (boosted trees: on the generated book the default model"
                            + " beats recency alone only as trees; see docs/prediction.md).")
    static final class Fit extends BookCommand {

        @Option(
                names = "--as-of",
                required = true,
                paramLabel = "DATE",
                description = "a month-end: nothing after it is read")
        LocalDate asOf;

        @Option(names = "--seed", defaultValue = "42", description = "the trainer's seed (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(
                names = "--kind",
                defaultValue = "churn",
                paramLabel = "churn|default",
                description = "churn: becomes Dormant or Churned; default: a loan defaults or is written off; within 6"
                        + " months (default: ${DEFAULT-VALUE})")
        String kind;

        @Option(
                names = "--algorithm",
                defaultValue = "logistic",
                paramLabel = "logistic|trees",
                description = "logistic: logistic regression, exact reasons; trees: boosted trees (xgboost, one"
                        + " thread), TreeSHAP reasons (default: ${DEFAULT-VALUE})")
        String algorithm;

        @Option(
                names = "--trees",
                defaultValue = "300",
                paramLabel = "N",
                description = "with --algorithm trees: boosting rounds (default: ${DEFAULT-VALUE})")
        int trees;

        @Option(
                names = "--depth",
                defaultValue = "4",
                paramLabel = "D",
                description = "with --algorithm trees: the largest tree depth (default: ${DEFAULT-VALUE})")
        int depth;

        @Option(
                names = "--eta",
                defaultValue = "0.05",
                paramLabel = "RATE",
                description = "with --algorithm trees: the learning rate (default: ${DEFAULT-VALUE})")
        double eta;

        @Mixin
        PolicyOption policy;

        @Override
        int execute(PrintWriter out, PrintWriter err) throws PolicyException {
            PredictionBook.monthEnd(asOf, "--as-of");
            Outcome outcome = PredictionBook.outcome(kind);
            ModelAlgorithm how = PredictionBook.algorithm(algorithm);
            TreeSettings settings = null;
            if (how == ModelAlgorithm.TREES) {
                try {
                    settings = TreeSettings.of(trees, depth, eta);
                } catch (IllegalArgumentException e) {
                    throw CommandFailure.usage("--trees, --depth, --eta: " + e.getMessage());
                }
            }
            PolicyOption.Loaded loaded = policy.load();
            Policy rules = loaded.policy();
            ChurnModels.Fitted fitted;
            try (Store book = openBook()) {
                PredictionBook.Series series = PredictionBook.fitSeries(book, rules, asOf, outcome);
                ChurnModels.Inputs inputs = new ChurnModels.Inputs(
                        asOf,
                        book.inputFingerprint(),
                        rules.id(),
                        rules.version(),
                        loaded.sha256(),
                        seed,
                        Main.codeVersion());
                try {
                    fitted = settings == null
                            ? ChurnModels.fit(outcome, series.snapshots(), series.observations(), inputs)
                            : ChurnModels.fitTrees(
                                    outcome, settings, series.snapshots(), series.observations(), inputs);
                } catch (IllegalArgumentException e) {
                    throw CommandFailure.data("cannot fit a " + kind + " model as of " + asOf + ": " + e.getMessage()
                            + " (the book needs about 30 months of history before the date)");
                }
            }
            StoredModel stored;
            try {
                stored = new ModelFiles(workspace).save(fitted.model());
            } catch (IOException e) {
                throw CommandFailure.data("cannot store the model in " + workspace + ": " + e.getMessage());
            }
            ModelProvenance p = stored.provenance();
            out.printf(
                    "%s model %s as of %s: trained on %s snapshots (%s with the event) from %s to %s, tested on %s to %s%n",
                    outcome == Outcome.CHURN ? "Churn" : "Default",
                    stored.id(),
                    asOf,
                    TextTable.number(p.trainingUnits()),
                    TextTable.number(p.trainingEvents()),
                    p.firstSnapshot(),
                    p.lastTrainingDate(),
                    p.firstTestDate(),
                    YearMonth.from(asOf).minusMonths(ChurnModels.HORIZON_MONTHS).atEndOfMonth());
            out.println("Algorithm: "
                    + how.label()
                    + (settings == null
                            ? String.format(Locale.ROOT, " (%d epochs, learning rate %s)", p.epochs(), p.learningRate())
                            : String.format(
                                    Locale.ROOT,
                                    " (%d trees, depth %d, eta %s, %d thread)",
                                    settings.trees(),
                                    settings.maxDepth(),
                                    settings.eta(),
                                    settings.threads())));
            out.println();
            TextTable metrics = new TextTable("held-out test", "AUC", "KS");
            metrics.row(row(fitted.study().model()));
            fitted.study().baselines().forEach(b -> metrics.row(row(b)));
            metrics.print(out);
            printCalibrationAndLift(out, fitted.study().model().test());
            out.println();
            out.println("Stored: " + workspace.resolve(ModelFiles.FOLDER).resolve(stored.id() + ".json")
                    + " (" + how.code() + ", policy " + p.policyId() + " " + p.policyVersion() + ", seed " + p.seed()
                    + ", input "
                    + p.inputFingerprint() + ")");
            return Main.OK;
        }

        private static List<String> row(ModelResult result) {
            return List.of(result.name(), decimal(result.auc()), decimal(result.ks()));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the stored models.")
    static final class ListModels extends BookCommand {
        @Override
        int execute(PrintWriter out, PrintWriter err) {
            List<StoredModel> models = new ModelFiles(workspace).list();
            if (models.isEmpty()) {
                out.println("No model in " + workspace + "; fit one: fidelis model fit --as-of DATE");
                return Main.OK;
            }
            TextTable table = new TextTable(
                    "model", "algorithm", "as of", "policy", "seed", "trained on", "held-out AUC", "code");
            for (StoredModel model : models) {
                ModelProvenance p = model.provenance();
                double auc = model.heldOutAuc().values().stream().findFirst().orElse(Double.NaN);
                table.row(
                        model.id(),
                        model.algorithm(),
                        p.asOf(),
                        p.policyId() + " " + p.policyVersion(),
                        Long.toString(p.seed()),
                        TextTable.number(p.trainingUnits()),
                        decimal(auc),
                        p.codeVersion());
            }
            table.print(out);
            return Main.OK;
        }
    }

    @Command(
            name = "compare",
            mixinStandardHelpOptions = true,
            description = "Champion against challenger: both scored on the month-end snapshots of the 12 to 6 months"
                    + " before --as-of (their outcomes are known by then): AUC and KS overall and by month.")
    static final class Compare extends BookCommand {

        @Parameters(index = "0", paramLabel = "CHAMPION", description = "the model in use, e.g. churn-1")
        String champion;

        @Parameters(index = "1", paramLabel = "CHALLENGER", description = "the candidate, e.g. churn-2")
        String challenger;

        @Option(names = "--as-of", required = true, paramLabel = "DATE", description = "a month-end")
        LocalDate asOf;

        @Mixin
        PolicyOption policy;

        @Override
        int execute(PrintWriter out, PrintWriter err) throws PolicyException {
            PredictionBook.monthEnd(asOf, "--as-of");
            StoredModel first = PredictionBook.model(workspace, champion);
            StoredModel second = PredictionBook.model(workspace, challenger);
            Outcome outcome = PredictionBook.outcome(first);
            if (outcome != PredictionBook.outcome(second)) {
                throw CommandFailure.usage(first.id() + " and " + second.id() + " predict different outcomes");
            }
            Outcomes outcomes = outcomes(policy.load().policy(), asOf, outcome);
            FittedModel firstScorer = PredictionBook.scorer(first);
            FittedModel secondScorer = PredictionBook.scorer(second);
            TextTable table = new TextTable("model", "algorithm", "role", "AUC", "KS");
            ScoredOutcomes a = score(firstScorer, outcomes.units);
            ScoredOutcomes b = score(secondScorer, outcomes.units);
            table.row(first.id(), first.algorithm(), "champion", decimal(a.auc()), decimal(a.ks()));
            table.row(second.id(), second.algorithm(), "challenger", decimal(b.auc()), decimal(b.ks()));
            out.printf(
                    "Compared on %s snapshots (%s with the event) at the month-ends %s to %s%n%n",
                    TextTable.number(a.size()),
                    TextTable.number(a.eventCount()),
                    outcomes.dates.get(0),
                    outcomes.dates.get(outcomes.dates.size() - 1));
            table.print(out);
            out.println();
            TextTable byMonth = new TextTable("month-end", first.id() + " AUC", second.id() + " AUC");
            Map<LocalDate, Double> aucA = Monitoring.aucByDate(firstScorer, outcomes.dates, outcomes.units);
            Map<LocalDate, Double> aucB = Monitoring.aucByDate(secondScorer, outcomes.dates, outcomes.units);
            aucA.forEach((date, auc) -> byMonth.row(date.toString(), decimal(auc), decimal(aucB.get(date))));
            byMonth.print(out);
            double gap = b.auc() - a.auc();
            out.println();
            out.println(
                    Math.abs(gap) < 0.01
                            ? "No clear difference (AUC within 0.01): keep the champion."
                            : gap > 0
                                    ? String.format(Locale.ROOT, "The challenger ranks better (AUC +%.3f).", gap)
                                    : String.format(Locale.ROOT, "The champion ranks better (AUC +%.3f).", -gap));
            return Main.OK;
        }

        private Outcomes outcomes(Policy rules, LocalDate asOf, Outcome outcome) {
            LocalDate from = YearMonth.from(asOf)
                    .minusMonths(2L * ChurnModels.HORIZON_MONTHS)
                    .atEndOfMonth();
            try (Store book = openBook()) {
                return Outcomes.of(
                        PredictionBook.series(book, rules, from, asOf, ChurnModels.HORIZON_MONTHS, outcome), outcome);
            }
        }
    }

    @Command(
            name = "monitor",
            mixinStandardHelpOptions = true,
            description = "Population stability of a model's features and score from one month-end to another (bands"
                    + " 0.10 and 0.25), its score against its training reference, and its AUC at every month-end"
                    + " whose outcome is known.")
    static final class Monitor extends BookCommand {

        @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL", description = "default: the newest churn model")
        String id;

        @Option(names = "--as-of", required = true, paramLabel = "DATE", description = "a month-end")
        LocalDate asOf;

        @Option(
                names = "--against",
                paramLabel = "DATE",
                description = "the month-end to compare with (default: the model's own as-of date)")
        LocalDate against;

        @Option(names = "--top", defaultValue = "10", description = "features to show (default: ${DEFAULT-VALUE})")
        int top;

        @Mixin
        PolicyOption policy;

        @Override
        int execute(PrintWriter out, PrintWriter err) throws PolicyException {
            PredictionBook.monthEnd(asOf, "--as-of");
            StoredModel model = PredictionBook.model(workspace, id);
            LocalDate reference = against != null
                    ? against
                    : LocalDate.parse(model.provenance().asOf());
            PredictionBook.monthEnd(reference, "--against");
            LocalDate firstTest = LocalDate.parse(model.provenance().firstTestDate());
            LocalDate from = reference.isBefore(firstTest) ? reference : firstTest;
            if (from.isAfter(asOf)) {
                from = asOf;
            }
            PredictionBook.Series series;
            Outcome outcome = PredictionBook.outcome(model);
            try (Store book = openBook()) {
                series = PredictionBook.series(
                        book, policy.load().policy(), from, asOf, ChurnModels.HORIZON_MONTHS, outcome);
            }
            List<Observation> before = new ArrayList<>();
            List<Observation> now = new ArrayList<>();
            for (int i = 0; i < series.snapshots().size(); i++) {
                Snapshot s = series.snapshots().get(i);
                if (!outcome.atRisk(s)) {
                    continue; // the model scores the customers at risk only
                }
                if (s.asOf().equals(reference)) {
                    before.add(series.observations().get(i));
                }
                if (s.asOf().equals(asOf)) {
                    now.add(series.observations().get(i));
                }
            }
            FittedModel scorer = PredictionBook.scorer(model);
            Map<String, PopulationStability> stability = Monitoring.stability(scorer, before, now);
            out.printf(
                    "Model %s (%s): population stability from %s to %s (%s and %s customers at risk)%n%n",
                    model.id(),
                    model.algorithm(),
                    reference,
                    asOf,
                    TextTable.number(before.size()),
                    TextTable.number(now.size()));
            TextTable table = new TextTable("feature", "PSI", "band");
            stability.entrySet().stream()
                    .sorted(Comparator.comparingDouble(e -> -e.getValue().index()))
                    .limit(top)
                    .forEach(e -> table.row(e.getKey(), decimal(e.getValue().index()), band(e.getValue())));
            table.print(out);
            PopulationStability score = Monitoring.scoreAgainstReference(model, scorer, now);
            out.printf(
                    "%nScore at %s against the training reference: PSI %s (%s)%n",
                    asOf, decimal(score.index()), band(score));
            Outcomes outcomes = Outcomes.of(series, outcome);
            if (!outcomes.units.isEmpty()) {
                out.println();
                TextTable auc = new TextTable("month-end", "units", "AUC");
                Map<LocalDate, Double> byDate = Monitoring.aucByDate(scorer, outcomes.dates, outcomes.units);
                byDate.forEach((date, value) -> auc.row(
                        date.toString(),
                        TextTable.number(
                                outcomes.dates.stream().filter(date::equals).count()),
                        decimal(value)));
                auc.print(out);
            }
            return Main.OK;
        }
    }

    /** The at-risk snapshots whose 6-month outcome is known, with their dates. */
    record Outcomes(List<LocalDate> dates, List<Observation> units) {
        static Outcomes of(PredictionBook.Series series, Outcome outcome) {
            List<LocalDate> dates = new ArrayList<>();
            List<Observation> units = new ArrayList<>();
            for (int i = 0; i < series.snapshots().size(); i++) {
                Snapshot s = series.snapshots().get(i);
                if (outcome.atRisk(s) && s.laterStage() != null) {
                    dates.add(s.asOf());
                    units.add(series.observations().get(i));
                }
            }
            if (units.isEmpty()) {
                throw CommandFailure.data("no month-end with a known 6-month outcome in the period");
            }
            return new Outcomes(dates, units);
        }
    }

    static ScoredOutcomes score(FittedModel model, List<Observation> units) {
        double[] scores = model.probabilities(units);
        boolean[] events = new boolean[units.size()];
        for (int i = 0; i < events.length; i++) {
            events[i] = units.get(i).event();
        }
        return new ScoredOutcomes(scores, events);
    }

    static void printCalibrationAndLift(PrintWriter out, ScoredOutcomes test) {
        out.println();
        TextTable calibration = new TextTable("score decile", "units", "predicted", "observed");
        for (CalibrationBin bin : test.calibration(10)) {
            calibration.row(
                    Integer.toString(bin.bin()),
                    TextTable.number(bin.units()),
                    TextTable.percent(bin.meanPredicted()),
                    TextTable.percent(bin.observedRate()));
        }
        calibration.print(out);
        out.println();
        TextTable lift = new TextTable("top decile", "events", "rate", "lift", "captured");
        for (LiftGroup group : test.lift(10).subList(0, 3)) {
            lift.row(
                    Integer.toString(group.group()),
                    TextTable.number(group.events()),
                    TextTable.percent(group.rate()),
                    String.format(Locale.ROOT, "%.2f", group.lift()),
                    TextTable.percent(group.cumulativeCapture()));
        }
        lift.print(out);
    }

    static String decimal(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }

    static String band(PopulationStability stability) {
        return switch (stability.band()) {
            case STABLE -> "stable";
            case MODERATE_SHIFT -> "moderate shift";
            case MAJOR_SHIFT -> "major shift";
        };
    }
}
