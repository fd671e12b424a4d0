package io.fidelis.cli;

import io.fidelis.core.classification.Classification;
import io.fidelis.core.classification.DatedClassifier;
import io.fidelis.core.classification.Language;
import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.prediction.ActivityEvents;
import io.fidelis.core.prediction.ActivityFit;
import io.fidelis.core.prediction.ActivityPopulation;
import io.fidelis.predict.ChurnFeatures;
import io.fidelis.predict.FittedModel;
import io.fidelis.predict.Observation;
import io.fidelis.predict.ScoreExplanation;
import io.fidelis.predict.StoredModel;
import io.fidelis.store.Store;
import io.fidelis.store.policy.PolicyException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fidelis explain CUSTOMER_ID --as-of DATE}: why a customer has its tier, stage and actions. */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description = {
            "Classifies one customer as of a date (with the manual overrides in force) and explains it: the score"
                    + " and its band, what every factor contributed, the reasons with their evidence, the stage,"
                    + " the actions intended and applied, the guardrail's conflicts and any override.",
            "Exit codes: 0 explained, 1 unknown customer, no book or a bad policy, 2 wrong command line."
        })
final class ExplainCommand extends BookCommand {

    @Parameters(index = "0", paramLabel = "CUSTOMER_ID", description = "the customer's id, as in customers.csv")
    String customerId;

    @Option(
            names = "--as-of",
            required = true,
            paramLabel = "yyyy-MM-dd",
            converter = GenerateCommand.IsoDate.class,
            description = "the date to classify as of: nothing dated after it is read")
    LocalDate asOf;

    @Option(
            names = "--lang",
            paramLabel = "en|zh",
            defaultValue = "en",
            converter = LanguageConverter.class,
            description = "language of the texts: en (English) or zh (中文) (default: ${DEFAULT-VALUE})")
    Language language;

    @Option(names = "--json", description = "print JSON (codes, values and the texts in --lang) instead of text")
    boolean json;

    @Option(
            names = "--model",
            paramLabel = "ID|latest",
            description =
                    "also explain a stored model's score (see fidelis model list; latest: the newest churn model):"
                            + " the probability and each feature's contribution in log-odds, exact for the logistic models,"
                            + " TreeSHAP for boosted trees")
    String model;

    @Mixin
    PolicyOption policy;

    @Override
    int execute(PrintWriter out, PrintWriter err) throws PolicyException {
        PolicyOption.Loaded loaded = policy.load();
        try (Store book = openBook()) {
            CustomerHistory history = book.history(customerId)
                    .orElseThrow(() -> CommandFailure.data("no customer '" + customerId + "' in the book in "
                            + where(book) + " (ids are case-sensitive)"));
            DatedClassifier evaluation = PopulationStep.classifier(
                    book,
                    loaded.policy(),
                    asOf,
                    Map.of(customerId, book.overrides().of(customerId)));
            Classification classification = evaluation.classify(history);
            Explanation explanation = new Explanation(
                    classification, history.customer(), loaded, book.inputFingerprint(), evaluation.priors());
            if (model != null) {
                explanation.withModel(modelReasons(book, evaluation, classification, history, loaded));
            }
            if (json) {
                out.println(explanation.json(language));
            } else {
                explanation.printText(out, language);
            }
            return Main.OK;
        }
    }

    /**
     * The stored model's score of the customer: its observation is built as for the model (the classification's
     * features, BG/NBD fitted on the whole book as of the date), then scored and decomposed.
     */
    private ModelReasons modelReasons(
            Store book,
            DatedClassifier evaluation,
            Classification classification,
            CustomerHistory history,
            PolicyOption.Loaded loaded) {
        StoredModel stored = PredictionBook.model(workspace, model.equals("latest") ? null : model);
        ActivityFit fit = evaluation.population().orElseGet(() -> {
            ActivityPopulation population = new ActivityPopulation(asOf);
            book.forEachHistory(population::add);
            return population.fit();
        });
        Observation observation =
                ChurnFeatures.observation(classification, ActivityEvents.summary(history, asOf), fit.parameters());
        FittedModel scorer = PredictionBook.scorer(stored);
        ScoreExplanation explained = scorer.explain(observation);
        return new ModelReasons(
                stored.id(),
                stored.provenance(),
                scorer.algorithm(),
                scorer.probability(observation),
                explained.bias(),
                explained.margin(),
                explained.contributions(),
                loaded.policy().label());
    }

    /** {@code en} or {@code zh}; anything else is a usage error naming the choices. */
    static final class LanguageConverter implements CommandLine.ITypeConverter<Language> {
        @Override
        public Language convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "en", "english" -> Language.ENGLISH;
                case "zh", "cn", "chinese", "中文" -> Language.CHINESE;
                default -> throw new CommandLine.TypeConversionException("'" + value + "' is not one of en, zh");
            };
        }
    }
}
