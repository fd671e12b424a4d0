package io.fidelis.cli;

import static io.fidelis.cli.Cli.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fidelis.core.classification.ManualOverride;
import io.fidelis.core.domain.Coded;
import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.policy.Tier;
import io.fidelis.store.RecordedOverride;
import io.fidelis.store.csv.OverridesCsv;
import io.fidelis.store.duckdb.DuckDbBookStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverrideCommandTest {

    @TempDir
    static Path temp;

    private static Path workspace;
    private static List<String> customers;

    @BeforeAll
    static void importABook() {
        workspace = Cli.generatedWorkspace(temp, 41);
        customers = new ArrayList<>();
        try (DuckDbBookStore book = DuckDbBookStore.open(workspace)) {
            book.forEachHistory((CustomerHistory h) -> customers.add(h.customerId()));
        }
    }

    private static Cli.Result fidelis(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--workspace");
        all.add(workspace.toString());
        return Cli.run(all.toArray(String[]::new));
    }

    private static JsonNode explained(String customerId, String asOf) throws Exception {
        Cli.Result result = fidelis("explain", customerId, "--as-of", asOf, "--json");
        assertThat(result.exit()).as(result.err()).isEqualTo(Main.OK);
        return new ObjectMapper().readTree(result.out());
    }

    private static Tier tier(JsonNode explained) {
        return Coded.parse(Tier.class, explained.at("/tier/tier").asText());
    }

    @Test
    void anOverrideSetsTheTierAndShowsInExplainUntilItExpires() throws Exception {
        String customer = customers.get(0);
        Tier computed = tier(explained(customer, AS_OF));
        Tier set = computed == Tier.LOW ? Tier.HIGH : Tier.LOW;

        Cli.Result recorded = fidelis(
                "override",
                customer,
                "--tier",
                set.code(),
                "--reason",
                "credit committee decision",
                "--author",
                "Zhang Wei",
                "--expires",
                "2026-10-31");

        assertThat(recorded.exit()).as(recorded.err()).isEqualTo(Main.OK);
        assertThat(recorded.out()).containsPattern("Override \\d+ recorded: " + customer + " tier " + set.code());
        JsonNode during = explained(customer, AS_OF);
        assertThat(tier(during)).isEqualTo(set);
        assertThat(during.at("/tier_reasons/0/code").asText()).isEqualTo("tier_overridden");
        assertThat(during.at("/override/author").asText()).isEqualTo("Zhang Wei");
        assertThat(fidelis("explain", customer, "--as-of", AS_OF).out())
                .contains("Override: ")
                .contains("Zhang Wei")
                .contains("credit committee decision");
        assertThat(fidelis("explain", customer, "--as-of", AS_OF, "--lang", "zh")
                        .out())
                .contains("人工调整");
        JsonNode after = explained(customer, "2026-10-31");
        assertThat(after.get("override").isNull()).isTrue();
        assertThat(after.toString()).doesNotContain("tier_overridden");
    }

    @Test
    void anOverrideFromALaterDateDoesNotApplyBefore() throws Exception {
        String customer = customers.get(1);

        fidelis(
                "override",
                customer,
                "--stage",
                "dormant",
                "--reason",
                "no contact since the audit",
                "--author",
                "Li Na",
                "--from",
                "2026-10-01",
                "--expires",
                "2027-01-01");

        assertThat(explained(customer, AS_OF).get("override").isNull()).isTrue();
        JsonNode later = explained(customer, "2026-10-15");
        assertThat(later.at("/stage/stage").asText()).isEqualTo("dormant");
        assertThat(later.at("/stage_reasons/0/code").asText()).isEqualTo("stage_overridden");
    }

    @Test
    void classifyAppliesTheOverridesInForceAndCountsThem() {
        String customer = customers.get(2);
        fidelis(
                "override",
                customer,
                "--tier",
                "medium",
                "--stage",
                "active",
                "--reason",
                "merger pending",
                "--author",
                "Chen Jie",
                "--expires",
                "2026-12-31");

        Cli.Result classified = fidelis("classify", "--as-of", AS_OF);

        assertThat(classified.exit()).as(classified.err()).isEqualTo(Main.OK);
        assertThat(classified.out()).containsPattern("Manual overrides 人工调整: [1-9]\\d* customers");
    }

    @Test
    void listShowsEveryOverrideAndWhetherItIsInForce() {
        String customer = customers.get(3);
        fidelis(
                "override",
                customer,
                "--tier",
                "high",
                "--reason",
                "strategic client",
                "--author",
                "Wu Lei",
                "--expires",
                "2026-11-30");

        Cli.Result onAsOf = fidelis("override", "--list", customer, "--as-of", AS_OF);
        Cli.Result later = fidelis("override", "--list", customer, "--as-of", "2026-12-01");

        assertThat(onAsOf.exit()).isEqualTo(Main.OK);
        assertThat(onAsOf.out()).contains(customer, "high", "in force", "Wu Lei", "strategic client");
        assertThat(later.out()).contains("expired");
        assertThat(fidelis("override", "--list", "NOBODY").out()).contains("No overrides recorded for NOBODY.");
    }

    @Test
    void anUnknownCustomerIsADataError() {
        Cli.Result result = fidelis(
                "override", "NOBODY", "--tier", "low", "--reason", "r", "--author", "a", "--expires", "2027-01-01");

        assertThat(result.exit()).isEqualTo(Main.DATA_ERRORS);
        assertThat(result.err()).contains("no customer 'NOBODY'");
    }

    @Test
    void incompleteOrContradictoryOverridesAreUsageErrors() {
        String customer = customers.get(4);

        Cli.Result nothingSet =
                fidelis("override", customer, "--reason", "r", "--author", "a", "--expires", "2027-01-01");
        Cli.Result noReason =
                fidelis("override", customer, "--tier", "low", "--author", "a", "--expires", "2027-01-01");
        Cli.Result backwards = fidelis(
                "override",
                customer,
                "--tier",
                "low",
                "--reason",
                "r",
                "--author",
                "a",
                "--from",
                "2027-01-01",
                "--expires",
                "2026-01-01");
        Cli.Result badTier = fidelis(
                "override", customer, "--tier", "gold", "--reason", "r", "--author", "a", "--expires", "2027-01-01");

        assertThat(nothingSet.exit()).isEqualTo(Main.USAGE);
        assertThat(nothingSet.err()).contains("give --tier or --stage");
        assertThat(noReason.exit()).isEqualTo(Main.USAGE);
        assertThat(backwards.exit()).isEqualTo(Main.USAGE);
        assertThat(backwards.err()).contains("must be after --from");
        assertThat(badTier.exit()).isEqualTo(Main.USAGE);
        assertThat(badTier.err()).contains("'gold' is not one of high, medium, low");
        assertThat(fidelis("override", "--list", customer).out()).contains("No overrides recorded");
    }

    @Test
    void exportWritesEveryOverrideRecordedInForceOrNotInTheOrderRecorded() throws Exception {
        String customer = customers.get(5);
        fidelis(
                "override",
                customer,
                "--tier",
                "low",
                "--reason",
                "expired already, \"still\" exported",
                "--author",
                "Zhao Min",
                "--from",
                "2025-01-01",
                "--expires",
                "2025-06-30");
        fidelis(
                "override",
                customer,
                "--stage",
                "churned",
                "--reason",
                "not yet in force",
                "--author",
                "Zhao Min",
                "--from",
                "2030-01-01",
                "--expires",
                "2030-06-30");
        Path file = temp.resolve("exported").resolve("overrides.csv");

        Cli.Result exported = fidelis("override", "--export", file.toString());

        assertThat(exported.exit()).as(exported.err()).isEqualTo(Main.OK);
        List<ManualOverride> recorded;
        try (DuckDbBookStore book = DuckDbBookStore.open(workspace)) {
            recorded = book.overrides().all().stream()
                    .map(RecordedOverride::override)
                    .toList();
        }
        assertThat(recorded).hasSizeGreaterThanOrEqualTo(2);
        assertThat(exported.out()).contains("Exported " + recorded.size() + " overrides");
        assertThat(OverridesCsv.read(file).overrides()).containsExactlyElementsOf(recorded);
    }

    @Test
    void exportTakesNothingButTheFile() {
        Cli.Result withCustomer = fidelis(
                "override", customers.get(6), "--export", temp.resolve("x.csv").toString());
        Cli.Result withList =
                fidelis("override", "--list", "--export", temp.resolve("x.csv").toString());
        Cli.Result toAFolder = fidelis("override", "--export", temp.toString());

        assertThat(withCustomer.exit()).isEqualTo(Main.USAGE);
        assertThat(withCustomer.err()).contains("--export takes only FILE");
        assertThat(withList.exit()).isEqualTo(Main.USAGE);
        assertThat(toAFolder.exit()).isEqualTo(Main.USAGE);
        assertThat(toAFolder.err()).contains("is a folder");
        assertThat(temp.resolve("x.csv")).doesNotExist();
    }
}
