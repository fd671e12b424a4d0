package io.fidelis.cli.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.classification.Classification;
import io.fidelis.core.classification.Classifier;
import io.fidelis.core.evaluation.MigrationMatrix;
import io.fidelis.core.policy.Policy;
import io.fidelis.generator.BookGenerator;
import io.fidelis.generator.GeneratorSettings;
import io.fidelis.generator.Truth;
import io.fidelis.store.CsvBookFolder;
import io.fidelis.store.ImportRequest;
import io.fidelis.store.duckdb.DuckDbBookStore;
import io.fidelis.store.policy.PolicyYaml;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine against the generator's intended classes ({@code truth.csv}): a generated book of 3,000 customers is
 * imported for real and classified as of its end date; the confusion matrices (rows: intended, columns: engine) are
 * printed and held to floors.
 *
 * <p>Why these floors: the generator's archetypes are not all clear-cut by the seed's own definitions. A new customer
 * has a "short history, possibly a single transaction", which the seed lists under low loyalty while the generator
 * means it as medium; a steady payer with average satisfaction sits near the high band's edge. So perfect agreement
 * is not the aim; the floors sit a few points under what the shipped policies reach (default: tier 0.89, stage 0.98
 * at the time of writing) so that a regression shows, and the richer default policy must beat the seed's two-signal
 * case, which is the baseline.
 */
class TruthAgreementTest {

    private static final LocalDate END = GeneratorSettings.DEFAULT_END;
    private static final List<String> TIERS = List.of("high", "medium", "low");
    private static final List<String> STAGES = List.of("new", "active", "dormant", "churned");

    @TempDir
    static Path temp;

    private static final Map<String, String> truthTier = new HashMap<>();
    private static final Map<String, String> truthStage = new HashMap<>();
    private static Path workspace;

    @BeforeAll
    static void generateAndImport() throws Exception {
        Path book = temp.resolve("book");
        new BookGenerator(new GeneratorSettings(3000, 20261128L, END, 3)).writeTo(book, done -> {});
        Truth.read(book).forEach((customerId, intended) -> {
            truthTier.put(customerId, intended.tier());
            truthStage.put(customerId, intended.stage());
        });
        workspace = temp.resolve("workspace");
        try (DuckDbBookStore store = DuckDbBookStore.open(workspace)) {
            store.importBook(ImportRequest.strict(CsvBookFolder.of(book)));
        }
    }

    @Test
    void defaultPolicyAgreesWithTheIntendedClasses() throws Exception {
        Agreement agreement = classify("default");

        assertThat(agreement.tiers.total()).isEqualTo(3000);
        assertThat(accuracy(agreement.tiers)).as("tier agreement").isGreaterThanOrEqualTo(0.85);
        assertThat(accuracy(agreement.stages)).as("stage agreement").isGreaterThanOrEqualTo(0.95);
        assertThat(agreement.tiers.rowShare("high", "high"))
                .as("intended high found high")
                .isGreaterThan(0.85);
        assertThat(agreement.tiers.rowShare("low", "low"))
                .as("intended low found low")
                .isGreaterThan(0.90);
        // A customer that stopped paying days before the end date is low in the generator's story already, while
        // its records show no arrears worth the name yet: such swaps stay rare.
        assertThat(agreement.tiers.count("high", "low") + agreement.tiers.count("low", "high"))
                .as("high and low swapped")
                .isLessThanOrEqualTo(15);
        assertThat(agreement.stages.rowShare("churned", "churned"))
                .as("churned found")
                .isGreaterThan(0.95);
        assertThat(agreement.stages.rowShare("new", "new")).as("new found").isGreaterThan(0.95);
        assertThat(agreement.stages.rowShare("active", "active"))
                .as("active found")
                .isGreaterThan(0.95);
    }

    @Test
    void defaultPolicyBeatsTheSeedCaseBaseline() throws Exception {
        double richer = accuracy(classify("default").tiers);
        double baseline = accuracy(classify("seed-case").tiers);

        assertThat(richer).as("default tier agreement against the seed case's").isGreaterThan(baseline + 0.15);
    }

    private static Agreement classify(String policyName) throws Exception {
        Policy policy = PolicyYaml.shipped(policyName);
        Classifier classifier = new Classifier(policy);
        Map<String, String> tiers = new HashMap<>();
        Map<String, String> stages = new HashMap<>();
        try (DuckDbBookStore store = DuckDbBookStore.open(workspace)) {
            store.forEachHistory(history -> {
                Classification c = classifier.classify(history, END);
                tiers.put(c.customerId(), c.tier().name().toLowerCase(Locale.ROOT));
                stages.put(c.customerId(), c.stage().name().toLowerCase(Locale.ROOT));
            });
        }
        Agreement agreement = new Agreement(
                MigrationMatrix.between(END, truthTier, END, tiers, TIERS),
                MigrationMatrix.between(END, truthStage, END, stages, STAGES));
        System.out.printf(
                "%s policy against truth.csv (rows: intended, columns: engine)%n%stier agreement %.3f%n%s"
                        + "stage agreement %.3f%n",
                policyName,
                table(agreement.tiers),
                accuracy(agreement.tiers),
                table(agreement.stages),
                accuracy(agreement.stages));
        return agreement;
    }

    private static double accuracy(MigrationMatrix matrix) {
        long agree = 0;
        for (String label : matrix.labels()) {
            agree += matrix.count(label, label);
        }
        return (double) agree / matrix.total();
    }

    private static String table(MigrationMatrix matrix) {
        StringBuilder out = new StringBuilder(String.format("%-10s", ""));
        for (String column : matrix.labels()) {
            out.append(String.format("%9s", column));
        }
        out.append('\n');
        for (String row : matrix.labels()) {
            out.append(String.format("%-10s", row));
            for (String column : matrix.labels()) {
                out.append(String.format("%9d", matrix.count(row, column)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private record Agreement(MigrationMatrix tiers, MigrationMatrix stages) {}
}
