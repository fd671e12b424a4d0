package io.fidelis.core.policy;

import static io.fidelis.core.fixtures.PolicyFixtures.bands;
import static io.fidelis.core.fixtures.PolicyFixtures.caps;
import static io.fidelis.core.fixtures.PolicyFixtures.factor;
import static io.fidelis.core.fixtures.PolicyFixtures.factors;
import static io.fidelis.core.fixtures.PolicyFixtures.linear;
import static io.fidelis.core.fixtures.PolicyFixtures.map;
import static io.fidelis.core.fixtures.PolicyFixtures.steps;
import static io.fidelis.core.fixtures.PolicyFixtures.strategies;
import static io.fidelis.core.fixtures.PolicyFixtures.tiers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fidelis.core.features.FeatureId;
import io.fidelis.core.fixtures.PolicyFixtures;
import io.fidelis.core.strategy.Guardrail;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyValidationTest {

    @Test
    void theFixturePoliciesAreValid() {
        assertThat(PolicyFixtures.seedCase().factors()).hasSize(2);
        assertThat(PolicyFixtures.broad().factors()).hasSize(22);
        assertThat(PolicyFixtures.broad().tiers().hysteresis()).isEqualTo(new Hysteresis(true, 3, 2));
        assertThat(PolicyFixtures.broad().label()).isEqualTo("default@test-1");
    }

    @SuppressWarnings("unchecked")
    static Stream<Arguments> brokenPolicies() {
        return Stream.of(
                broken(
                        "unordered bands",
                        tree -> ((Map<String, Object>) bands(tree).get(1)).put("min", 85),
                        "tiers.bands[1].min",
                        "bands overlap or are unordered"),
                broken(
                        "bands listed worst first",
                        tree -> java.util.Collections.reverse(bands(tree)),
                        "tiers.bands[1].min",
                        "bands overlap or are unordered"),
                broken(
                        "low band not starting at 0",
                        tree -> ((Map<String, Object>) bands(tree).get(2)).put("min", 10),
                        "tiers.bands[2].min",
                        "must start at 0"),
                broken("a tier without band", tree -> bands(tree).remove(1), "tiers.bands", "tier medium has no band"),
                broken(
                        "unknown tier",
                        tree -> ((Map<String, Object>) bands(tree).get(0)).put("tier", "platinum"),
                        "tiers.bands[0].tier",
                        "unknown tier 'platinum' (known: high, medium, low)"),
                broken(
                        "unknown feature",
                        tree -> ((Map<String, Object>) factors(tree).get(1)).put("feature", "foo"),
                        "factors[1].feature",
                        "unknown feature 'foo' (known: tenure_months, "),
                broken(
                        "negative weight",
                        tree -> ((Map<String, Object>) factors(tree).get(0)).put("weight", -60),
                        "factors[0].weight",
                        "must be > 0, was -60"),
                broken(
                        "weights not adding up to 100",
                        tree -> ((Map<String, Object>) factors(tree).get(0)).put("weight", 55),
                        "factors",
                        "weights add up to 95, must add up to 100"),
                broken(
                        "a feature scored twice",
                        tree -> factors(tree).add(factor("on_time_rate_by_count", 10, linear(0, 1))),
                        "factors[2].feature",
                        "already scored by factors[0]"),
                broken(
                        "a flat linear curve",
                        tree -> ((Map<String, Object>) factors(tree).get(0)).put("curve", linear(0.9, 0.9)),
                        "factors[0].curve",
                        "the curve has no slope"),
                broken(
                        "steps out of order",
                        tree -> ((Map<String, Object>) factors(tree).get(0)).put("curve", steps(0.9, 0, 0.5, 1)),
                        "factors[0].curve.steps[1].from",
                        "steps must be in increasing order of from"),
                broken(
                        "a step score above 1",
                        tree -> ((Map<String, Object>) factors(tree).get(0)).put("curve", steps(0, 0, 0.9, 1.5)),
                        "factors[0].curve.steps[1].score",
                        "must be between 0 and 1, was 1.5"),
                broken(
                        "unknown curve type",
                        tree -> ((Map<String, Object>) factors(tree).get(0)).put("curve", map("type", "sigmoid")),
                        "factors[0].curve.type",
                        "unknown curve type 'sigmoid' (known: linear, steps)"),
                broken(
                        "a curve contradicting its monotone declaration",
                        tree -> ((Map<String, Object>) factors(tree).get(0)).put("curve", linear(1, 0.8)),
                        "factors[0].curve",
                        "declared increasing in monotone"),
                broken(
                        "a missing strategy",
                        tree -> ((Map<String, Object>) strategies(tree).get("high")).remove("dormant"),
                        "strategies.high.dormant",
                        "tier HIGH with stage DORMANT has no strategy"),
                broken(
                        "a rating notch of 2",
                        tree -> ((Map<String, Object>)
                                        ((Map<String, Object>) strategies(tree).get("low")).get("new"))
                                .put("rating_notch", 2),
                        "strategies.low.new.rating_notch",
                        "must be between -1 and 1, was 2"),
                broken(
                        "unknown outreach",
                        tree -> ((Map<String, Object>)
                                        ((Map<String, Object>) strategies(tree).get("low")).get("new"))
                                .put("outreach", List.of("carrier_pigeon")),
                        "strategies.low.new.outreach[0]",
                        "unknown outreach 'carrier_pigeon'"),
                broken(
                        "unknown key",
                        tree -> ((Map<String, Object>) factors(tree).get(0)).put("wieght", 3),
                        "factors[0].wieght",
                        "unknown key 'wieght' (known: curve, feature, weight)"),
                broken(
                        "a word where a number belongs",
                        tree -> tree.put("window_months", "three years"),
                        "window_months",
                        "must be a whole number, was 'three years'"),
                broken(
                        "a window of zero months",
                        tree -> tree.put("window_months", 0),
                        "window_months",
                        "must be between 1 and 240, was 0"),
                broken(
                        "a bad date",
                        tree -> tree.put("effective_from", "2026-02-30"),
                        "effective_from",
                        "must be a date like 2026-01-31"),
                broken("missing author", tree -> tree.remove("author"), "author", "required"),
                broken(
                        "a list where a mapping belongs",
                        tree -> tree.put("stages", List.of(1, 2)),
                        "stages",
                        "must be a mapping of keys to values, was a list"),
                broken(
                        "negative evidence threshold",
                        tree -> ((Map<String, Object>) caps(tree).get("insufficient_evidence")).put("min_surveys", -1),
                        "tiers.caps.insufficient_evidence.min_surveys",
                        "must be between 0 and 10000, was -1"),
                broken(
                        "hysteresis of zero months",
                        tree -> tiers(tree).put("hysteresis", map("enabled", true, "margin", 2, "months", 0)),
                        "tiers.hysteresis.months",
                        "must be between 1 and 24, was 0"),
                broken(
                        "unknown monotone direction",
                        tree -> tree.put("monotone", map("complaints", "sideways")),
                        "monotone.complaints",
                        "unknown direction 'sideways' (known: increasing, decreasing)"));
    }

    private static Arguments broken(
            String name, Consumer<Map<String, Object>> breakIt, String path, String messagePart) {
        return Arguments.of(name, breakIt, path, messagePart);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenPolicies")
    void aBrokenPolicyIsRejectedWithTheKeyPathOfTheProblem(
            String name, Consumer<Map<String, Object>> breakIt, String path, String messagePart) {
        Map<String, Object> tree = PolicyFixtures.seedCaseTree();
        breakIt.accept(tree);

        InvalidPolicyException thrown = catchThrowableOfType(InvalidPolicyException.class, () -> PolicyTree.read(tree));

        assertThat(thrown).as(name).isNotNull();
        assertThat(thrown.problems()).as(name).anySatisfy(problem -> {
            assertThat(problem.path()).isEqualTo(path);
            assertThat(problem.message()).contains(messagePart);
        });
    }

    @SuppressWarnings("unchecked")
    @Test
    void everyProblemIsReportedAtOnce() {
        Map<String, Object> tree = PolicyFixtures.seedCaseTree();
        ((Map<String, Object>) factors(tree).get(1)).put("feature", "foo");
        ((Map<String, Object>) bands(tree).get(1)).put("min", 90);
        ((Map<String, Object>) strategies(tree).get("medium")).remove("churned");
        tree.put("grace_days", -1);

        InvalidPolicyException thrown = catchThrowableOfType(InvalidPolicyException.class, () -> PolicyTree.read(tree));

        assertThat(thrown.problems())
                .extracting(PolicyProblem::path)
                .containsExactlyInAnyOrder(
                        "factors[1].feature", "tiers.bands[1].min", "strategies.medium.churned", "grace_days");
        assertThat(thrown.getMessage()).contains("grace_days: must be between 0 and 366, was -1");
        assertThat(PolicyTree.problems(tree)).isEqualTo(thrown.problems());
        assertThat(PolicyTree.problems(PolicyFixtures.seedCaseTree())).isEmpty();
    }

    @Test
    void aProblemTheReaderReportedIsNotReportedAgainByTheRules() {
        Map<String, Object> tree = PolicyFixtures.seedCaseTree();
        tree.put("window_months", "many");

        InvalidPolicyException thrown = catchThrowableOfType(InvalidPolicyException.class, () -> PolicyTree.read(tree));

        assertThat(thrown.problems()).hasSize(1);
    }

    @Test
    void aPolicyBuiltInCodeIsValidatedToo() {
        Policy valid = PolicyFixtures.seedCase();

        assertThatThrownBy(() -> new Policy(
                        valid.id(),
                        valid.version(),
                        valid.effectiveFrom(),
                        valid.author(),
                        valid.description(),
                        valid.windowMonths(),
                        valid.activityWindowMonths(),
                        valid.graceDays(),
                        List.of(new Factor(FeatureId.SATISFACTION_MEAN, 100, new Curve.Linear(5, 1))),
                        Map.of(FeatureId.SATISFACTION_MEAN, Direction.INCREASING),
                        valid.tiers(),
                        valid.stages(),
                        new Guardrail(-3),
                        valid.strategies()))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining("factors[0].curve: feature 'satisfaction_mean' is declared increasing")
                .hasMessageContaining("guardrails.max_arrears_days: must be between 0 and 10000, was -3");
    }

    @Test
    void aPolicyIsImmutable() {
        Policy policy = PolicyFixtures.seedCase();

        assertThatThrownBy(() -> policy.factors().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> policy.monotone().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> policy.strategies().table().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
