package io.fidelis.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fidelis.core.classification.Language;
import io.fidelis.core.prediction.Datasets;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TreeSHAP explanations of the boosted-tree PD challenger, trained on all of German credit: for every applicant the
 * contributions plus the bias are the model's margin, and the margin is the log-odds of the booster's probability.
 */
class BoostedTreesExplanationTest {

    private static List<Observation> applicants;
    private static BoostedTrees trees;

    @BeforeAll
    static void train() throws IOException {
        applicants = GermanCredit.read(Datasets.file("german_credit/germancredit.csv"));
        trees = BoostedTrees.train(applicants, 200, 0.05, 3, 20261128L);
    }

    @Test
    void contributionsAndBiasAddUpToTheMarginOfEveryApplicant() {
        List<ScoreExplanation> explanations = trees.explain(applicants);
        for (int i = 0; i < applicants.size(); i++) {
            Observation applicant = applicants.get(i);
            ScoreExplanation explanation = explanations.get(i);
            double sum = explanation.bias();
            for (ScoreContribution contribution : explanation.contributions()) {
                sum += contribution.logOdds();
            }

            assertThat(sum).as(applicant.id()).isCloseTo(explanation.margin(), within(1e-4));
        }
    }

    @Test
    void theMarginIsTheLogOddsOfTheModelsProbability() {
        List<ScoreExplanation> explanations = trees.explain(applicants);
        // Tribuo predicts one applicant at a time: every 10th keeps the test short
        for (int i = 0; i < applicants.size(); i += 10) {
            Observation applicant = applicants.get(i);
            double margin = explanations.get(i).margin();

            assertThat(1 / (1 + Math.exp(-margin)))
                    .as(applicant.id())
                    .isCloseTo(trees.probability(applicant), within(1e-5));
        }
    }

    @Test
    void oneApplicantAloneIsExplainedAsInABatch() {
        assertThat(trees.explain(applicants.get(5)))
                .isEqualTo(trees.explain(applicants).get(5));
    }

    @Test
    void theBiasIsTheSameForEveryoneAndTheContributionsDiffer() {
        ScoreExplanation first = trees.explain(applicants.get(0));
        ScoreExplanation second = trees.explain(applicants.get(1));

        assertThat(second.bias()).isEqualTo(first.bias());
        assertThat(second.contributions()).isNotEqualTo(first.contributions());
        assertThat(first.contributions().get(0).logOdds()).isNotZero();
    }

    @Test
    void treeContributionsRenderLikeTheRuleReasons() {
        List<String> english =
                ScoreReasons.render(trees.explain(applicants.get(0)).contributions(), 3, Language.ENGLISH);
        List<String> chinese =
                ScoreReasons.render(trees.explain(applicants.get(0)).contributions(), 3, Language.CHINESE);

        assertThat(english)
                .hasSize(3)
                .allMatch(line -> line.matches(".+: (raises|lowers) the risk \\(log-odds [+-]\\d+\\.\\d\\d\\)"));
        assertThat(chinese).hasSize(3).allMatch(line -> line.contains("风险（对数几率 "));
    }
}
