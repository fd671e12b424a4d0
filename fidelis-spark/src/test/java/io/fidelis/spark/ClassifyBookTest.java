package io.fidelis.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fidelis.core.classification.ManualOverride;
import io.fidelis.core.domain.Table;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import io.fidelis.generator.BookGenerator;
import io.fidelis.generator.GeneratorSettings;
import io.fidelis.store.RunResult;
import io.fidelis.store.csv.OverridesCsv;
import io.fidelis.store.csv.OverridesFileException;
import io.fidelis.store.policy.PolicyYaml;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job against the embedded engine on one generated book: the same tier, score, stage, reasons, actions and
 * features for every customer, whether the job reads the CSV files or the book exported as Parquet. In the module's
 * one local[2] session ({@link SharedSpark}): starting Spark takes seconds.
 */
class ClassifyBookTest {

    private static final int CUSTOMERS = 2_000;
    private static final LocalDate AS_OF = GeneratorSettings.DEFAULT_END;

    @TempDir
    static Path temp;

    private static SparkSession spark;
    private static Path book;
    private static Path parquet;
    private static Map<String, RunResult> embedded;
    private static Map<String, RunResult> embeddedWithOverrides;
    private static Path overridesFile;
    private static List<String> overridden;
    private static Tier laterTier;

    @BeforeAll
    static void classifyABookWithTheEmbeddedEngine() throws Exception {
        book = temp.resolve("book");
        new BookGenerator(new GeneratorSettings(CUSTOMERS, 11, AS_OF, GeneratorSettings.DEFAULT_YEARS))
                .writeTo(book, n -> {});
        parquet = temp.resolve("book-parquet");
        embedded =
                EmbeddedEngine.classify(book, temp.resolve("workspace"), PolicyYaml.shipped("default"), AS_OF, parquet);
        overridesFile = temp.resolve("exported").resolve("overrides.csv");
        embeddedWithOverrides = EmbeddedEngine.classifyWithOverrides(
                temp.resolve("workspace"), PolicyYaml.shipped("default"), AS_OF, overrides(), overridesFile);
        spark = SharedSpark.session();
    }

    /**
     * Overrides of the first customers, each changing what the engine computed: a tier only (then a later one that
     * wins), a stage only, both (from the as-of date, inclusive), one that expired on the as-of date (exclusive) and one
     * not yet in force.
     */
    private static List<ManualOverride> overrides() {
        List<RunResult> first = embedded.values().stream().limit(5).toList();
        overridden = first.subList(0, 3).stream().map(RunResult::customerId).toList();
        List<String> notInForce =
                first.subList(3, 5).stream().map(RunResult::customerId).toList();
        List<Tier> others = java.util.Arrays.stream(Tier.values())
                .filter(t -> t != first.get(0).tier())
                .toList();
        laterTier = others.get(1);
        return List.of(
                new ManualOverride(
                        overridden.get(0),
                        others.get(0),
                        null,
                        "credit committee",
                        "Zhang Wei",
                        null,
                        AS_OF.plusDays(90)),
                new ManualOverride(
                        overridden.get(1),
                        null,
                        otherStage(first.get(1).stage()),
                        "no contact since the audit, \"per\" the RM",
                        "李娜",
                        AS_OF.minusDays(30),
                        AS_OF.plusDays(1)),
                new ManualOverride(
                        overridden.get(2),
                        first.get(2).tier() == Tier.LOW ? Tier.HIGH : Tier.LOW,
                        otherStage(first.get(2).stage()),
                        "merger pending",
                        "Chen Jie",
                        AS_OF,
                        AS_OF.plusDays(365)),
                new ManualOverride(
                        notInForce.get(0),
                        first.get(3).tier() == Tier.LOW ? Tier.HIGH : Tier.LOW,
                        null,
                        "expired",
                        "Wu Lei",
                        AS_OF.minusDays(100),
                        AS_OF),
                new ManualOverride(
                        notInForce.get(1),
                        null,
                        otherStage(first.get(4).stage()),
                        "not yet",
                        "Wu Lei",
                        AS_OF.plusDays(1),
                        AS_OF.plusDays(60)),
                new ManualOverride(
                        overridden.get(0), laterTier, null, "superseded", "Zhang Wei", null, AS_OF.plusDays(30)));
    }

    private static Stage otherStage(Stage stage) {
        return stage == Stage.DORMANT ? Stage.ACTIVE : Stage.DORMANT;
    }

    @Test
    void fromTheCsvFilesEveryCustomerGetsWhatTheEmbeddedEngineGives() throws Exception {
        Path out = temp.resolve("from-csv");
        ClassifyBook.Summary summary = Jobs.run(spark, AS_OF, out, "--input", book.toString());

        assertThat(summary.customers()).isEqualTo(CUSTOMERS);
        assertSameAsEmbedded(out);
        Row provenance =
                spark.read().parquet(out.resolve("provenance").toString()).first();
        assertThat(provenance.<String>getAs("policy_id")).isEqualTo("default");
        assertThat(provenance.<String>getAs("policy_sha256")).startsWith("sha256:");
        assertThat(provenance.<String>getAs("input_fingerprint")).startsWith("files:sha256:");
        assertThat(provenance.<Long>getAs("customers")).isEqualTo(CUSTOMERS);
        long reasons = embedded.values().stream()
                .mapToLong(r -> r.tierReasons().size() + r.stageReasons().size())
                .sum();
        assertThat(spark.read().parquet(out.resolve("reasons").toString()).count())
                .isEqualTo(reasons);
    }

    @Test
    void fromTheBookExportedAsParquetEveryCustomerGetsWhatTheEmbeddedEngineGives() throws Exception {
        Path out = temp.resolve("from-parquet");
        ClassifyBook.Summary summary = Jobs.parquet(spark, AS_OF, out, parquet);

        assertThat(summary.customers()).isEqualTo(CUSTOMERS);
        assertSameAsEmbedded(out);
    }

    @Test
    void fromTablesOfTheCatalogEveryCustomerGetsWhatTheEmbeddedEngineGives() throws Exception {
        spark.sql("CREATE DATABASE IF NOT EXISTS lender");
        for (Table table : Table.values()) {
            spark.read()
                    .parquet(parquet.resolve(table.code() + ".parquet").toString())
                    .write()
                    .mode("overwrite")
                    .saveAsTable("lender.book_" + table.code());
        }
        Path out = temp.resolve("from-catalog");
        ClassifyBook.Summary summary =
                Jobs.run(spark, AS_OF, out, "--hive-database", "lender", "--table-prefix", "book_");

        assertThat(summary.customers()).isEqualTo(CUSTOMERS);
        assertSameAsEmbedded(out);
        Row provenance =
                spark.read().parquet(out.resolve("provenance").toString()).first();
        assertThat(provenance.<String>getAs("input_fingerprint")).startsWith("tables:sha256:");
    }

    @Test
    void overJdbcFromTheEmbeddedWorkspaceEveryCustomerGetsWhatTheEmbeddedEngineGives() throws Exception {
        Path out = temp.resolve("from-jdbc");
        ClassifyBook.Summary summary = Jobs.run(
                spark,
                AS_OF,
                out,
                "--jdbc-url",
                "jdbc:duckdb:" + temp.resolve("workspace").resolve("fidelis.duckdb"));

        assertThat(summary.customers()).isEqualTo(CUSTOMERS);
        assertSameAsEmbedded(out);
    }

    @Test
    void withTheWorkspacesOverridesExportedEveryCustomerGetsWhatTheEmbeddedEngineGives() throws Exception {
        assertThat(embeddedWithOverrides.values().stream()
                        .filter(RunResult::overridden)
                        .map(RunResult::customerId))
                .as("the embedded engine applied the overrides in force, and only those")
                .containsExactlyInAnyOrderElementsOf(overridden);
        assertThat(embeddedWithOverrides.get(overridden.get(0)).tier())
                .as("the later override wins")
                .isEqualTo(laterTier);
        Path out = temp.resolve("with-overrides");

        ClassifyBook.Summary summary =
                Jobs.parquet(spark, AS_OF, out, parquet, "--overrides", overridesFile.toString());

        assertThat(summary.customers()).isEqualTo(CUSTOMERS);
        assertSameAs(embeddedWithOverrides, out);
        Row provenance =
                spark.read().parquet(out.resolve("provenance").toString()).first();
        assertThat(provenance.<String>getAs("overrides_sha256"))
                .isEqualTo(OverridesCsv.read(overridesFile).sha256());
        assertThat(provenance.<Long>getAs("overrides_in_force")).isEqualTo(4L);
        assertThat(provenance.<String>getAs("overrides")).contains("4 of 6 in force on " + AS_OF + ", for 3 customers");
    }

    @Test
    void aBrokenOverridesFileIsRefusedBeforeAnythingRuns() throws Exception {
        Path file = temp.resolve("bad-overrides.csv");
        Files.writeString(
                file,
                "customer_id,tier,stage,reason,author,effective_from,expires_on\n" + overridden.get(0)
                        + ",gold,,typo,Zhang Wei,,2027-01-01\n");
        Path out = temp.resolve("bad-overrides-out");

        assertThatThrownBy(
                        () -> Jobs.run(spark, AS_OF, out, "--input", book.toString(), "--overrides", file.toString()))
                .isInstanceOf(OverridesFileException.class)
                .hasMessageContaining(
                        "bad-overrides.csv:2: column tier value 'gold' - expected one of: high, medium, low");
        assertThat(out).doesNotExist();
    }

    @Test
    void aRowThatBreaksTheContractIsRejectedAndNothingIsClassified() throws Exception {
        Path broken = temp.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("customers.csv"), "customer_id,size\nC1,micro\nC2,small\n");
        Files.writeString(
                broken.resolve("loans.csv"),
                "loan_id,customer_id,product,amount,start_date,maturity_date,status\n"
                        + "L1,C1,term_loan,1000,2025-01-01,2027-01-01,active\n"
                        + "L1,C2,term_loan,2000,2025-02-01,2027-02-01,active\n");
        Files.writeString(
                broken.resolve("surveys.csv"),
                "customer_id,surveyed_on,satisfaction\nC1,2026-02-30,4\nC3,2026-01-15,5\n"
                        + "C2,2026-03-01,4\nC2,2026-03-01,5\n",
                StandardCharsets.UTF_8);
        Path out = temp.resolve("from-broken");

        ClassifyBook.Summary summary = Jobs.run(spark, AS_OF, out, "--input", broken.toString());

        assertThat(summary.rejects()).isEqualTo(4);
        assertThat(out.resolve("results")).doesNotExist();
        List<String> rules = spark.read()
                .parquet(out.resolve("rejects").toString())
                .select("rule")
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList();
        assertThat(rules)
                .containsExactlyInAnyOrder("date.format", "reference.customer", "duplicate.survey", "duplicate.loan");
    }

    @Test
    void aTableWithoutARequiredColumnIsRefusedBeforeAnythingRuns() throws Exception {
        Path folder = temp.resolve("no-id");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("customers.csv"), "name\nAcme\n");

        assertThatThrownBy(() -> Jobs.run(spark, AS_OF, temp.resolve("no-id-out"), "--input", folder.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("customer_id");
    }

    /** Every customer's row in {@code out}/results against the embedded engine's result, column by column. */
    private static void assertSameAsEmbedded(Path out) {
        assertSameAs(embedded, out);
    }

    private static void assertSameAs(Map<String, RunResult> embedded, Path out) {
        SameResults.assertSameAs(spark, embedded, out);
    }
}
