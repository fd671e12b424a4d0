package io.fidelis.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.evaluation.Assignments;
import io.fidelis.core.evaluation.StratifiedAssignment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExperimentTest {

    private static final List<String> RECORDS = List.of(
            "customers.csv",
            "loans.csv",
            "installments.csv",
            "complaints.csv",
            "surveys.csv",
            "interactions.csv",
            "truth.csv");
    private static final LocalDate END = LocalDate.of(2026, 9, 30);
    private static final LocalDate START = LocalDate.of(2025, 9, 30);
    private static final Effects WORKED_CASE = Effects.parse("churn=-0.30,high_default=-0.20,medium_satisfaction=+0.3");

    @TempDir
    Path temp;

    @Test
    void withZeroEffectsEveryRecordIsTheSameAsWithoutTheExperiment() throws IOException {
        GeneratorSettings settings = new GeneratorSettings(1_500, 77, END, 3);

        new BookGenerator(settings).writeTo(temp.resolve("plain"), done -> {});
        new BookGenerator(settings, experiment(0.5, Effects.NONE)).writeTo(temp.resolve("null"), done -> {});

        for (String file : RECORDS) {
            assertThat(Files.readAllBytes(temp.resolve("null").resolve(file)))
                    .as(file)
                    .isEqualTo(Files.readAllBytes(temp.resolve("plain").resolve(file)));
        }
        assertThat(temp.resolve("plain/assignments.csv")).doesNotExist();
        assertThat(StrictCsv.read(temp.resolve("null/assignments.csv")).rows()).hasSizeGreaterThan(1_000);
        assertThat(Files.readString(temp.resolve("null/generation.json")))
                .contains("\"experiment\"")
                .isNotEqualTo(Files.readString(temp.resolve("plain/generation.json")));
    }

    @Test
    void sameArgumentsGiveTheSameBytesWithAnExperiment() throws IOException {
        GeneratorSettings settings = new GeneratorSettings(600, 5, END, 3);

        new BookGenerator(settings, experiment(0.5, WORKED_CASE)).writeTo(temp.resolve("a"), done -> {});
        new BookGenerator(settings, experiment(0.5, WORKED_CASE)).writeTo(temp.resolve("b"), done -> {});

        List<String> files = new ArrayList<>(RECORDS);
        files.add("assignments.csv");
        files.add("generation.json");
        for (String file : files) {
            assertThat(Files.readAllBytes(temp.resolve("b").resolve(file)))
                    .as(file)
                    .isEqualTo(Files.readAllBytes(temp.resolve("a").resolve(file)));
        }
    }

    @ParameterizedTest(name = "share {0}")
    @CsvSource({"0.5", "0.3"})
    void armsAreRandomisedWithinEveryStratumAtTheShareGiven(double share) throws IOException {
        new BookGenerator(new GeneratorSettings(3_000, 11, END, 3), experiment(share, WORKED_CASE))
                .writeTo(temp, done -> {});

        Map<String, int[]> byStratum = new TreeMap<>();
        for (StrictCsv.Row row : StrictCsv.read(temp.resolve("assignments.csv")).rows()) {
            assertThat(row.get("strategy_id")).isEqualTo("worked-case");
            assertThat(row.get("assigned_on")).isEqualTo(START.toString());
            assertThat(row.get("arm")).isIn("treatment", "control");
            assertThat(row.get("stratum")).matches("(high|medium|low)\\|(new|active|dormant)");
            byStratum
                    .computeIfAbsent(row.get("stratum"), key -> new int[2])[
                    row.get("arm").equals("treatment") ? 0 : 1]++;
        }
        assertThat(byStratum).containsKeys("high|active", "medium|active", "low|active");
        byStratum.forEach((stratum, arms) -> {
            double exact = share * (arms[0] + arms[1]);
            // The treated count is the exact share rounded down or up.
            assertThat((double) arms[0]).as(stratum).isBetween(Math.floor(exact - 1e-9), Math.ceil(exact + 1e-9));
        });
    }

    @Test
    void anEvaluatorCanReproduceTheArmsFromTheStrataAndTheRecordedSeed() throws IOException {
        new BookGenerator(new GeneratorSettings(2_000, 17, END, 3), experiment(0.5, WORKED_CASE))
                .writeTo(temp, done -> {});
        Map<String, String> strata = new HashMap<>();
        Map<String, String> arms = new HashMap<>();
        for (StrictCsv.Row row : StrictCsv.read(temp.resolve("assignments.csv")).rows()) {
            strata.put(row.get("customer_id"), row.get("stratum"));
            arms.put(row.get("customer_id"), row.get("arm"));
        }
        String json = Files.readString(temp.resolve("generation.json"));
        int at = json.indexOf("\"assignment_seed\": ") + "\"assignment_seed\": ".length();
        long seed = Long.parseLong(json.substring(at, json.indexOf(',', at)));

        Assignments again = StratifiedAssignment.assign(strata, 0.5, seed, "worked-case");

        assertThat(again.all()).hasSize(arms.size());
        assertThat(again.all())
                .allSatisfy(
                        assignment -> assertThat(assignment.arm().code()).isEqualTo(arms.get(assignment.customerId())));
    }

    @Test
    void theAssignedAreTheCustomersNotChurnedOnTheStartDate() throws IOException {
        new BookGenerator(new GeneratorSettings(3_000, 12, END, 3), experiment(0.5, WORKED_CASE))
                .writeTo(temp, done -> {});

        Map<String, String> stratumOf = new HashMap<>();
        StrictCsv.read(temp.resolve("assignments.csv"))
                .rows()
                .forEach(row -> stratumOf.put(row.get("customer_id"), row.get("stratum")));
        Map<String, String> truth = new HashMap<>();
        StrictCsv.read(temp.resolve("truth.csv"))
                .rows()
                .forEach(row -> truth.put(row.get("customer_id"), row.get("tier") + "|" + row.get("stage")));
        int onboardedByStart = 0;
        for (StrictCsv.Row customer :
                StrictCsv.read(temp.resolve("customers.csv")).rows()) {
            String id = customer.get("customer_id");
            boolean onboarded = !LocalDate.parse(customer.get("onboarded_on")).isAfter(START);
            boolean closedByStart = !customer.isEmpty("closed_on")
                    && !LocalDate.parse(customer.get("closed_on")).isAfter(START);
            if (stratumOf.containsKey(id)) {
                assertThat(onboarded).as(id + " onboarded by the start").isTrue();
                assertThat(closedByStart).as(id + " closed by the start").isFalse();
            } else if (onboarded) {
                onboardedByStart++;
                // Left out only because it had left or stopped paying by then: churned at the end too.
                assertThat(truth.get(id)).as(id).isEqualTo("low|churned");
            }
        }
        assertThat(onboardedByStart).isPositive();
        assertThat(stratumOf).hasSizeGreaterThan(2_000);
    }

    @Test
    void preventingEveryExitLeavesNoChurnAndNoHighTierDefaultAmongTheTreated() throws IOException {
        new BookGenerator(
                        new GeneratorSettings(4_000, 13, END, 3),
                        experiment(0.5, Effects.parse("churn=-1,high_default=-1")))
                .writeTo(temp, done -> {});

        ExperimentBook book = ExperimentBook.read(temp);

        assertThat(book.churn().controlEvents()).isGreaterThan(50);
        assertThat(book.churn().treatedEvents()).isZero();
        assertThat(book.highDefault().controlEvents()).isPositive();
        assertThat(book.highDefault().treatedEvents()).isZero();
    }

    @Test
    void nothingDatedUpToTheStartChangesAndTheControlsDoNotChangeAtAll() throws IOException {
        GeneratorSettings settings = new GeneratorSettings(2_000, 14, END, 3);
        new BookGenerator(settings).writeTo(temp.resolve("plain"), done -> {});
        new BookGenerator(settings, experiment(0.5, Effects.parse("churn=-1,high_default=-1,medium_satisfaction=0.8")))
                .writeTo(temp.resolve("treated"), done -> {});
        Map<String, String> arms = new HashMap<>();
        StrictCsv.read(temp.resolve("treated/assignments.csv"))
                .rows()
                .forEach(row -> arms.put(row.get("customer_id"), row.get("arm")));

        Map<String, List<String>> plainUpToStart = Records.of(temp.resolve("plain"), START);
        Map<String, List<String>> treatedUpToStart = Records.of(temp.resolve("treated"), START);
        Map<String, List<String>> plainAll = Records.of(temp.resolve("plain"), END);
        Map<String, List<String>> treatedAll = Records.of(temp.resolve("treated"), END);

        assertThat(treatedUpToStart).isEqualTo(plainUpToStart);
        int changed = 0;
        for (Map.Entry<String, String> arm : arms.entrySet()) {
            String id = arm.getKey();
            if (arm.getValue().equals("control")) {
                assertThat(treatedAll.get(id)).as(id).isEqualTo(plainAll.get(id));
            } else if (!treatedAll.get(id).equals(plainAll.get(id))) {
                changed++;
            }
        }
        assertThat(changed).isGreaterThan(100);
    }

    @Test
    void aBookWithoutExperimentRemovesTheAssignmentsOfAnEarlierOne() throws IOException {
        GeneratorSettings settings = new GeneratorSettings(200, 15, END, 3);
        new BookGenerator(settings, experiment(0.5, WORKED_CASE)).writeTo(temp, done -> {});
        assertThat(temp.resolve("assignments.csv")).exists();

        new BookGenerator(settings).writeTo(temp, done -> {});

        assertThat(temp.resolve("assignments.csv")).doesNotExist();
    }

    @Test
    void summaryReportsTheArmsAndTheRealisedEffects() throws IOException {
        GenerationSummary summary = new BookGenerator(
                        new GeneratorSettings(1_000, 16, END, 3), experiment(0.5, WORKED_CASE))
                .writeTo(temp, done -> {});

        ExperimentSummary experiment = summary.experimentSummary().orElseThrow();
        assertThat(experiment.windowEnd()).isEqualTo(END);
        assertThat(experiment.treatment() + experiment.control())
                .isEqualTo(
                        StrictCsv.read(temp.resolve("assignments.csv")).rows().size());
        assertThat(experiment.churn().customers()).isEqualTo(experiment.treatment() + experiment.control());
        assertThat(experiment.churn().countWith())
                .isLessThanOrEqualTo(experiment.churn().countWithout());
        assertThat(experiment.mediumSatisfaction().with())
                .isGreaterThan(experiment.mediumSatisfaction().without());
        assertThat(experiment.assignments()).isEqualTo(temp.resolve("assignments.csv"));
    }

    private static Experiment experiment(double share, Effects effects) {
        return new Experiment("worked-case", START, share, effects);
    }

    /**
     * Each customer's records dated up to a day, without the loan and complaint ids (numbered across the book, so
     * shifted by changes to customers before) and without anything dated later: status and payments after the day.
     */
    static final class Records {

        private Records() {}

        static Map<String, List<String>> of(Path book, LocalDate day) throws IOException {
            Map<String, List<String>> records = new TreeMap<>();
            for (StrictCsv.Row row :
                    StrictCsv.read(book.resolve("customers.csv")).rows()) {
                String closed = upTo(row.get("closed_on"), day) ? row.get("closed_on") + row.get("close_reason") : "";
                add(records, row.get("customer_id"), "customer " + row.get("name") + row.get("onboarded_on") + closed);
            }
            Map<String, String> loanKey = new HashMap<>();
            Map<String, String> owner = new HashMap<>();
            for (StrictCsv.Row row : StrictCsv.read(book.resolve("loans.csv")).rows()) {
                String key = row.get("start_date") + " " + row.get("product") + " " + row.get("amount") + " "
                        + row.get("annual_rate");
                loanKey.put(row.get("loan_id"), key);
                owner.put(row.get("loan_id"), row.get("customer_id"));
                if (upTo(row.get("start_date"), day)) {
                    // "active" is the status on the book's end date, not something that happened by the day.
                    String status = !row.get("status").equals("active") && upTo(row.get("status_date"), day)
                            ? row.get("status") + " " + row.get("status_date")
                            : "";
                    add(records, row.get("customer_id"), "loan " + key + " " + status);
                }
            }
            for (StrictCsv.Row row :
                    StrictCsv.read(book.resolve("installments.csv")).rows()) {
                if (upTo(row.get("due_date"), day)) {
                    String paid = upTo(row.get("paid_date"), day) ? row.get("paid_date") + row.get("paid_amount") : "";
                    add(
                            records,
                            owner.get(row.get("loan_id")),
                            "installment " + loanKey.get(row.get("loan_id")) + " #" + row.get("installment_no") + " "
                                    + row.get("due_date") + " " + row.get("due_amount") + " " + paid);
                }
            }
            for (StrictCsv.Row row :
                    StrictCsv.read(book.resolve("complaints.csv")).rows()) {
                if (upTo(row.get("received_on"), day)) {
                    String resolved = upTo(row.get("resolved_on"), day) ? row.get("resolved_on") : "";
                    add(
                            records,
                            row.get("customer_id"),
                            "complaint " + row.get("received_on") + row.get("category") + row.get("severity")
                                    + row.get("escalated") + resolved);
                }
            }
            for (String table : List.of("surveys.csv", "interactions.csv")) {
                StrictCsv.Table rows = StrictCsv.read(book.resolve(table));
                String dated = rows.header().get(1);
                for (StrictCsv.Row row : rows.rows()) {
                    if (upTo(row.get(dated), day)) {
                        add(
                                records,
                                row.get("customer_id"),
                                table + " " + row.cells().values());
                    }
                }
            }
            records.values().forEach(list -> list.sort(null));
            return records;
        }

        private static boolean upTo(String date, LocalDate day) {
            return !date.isEmpty() && !LocalDate.parse(date).isAfter(day);
        }

        private static void add(Map<String, List<String>> records, String customer, String record) {
            records.computeIfAbsent(customer, key -> new ArrayList<>()).add(record);
        }
    }
}
