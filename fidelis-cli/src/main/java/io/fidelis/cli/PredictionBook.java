package io.fidelis.cli;

import io.fidelis.core.policy.Policy;
import io.fidelis.predict.ChurnFeatures;
import io.fidelis.predict.ChurnModels;
import io.fidelis.predict.ChurnSnapshots;
import io.fidelis.predict.FittedModel;
import io.fidelis.predict.ModelAlgorithm;
import io.fidelis.predict.ModelFiles;
import io.fidelis.predict.Observation;
import io.fidelis.predict.Outcome;
import io.fidelis.predict.Snapshot;
import io.fidelis.predict.StoredModel;
import io.fidelis.store.BookStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/** What the model and watch commands share: month-end snapshots of the book and the stored models. */
final class PredictionBook {

    /** Snapshots at every month-end from {@code from} to {@code to}, and their observations, in the same order. */
    record Series(List<Snapshot> snapshots, List<Observation> observations) {}

    /** Tribuo logs every training at INFO through java.util.logging; the commands print their own summary. */
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");

    static {
        TRIBUO.setLevel(Level.WARNING);
    }

    private PredictionBook() {}

    static Series series(BookStore book, Policy policy, LocalDate from, LocalDate to, int horizonMonths) {
        return series(book, policy, from, to, horizonMonths, Outcome.CHURN);
    }

    static Series series(
            BookStore book, Policy policy, LocalDate from, LocalDate to, int horizonMonths, Outcome outcome) {
        return series(book, policy, from, to, horizonMonths, outcome, snapshot -> true);
    }

    /**
     * The snapshots of a fit as of {@code to} that it trains or tests on only ({@link ChurnModels#used}); BG/NBD is
     * still fitted on every customer at each date. A fit holds its snapshots of 30 month-ends at once.
     */
    static Series fitSeries(BookStore book, Policy policy, LocalDate to, Outcome outcome) {
        return series(
                book,
                policy,
                ChurnModels.firstSnapshot(to),
                to,
                ChurnModels.HORIZON_MONTHS,
                outcome,
                ChurnModels.used(outcome, to));
    }

    private static Series series(
            BookStore book,
            Policy policy,
            LocalDate from,
            LocalDate to,
            int horizonMonths,
            Outcome outcome,
            Predicate<Snapshot> keep) {
        PopulationStep.refuseActivityModel(
                policy,
                "the churn and default models",
                "their labels come from the rules; use --policy default (the models carry P(alive) as features anyway)");
        ChurnSnapshots snapshots = new ChurnSnapshots(policy, from, to, horizonMonths, keep);
        book.forEachHistory(snapshots::add);
        List<Snapshot> kept = snapshots.snapshots();
        return new Series(kept, ChurnFeatures.of(kept, outcome, snapshots.populationFits()));
    }

    static Outcome outcome(String kind) {
        try {
            return Outcome.ofKind(kind);
        } catch (IllegalArgumentException e) {
            throw CommandFailure.usage("--kind " + kind + " is not one of churn, default");
        }
    }

    static ModelAlgorithm algorithm(String code) {
        try {
            return ModelAlgorithm.ofCode(code);
        } catch (IllegalArgumentException e) {
            throw CommandFailure.usage("--algorithm " + code + " is not one of logistic, trees");
        }
    }

    /** The stored model ready to score; a trees file whose bytes do not check out is a data error. */
    static FittedModel scorer(StoredModel model) {
        try {
            return model.scorer();
        } catch (IllegalArgumentException e) {
            throw CommandFailure.data("cannot read the model " + model.id() + ": " + e.getMessage());
        }
    }

    /** The outcome a stored model predicts. */
    static Outcome outcome(StoredModel model) {
        return Outcome.ofKind(model.provenance().kind());
    }

    static LocalDate monthEnd(LocalDate asOf, String option) {
        if (!asOf.equals(YearMonth.from(asOf).atEndOfMonth())) {
            throw CommandFailure.usage(option + " " + asOf + " is not a month-end: models work on month-end snapshots"
                    + " (e.g. " + YearMonth.from(asOf).atEndOfMonth() + ")");
        }
        return asOf;
    }

    static StoredModel model(Path workspace, String id) {
        return model(workspace, id, Outcome.CHURN);
    }

    static StoredModel model(Path workspace, String id, Outcome outcome) {
        ModelFiles files = new ModelFiles(workspace);
        if (id == null) {
            return files.latest(outcome.kind())
                    .orElseThrow(() -> CommandFailure.data("no " + outcome.kind() + " model in " + workspace
                            + "; fit one first: fidelis model fit --kind " + outcome.kind() + " --as-of DATE"));
        }
        return files.load(id)
                .orElseThrow(() -> CommandFailure.data(
                        "no model " + id + " in " + workspace + "/" + ModelFiles.FOLDER + "; see fidelis model list"));
    }
}
