package io.fidelis.store.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fidelis.core.features.FeatureId;
import io.fidelis.core.policy.Policy;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import io.fidelis.core.strategy.Outreach;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyYamlTest {

    static String seedCaseText() {
        try (InputStream in = PolicyYamlTest.class.getResourceAsStream("/policies/seed-case.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The line (1-based) of the first line of {@code text} containing {@code fragment}. */
    private static int lineOf(String text, String fragment) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(fragment)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + fragment);
    }

    private static PolicyException failing(String text) {
        return catchThrowableOfType(PolicyException.class, () -> PolicyYaml.parse(text, "policy.yaml"));
    }

    @Test
    void aPolicyFileParses() throws PolicyException {
        Policy policy = PolicyYaml.parse(seedCaseText(), "seed-case.yaml");

        assertThat(policy.id()).isEqualTo("seed-case");
        assertThat(policy.effectiveFrom()).isEqualTo("2026-01-01");
        assertThat(policy.factors().get(0).feature()).isEqualTo(FeatureId.ON_TIME_RATE_BY_COUNT);
        assertThat(policy.description()).startsWith("The worked case of the seed");
    }

    @Test
    void anUnknownFeatureIsReportedWithItsPathAndLine() {
        String text = seedCaseText().replace("feature: satisfaction_mean", "feature: satisfaction_avg");

        PolicyException thrown = failing(text);

        assertThat(thrown.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("factors[1].feature");
            assertThat(problem.line()).isEqualTo(lineOf(text, "satisfaction_avg"));
            assertThat(problem.message()).startsWith("unknown feature 'satisfaction_avg' (known: tenure_months,");
        });
        assertThat(thrown.getMessage())
                .startsWith("policy.yaml:" + lineOf(text, "satisfaction_avg")
                        + ": factors[1].feature: unknown feature 'satisfaction_avg'");
    }

    @Test
    void everyProblemComesOutInTheOrderOfTheFile() {
        String text = seedCaseText()
                .replace("grace_days: 0 ", "grace_days: -2 ")
                .replace("{tier: medium, min: 50}", "{tier: medium, min: 90}")
                .replace(
                        "    churned: {pricing_bps: 0, rating_notch: 0, approval_route: standard, credit_line: maintain,"
                                + " outreach: [win_back_offer, complaint_follow_up]}\n  low:",
                        "  low:");

        PolicyException thrown = failing(text);

        assertThat(thrown.problems())
                .extracting(PolicyException.Problem::path)
                .containsExactly("grace_days", "tiers.bands[1].min", "strategies.medium.churned");
        assertThat(thrown.problems())
                .extracting(PolicyException.Problem::line)
                .containsExactly(lineOf(text, "grace_days"), lineOf(text, "{tier: medium"), lineOf(text, "  medium:"));
        assertThat(thrown.problems().get(2).message())
                .isEqualTo("tier MEDIUM with stage CHURNED has no strategy; give one for every tier and stage");
    }

    @Test
    void aYamlSyntaxErrorGivesLineAndColumn() {
        String text = "id: x\nversion: [1, 2\nauthor: me\n";

        PolicyException thrown = failing(text);

        PolicyException.Problem problem = thrown.problems().get(0);
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.column()).isPositive();
        assertThat(problem.message()).startsWith("not valid YAML: ");
        assertThat(problem.describe()).startsWith("policy.yaml:3:");
    }

    @Test
    void aDuplicateKeyIsAProblem() {
        String text = seedCaseText().replace("grace_days: 0 ", "grace_days: 0\ngrace_days: 3 ");

        PolicyException thrown = failing(text);

        assertThat(thrown.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("grace_days");
            assertThat(problem.message())
                    .isEqualTo("duplicate key 'grace_days' (first on line " + lineOf(text, "grace_days") + ")");
        });
    }

    @Test
    void anchorsAndMergeKeysShortenTheStrategyTable() throws PolicyException {
        String strategies = """
                strategies:
                  high:
                    new: &standard {pricing_bps: 0, rating_notch: 0, approval_route: standard, credit_line: maintain}
                    active: {<<: *standard, approval_route: priority, outreach: [personalised_plan]}
                    dormant: *standard
                    churned: *standard
                  medium: &all {new: *standard, active: *standard, dormant: *standard, churned: *standard}
                  low: *all
                """;
        String text = seedCaseText().substring(0, seedCaseText().indexOf("strategies:")) + strategies;

        Policy policy = PolicyYaml.parse(text, "policy.yaml");

        assertThat(policy.strategies()
                        .actionsFor(Tier.HIGH, Stage.ACTIVE)
                        .approvalRoute()
                        .code())
                .isEqualTo("priority");
        assertThat(policy.strategies().actionsFor(Tier.HIGH, Stage.ACTIVE).outreach())
                .containsExactly(Outreach.PERSONALISED_PLAN);
        assertThat(policy.strategies()
                        .actionsFor(Tier.LOW, Stage.CHURNED)
                        .approvalRoute()
                        .code())
                .isEqualTo("standard");
    }

    @Test
    void aMissingSectionIsReportedAtTheLineOfItsParent() {
        String text = seedCaseText()
                .replace("  hysteresis: {enabled: false, margin: 0, months: 1}\n", "")
                .replace("    credit_event: true\n", "");

        PolicyException thrown = failing(text);

        assertThat(thrown.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("tiers.caps.credit_event");
            assertThat(problem.message()).isEqualTo("required");
            assertThat(problem.line()).isEqualTo(lineOf(text, "  caps:"));
        });
    }

    @Test
    void anEmptyFileAndAListAreNotPolicies() {
        assertThat(failing("").problems().get(0).message()).startsWith("the file is empty");
        assertThat(failing("# only a comment\n").problems().get(0).message()).startsWith("the file is empty");
        assertThat(failing("- a\n- b\n").problems().get(0).message()).startsWith("a policy is a mapping");
    }

    @Test
    void aSelfReferringMergeIsAProblemNotACrash() {
        String text = "a: &x\n  b: 1\n  <<: *x\n";

        assertThat(failing(text).problems()).isNotEmpty();
    }

    @Test
    void aFileLoadsFromDiskWithOrWithoutByteOrderMark(@TempDir Path dir) throws IOException, PolicyException {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, "\uFEFF" + seedCaseText());

        assertThat(PolicyYaml.load(file).id()).isEqualTo("seed-case");
    }

    @Test
    void aFileThatIsNotUtf8OrNotThereIsAProblemNamingIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("gbk.yaml");
        Files.write(file, new byte[] {'i', 'd', ':', ' ', (byte) 0xB8, (byte) 0xDF});

        PolicyException notUtf8 = catchThrowableOfType(PolicyException.class, () -> PolicyYaml.load(file));
        PolicyException missing =
                catchThrowableOfType(PolicyException.class, () -> PolicyYaml.load(dir.resolve("nope.yaml")));

        assertThat(notUtf8.getMessage()).isEqualTo(file + ": not UTF-8 text; save the policy as UTF-8");
        assertThat(missing.getMessage()).contains("nope.yaml: cannot read the file");
    }

    @Test
    void anUnknownShippedPolicyNamesTheShippedOnes() {
        PolicyException thrown = catchThrowableOfType(PolicyException.class, () -> PolicyYaml.shipped("gold"));

        assertThat(thrown.getMessage())
                .isEqualTo("gold: no shipped policy named 'gold' (shipped: default, seed-case, activity-model)");
    }
}
