package io.fidelis.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fidelis.core.classification.Language;
import io.fidelis.core.evaluation.CalibrationBin;
import io.fidelis.core.evaluation.PopulationStability;
import io.fidelis.generator.BookGenerator;
import io.fidelis.generator.GeneratorSettings;
import io.fidelis.store.CsvBookFolder;
import io.fidelis.store.ImportRequest;
import io.fidelis.store.duckdb.DuckDbBookStore;
import io.fidelis.store.policy.PolicyYaml;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The churn model on a seeded generated book: trained on earlier month-ends, tested on later ones, stored, watched. */
class ChurnStudyTest {

    private static final LocalDate END = GeneratorSettings.DEFAULT_END;
    private static final ChurnModels.Inputs INPUTS =
            new ChurnModels.Inputs(END, "fingerprint", "default", "1", "sha", 11, "test");

    @TempDir
    static Path temp;

    private static List<Snapshot> snapshots;
    private static List<Observation> observations;
    private static ChurnModels.Fitted fitted;
    private static ChurnStudy study;
    private static ChurnModels.Fitted treesForDefault;

    @BeforeAll
    static void trainAndTest() throws Exception {
        Path book = temp.resolve("book");
        new BookGenerator(new GeneratorSettings(1500, 7, END, 3)).writeTo(book, done -> {});
        ChurnSnapshots series = new ChurnSnapshots(
                PolicyYaml.shipped("default"), ChurnModels.firstSnapshot(END), END, ChurnModels.HORIZON_MONTHS);
        try (DuckDbBookStore store = DuckDbBookStore.open(temp.resolve("workspace"))) {
            store.importBook(ImportRequest.strict(CsvBookFolder.of(book)));
            store.forEachHistory(series::add);
        }
        snapshots = series.snapshots();
        observations = ChurnFeatures.of(snapshots);
        fitted = ChurnModels.fit(snapshots, observations, INPUTS);
        study = fitted.study();
        treesForDefault = ChurnModels.fitTrees(
                Outcome.DEFAULT,
                TreeSettings.standard(),
                snapshots,
                ChurnFeatures.of(snapshots, Outcome.DEFAULT),
                INPUTS);
        System.out.printf(
                "churn: trained on %d snapshots (%d churned) to %s; test from %s: %s AUC %.4f KS %.4f%n",
                study.trainingUnits(),
                study.trainingEvents(),
                study.lastTrainingDate(),
                study.firstTestDate(),
                study.model().name(),
                study.model().auc(),
                study.model().ks());
        study.baselines()
                .forEach(b -> System.out.printf("  baseline %s AUC %.4f KS %.4f%n", b.name(), b.auc(), b.ks()));
        for (CalibrationBin bin : study.model().test().calibration(10)) {
            System.out.printf(
                    "  calibration bin %d: %d units, predicted %.3f, observed %.3f%n",
                    bin.bin(), bin.units(), bin.meanPredicted(), bin.observedRate());
        }
    }

    /**
     * The default model on the same snapshots (customers holding a loan; a loan defaulted or written off within 6
     * months), on its short list of credit-risk features. It beats the majority class and the stage, but NOT recency
     * alone (measured 0.881 against 0.882; 0.85 with all 60 features): the baselines doing their job. The boosted trees
     * below do beat it; see docs/prediction.md.
     */
    @Test
    void defaultModelBeatsTheMajorityClassAndTheStageButNotRecency() {
        List<Observation> defaults = ChurnFeatures.of(snapshots, Outcome.DEFAULT);
        ChurnStudy pd =
                ChurnModels.fit(Outcome.DEFAULT, snapshots, defaults, INPUTS).study();
        System.out.printf(
                "default: trained on %d snapshots (%d defaulted); test AUC %.4f KS %.4f%n",
                pd.trainingUnits(),
                pd.trainingEvents(),
                pd.model().auc(),
                pd.model().ks());
        pd.baselines().forEach(b -> System.out.printf("  baseline %s AUC %.4f%n", b.name(), b.auc()));
        assertThat(pd.model().test().eventCount()).isGreaterThan(20);
        assertThat(pd.model().auc()).isGreaterThan(pd.baselines().get(0).auc() + 0.2);
        assertThat(pd.model().auc()).isGreaterThan(pd.baselines().get(2).auc() + 0.2);
    }

    /**
     * Boosted trees on the same short list, split and outcome (the challenger for the book's PD model), as {@code
     * fidelis model fit --kind default --algorithm trees} stores them with the shipped settings (300 trees of depth 4):
     * where the logistic model only ties recency, the trees bend where delinquency starts and beat it (measured 0.913
     * against 0.882 here, 0.930 against 0.875 on 20,000 customers; depth 2 does 0.933 here but 0.888 there), and beat
     * the stage and the majority class by far.
     */
    @Test
    void boostedTreesForDefaultBeatRecencyOnLaterMonths() {
        StoredModel trees = treesForDefault.model();
        List<Double> auc = List.copyOf(trees.heldOutAuc().values());
        System.out.printf("default, boosted trees: held-out AUC %s%n", trees.heldOutAuc());
        assertThat(trees.heldOutAuc().keySet())
                .containsExactly(
                        "boosted trees (credit-risk short list)",
                        "rule-based stage",
                        "recency alone",
                        "majority class",
                        "BG/NBD alone");
        assertThat(auc.get(0)).isGreaterThan(auc.get(2) + 0.02);
        assertThat(auc.get(0)).isGreaterThan(auc.get(1) + 0.2);
        assertThat(auc.get(0)).isGreaterThan(auc.get(3) + 0.2);
    }

    @Test
    void storedTreesReadBackScoreEveryUnitExactlyAsFitted() throws Exception {
        ModelFiles files = new ModelFiles(temp.resolve("models-trees"));
        StoredModel saved = files.save(treesForDefault.model());
        StoredModel loaded = files.load(saved.id()).orElseThrow();
        List<Observation> units = ChurnFeatures.of(snapshots, Outcome.DEFAULT);
        FittedModel fittedTrees = treesForDefault.study().fitted();
        FittedModel readBack = loaded.scorer();

        assertThat(saved.id()).isEqualTo("default-1");
        assertThat(loaded.algorithm()).isEqualTo("trees");
        assertThat(readBack.probabilities(units)).containsExactly(fittedTrees.probabilities(units));
        assertThat(readBack.explain(units.subList(0, 200))).isEqualTo(fittedTrees.explain(units.subList(0, 200)));
        assertThat(ModelFiles.json(loaded)).isEqualTo(ModelFiles.json(saved));
    }

    @Test
    void refitOfTreesWithTheSameProvenanceGivesTheSameBytes() {
        ChurnModels.Fitted again = ChurnModels.fitTrees(
                Outcome.DEFAULT,
                TreeSettings.standard(),
                snapshots,
                ChurnFeatures.of(snapshots, Outcome.DEFAULT),
                INPUTS);
        assertThat(again.model().trees().sha256())
                .isEqualTo(treesForDefault.model().trees().sha256());
        assertThat(ModelFiles.json(again.model())).isEqualTo(ModelFiles.json(treesForDefault.model()));
    }

    @Test
    void treesWhoseBytesWereChangedAreRefused() {
        StoredModel stored = treesForDefault.model();
        StoredTrees trees = stored.trees();
        byte[] bytes = java.util.Base64.getDecoder().decode(trees.booster());
        bytes[bytes.length / 2] ^= 1;
        StoredTrees changed = new StoredTrees(
                trees.format(),
                java.util.Base64.getEncoder().encodeToString(bytes),
                trees.sha256(),
                trees.features(),
                trees.columns(),
                trees.eventClass(),
                trees.classes(),
                trees.settings());
        assertThatThrownBy(() -> BoostedTrees.of(changed)).hasMessageContaining("SHA-256");
    }

    @Test
    void treesProvenanceNamesTheirSettingsAndSeed() {
        ModelProvenance p = treesForDefault.model().provenance();
        assertThat(p.kind()).isEqualTo("default");
        assertThat(p.trainer()).contains("XGBoost", "1 thread");
        assertThat(p.epochs()).isEqualTo(300);
        assertThat(p.learningRate()).isEqualTo(0.05);
        assertThat(p.seed()).isEqualTo(11);
        assertThat(treesForDefault.model().trees().settings()).isEqualTo(TreeSettings.standard());
        assertThat(treesForDefault.model().referenceScoreShares().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum())
                .isCloseTo(1, within(1e-9));
    }

    @Test
    void trainingNeverSeesTheTestPeriod() {
        assertThat(study.lastTrainingDate().plusMonths(ChurnModels.HORIZON_MONTHS))
                .isBeforeOrEqualTo(study.firstTestDate());
    }

    /**
     * Thousands of test snapshots with over a thousand churn events: an AUC's standard error is under 0.01 here, so a
     * margin of 0.05 is several standard errors (measured: model 0.91, recency alone 0.80, stage 0.57).
     */
    @Test
    void modelBeatsEveryBaselineByAMargin() {
        assertThat(study.baselines()).hasSize(4);
        for (ModelResult baseline : study.baselines()) {
            assertThat(study.model().auc()).as(baseline.name()).isGreaterThan(baseline.auc() + 0.05);
        }
    }

    @Test
    void contributionsAddUpToTheLogOdds() {
        LogisticModel model = (LogisticModel) study.fitted();
        Observation unit = new Observation("x", Map.of(ChurnFeatures.RECENCY, 200.0), false);
        double sum = model.intercept()
                + model.contributions(unit).stream()
                        .mapToDouble(ScoreContribution::logOdds)
                        .sum();
        assertThat(sum).isCloseTo(model.logOdds(unit), within(1e-9));
    }

    @Test
    void storedModelIsReadBackAsItWasWritten() throws Exception {
        ModelFiles files = new ModelFiles(temp.resolve("models-roundtrip"));
        StoredModel first = files.save(fitted.model());
        StoredModel second = files.save(fitted.model());
        assertThat(first.id()).isEqualTo("churn-1");
        assertThat(second.id()).isEqualTo("churn-2");
        assertThat(ModelFiles.json(files.load("churn-1").orElseThrow())).isEqualTo(ModelFiles.json(first));
        assertThat(files.latest("churn")).map(StoredModel::id).contains("churn-2");
    }

    @Test
    void fitOnTheSnapshotsItUsesOnlyIsTheSameModel() throws Exception {
        ChurnSnapshots kept = new ChurnSnapshots(
                PolicyYaml.shipped("default"),
                ChurnModels.firstSnapshot(END),
                END,
                ChurnModels.HORIZON_MONTHS,
                ChurnModels.used(Outcome.CHURN, END));
        try (DuckDbBookStore store = DuckDbBookStore.open(temp.resolve("workspace"))) {
            store.forEachHistory(kept::add);
        }
        List<Snapshot> units = kept.snapshots();

        StoredModel model = ChurnModels.fit(
                        units, ChurnFeatures.of(units, Outcome.CHURN, kept.populationFits()), INPUTS)
                .model();

        assertThat(units.size()).isLessThan(snapshots.size() * 2 / 3);
        assertThat(ModelFiles.json(model)).isEqualTo(ModelFiles.json(fitted.model()));
    }

    @Test
    void refitWithTheSameProvenanceGivesTheSameModel() {
        StoredModel again = ChurnModels.fit(snapshots, observations, INPUTS).model();
        assertThat(ModelFiles.json(again)).isEqualTo(ModelFiles.json(fitted.model()));
    }

    @Test
    void scoresOfADateAgainstThemselvesAreStableAndAucHoldsOverTheTestMonths() {
        List<Observation> atEnd = new ArrayList<>();
        List<Observation> testUnits = new ArrayList<>();
        List<LocalDate> testDates = new ArrayList<>();
        for (int i = 0; i < snapshots.size(); i++) {
            Snapshot s = snapshots.get(i);
            if (s.asOf().equals(END)) {
                atEnd.add(observations.get(i));
            }
            if (s.atRisk() && s.laterStage() != null && !s.asOf().isBefore(study.firstTestDate())) {
                testUnits.add(observations.get(i));
                testDates.add(s.asOf());
            }
        }
        Map<String, PopulationStability> same = Monitoring.stability(study.fitted(), atEnd, atEnd);
        assertThat(same.get("score").index()).isZero();
        Map<LocalDate, Double> auc = Monitoring.aucByDate(study.fitted(), testDates, testUnits);
        assertThat(auc).hasSize(7);
        assertThat(auc.values()).allSatisfy(value -> assertThat(value).isGreaterThan(0.8));
    }

    @Test
    void riskiestCustomerIsExplainedInEnglishAndChinese() {
        Observation riskiest = observations.stream()
                .max(Comparator.comparingDouble(study.fitted()::probability))
                .orElseThrow();
        List<ScoreContribution> contributions = study.fitted().explain(riskiest).contributions();
        List<String> english = ScoreReasons.render(contributions, 3, Language.ENGLISH);
        List<String> chinese = ScoreReasons.render(contributions, 3, Language.CHINESE);
        System.out.println("riskiest " + riskiest.id() + ": " + english + " / " + chinese);
        assertThat(english).hasSize(3).allSatisfy(line -> assertThat(line).contains("the risk (log-odds "));
        assertThat(chinese).hasSize(3).allSatisfy(line -> assertThat(line).contains("风险（对数几率"));
    }
}
