package io.fidelis.core.policy;

import static io.fidelis.core.fixtures.PolicyFixtures.factor;
import static io.fidelis.core.fixtures.PolicyFixtures.factors;
import static io.fidelis.core.fixtures.PolicyFixtures.linear;
import static io.fidelis.core.fixtures.PolicyFixtures.list;
import static io.fidelis.core.fixtures.PolicyFixtures.map;
import static io.fidelis.core.fixtures.PolicyFixtures.stages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fidelis.core.features.FeatureId;
import io.fidelis.core.fixtures.PolicyFixtures;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code stages.activity_model} section: read, and every mistake reported at its key path. */
class ActivityModelPolicyTest {

    private static final String AT = "stages.activity_model";

    @Test
    void theSectionIsReadIntoTheStagePolicy() {
        ActivityModel model = PolicyFixtures.activityModel().stages().activityModel();

        assertThat(model.enabled()).isTrue();
        assertThat(model.features()).containsExactly(FeatureId.P_ALIVE, FeatureId.EXPECTED_ACTIVITY_26W);
        assertThat(model.dormantWhen()).containsExactly(new StageCondition(FeatureId.P_ALIVE, 0.30));
        assertThat(model.churnedWhen()).containsExactly(new StageCondition(FeatureId.P_ALIVE, 0.02));
    }

    @Test
    void withoutTheSectionTheModelIsOff() {
        assertThat(PolicyFixtures.seedCase().stages().activityModel()).isEqualTo(ActivityModel.OFF);
        assertThat(PolicyFixtures.seedCase().stages().activityModel().enabled()).isFalse();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> model(Map<String, Object> tree) {
        return (Map<String, Object>) stages(tree).get("activity_model");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dormant(Map<String, Object> tree, int i) {
        return (Map<String, Object>) ((List<Object>) model(tree).get("dormant_when")).get(i);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> churned(Map<String, Object> tree, int i) {
        return (Map<String, Object>) ((List<Object>) model(tree).get("churned_when")).get(i);
    }

    static Stream<Arguments> brokenSections() {
        return Stream.of(
                broken(
                        "a probability threshold above 1",
                        tree -> dormant(tree, 0).put("below", 1.5),
                        AT + ".dormant_when[0].below",
                        "a probability threshold must be above 0 and at most 1, was 1.5"),
                broken(
                        "a threshold of 0, which nothing is below",
                        tree -> churned(tree, 0).put("below", 0),
                        AT + ".churned_when[0].below",
                        "must be above 0"),
                broken(
                        "a threshold that is not a number",
                        tree -> dormant(tree, 0).put("below", "low"),
                        AT + ".dormant_when[0].below",
                        "must be a number, was 'low'"),
                broken(
                        "a negative expected activity",
                        tree -> dormant(tree, 0).putAll(map("feature", "expected_activity_26w", "below", -1)),
                        AT + ".dormant_when[0].below",
                        "an expected number of events must be above 0 and at most 1000, was -1"),
                broken(
                        "churn at a higher P(alive) than dormancy",
                        tree -> churned(tree, 0).put("below", 0.5),
                        AT + ".churned_when[0].below",
                        "churned below 0.5 is above dormant below 0.3 for 'p_alive'"),
                broken(
                        "an unknown feature",
                        tree -> ((List<Object>) model(tree).get("features")).set(1, "p_dead"),
                        AT + ".features[1]",
                        "unknown population feature 'p_dead' (known: p_alive, expected_activity_26w)"),
                broken(
                        "a customer feature where a population feature belongs",
                        tree -> dormant(tree, 0).put("feature", "tenure_months"),
                        AT + ".dormant_when[0].feature",
                        "not a population feature 'tenure_months' (known: p_alive, expected_activity_26w)"),
                broken(
                        "a condition on a feature not enabled",
                        tree -> model(tree).put("features", list("expected_activity_26w")),
                        AT + ".dormant_when[0].feature",
                        "feature 'p_alive' is not enabled: add it to stages.activity_model.features"),
                broken(
                        "a feature listed twice",
                        tree -> model(tree).put("features", list("p_alive", "p_alive")),
                        AT + ".features[1]",
                        "already listed at features[0]"),
                broken(
                        "no feature",
                        tree -> model(tree).put("features", list()),
                        AT + ".features",
                        "list at least one of p_alive, expected_activity_26w"),
                broken(
                        "an unknown key",
                        tree -> model(tree).put("dormant_if", list()),
                        AT + ".dormant_if",
                        "unknown key 'dormant_if' (known: churned_when, dormant_when, features)"),
                broken(
                        "a population feature as a score factor",
                        tree -> {
                            factors(tree).remove(1);
                            factors(tree).add(factor("p_alive", 40, linear(0, 1)));
                        },
                        "factors[1].feature",
                        "'p_alive' is a population feature"));
    }

    private static Arguments broken(
            String name, Consumer<Map<String, Object>> breakIt, String path, String messagePart) {
        return Arguments.of(name, breakIt, path, messagePart);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenSections")
    void aBrokenSectionIsRejectedWithTheKeyPathOfTheProblem(
            String name, Consumer<Map<String, Object>> breakIt, String path, String messagePart) {
        Map<String, Object> tree = PolicyFixtures.activityModelTree();
        breakIt.accept(tree);

        InvalidPolicyException thrown = catchThrowableOfType(InvalidPolicyException.class, () -> PolicyTree.read(tree));

        assertThat(thrown).as(name).isNotNull();
        assertThat(thrown.problems()).as(name).anySatisfy(problem -> {
            assertThat(problem.path()).isEqualTo(path);
            assertThat(problem.message()).contains(messagePart);
        });
    }

    @Test
    void everyProblemOfTheSectionIsReportedAtOnceAndOnlyOnce() {
        Map<String, Object> tree = PolicyFixtures.activityModelTree();
        ((List<Object>) model(tree).get("features")).set(1, "p_dead");
        dormant(tree, 0).put("below", 2);
        churned(tree, 0).put("below", "x");

        InvalidPolicyException thrown = catchThrowableOfType(InvalidPolicyException.class, () -> PolicyTree.read(tree));

        assertThat(thrown.problems())
                .extracting(PolicyProblem::path)
                .containsExactlyInAnyOrder(
                        AT + ".features[1]", AT + ".dormant_when[0].below", AT + ".churned_when[0].below");
    }
}
