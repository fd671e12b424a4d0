package io.fidelis.cli;

import static io.fidelis.cli.ExperimentBook.fidelis;
import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.evaluation.Arm;
import io.fidelis.core.evaluation.ArmCounts;
import io.fidelis.store.ArmAssignment;
import io.fidelis.store.AssignmentSet;
import io.fidelis.store.AssignmentSource;
import io.fidelis.store.duckdb.DuckDbBookStore;
import io.fidelis.store.duckdb.DuckDbStrategyAssignments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssignCommandTest {

    private static final String AS_OF = ExperimentBook.START;

    @TempDir
    static Path temp;

    private static ExperimentBook experiment;

    @BeforeAll
    static void generate() {
        experiment = ExperimentBook.generate(temp, Cli.CUSTOMERS, 51);
    }

    /** A workspace with the book imported and classified as of the start. */
    private static Path classifiedWorkspace() {
        Path workspace = experiment.freshWorkspace();
        Cli.Result classified = fidelis(workspace, "classify", "--as-of", AS_OF);
        assertThat(classified.exit()).as(classified.err()).isEqualTo(Main.OK);
        return workspace;
    }

    private static List<AssignmentSet> sets(Path workspace) {
        try (DuckDbBookStore book = DuckDbBookStore.open(workspace)) {
            return DuckDbStrategyAssignments.of(book).sets();
        }
    }

    private static List<ArmAssignment> rows(Path workspace, long setId) {
        List<ArmAssignment> rows = new ArrayList<>();
        try (DuckDbBookStore book = DuckDbBookStore.open(workspace)) {
            DuckDbStrategyAssignments.of(book).forEach(setId, rows::add);
        }
        return rows;
    }

    private static SortedMap<String, ArmCounts> counts(Path workspace, long setId) {
        try (DuckDbBookStore book = DuckDbBookStore.open(workspace)) {
            return DuckDbStrategyAssignments.of(book).counts(setId);
        }
    }

    @Test
    void customersOfTheRunAreSplitHalfAndHalfWithinEachStratumAndStoredWithTheirProvenance() {
        Path workspace = classifiedWorkspace();

        Cli.Result assigned = fidelis(workspace, "assign", "--strategy", "pilot", "--as-of", AS_OF, "--seed", "7");

        assertThat(assigned.exit()).as(assigned.err()).isEqualTo(Main.OK);
        assertThat(assigned.out())
                .contains("Assignment set 1: strategy pilot")
                .contains("seed      7")
                .contains("stratum 分层")
                .contains("total 合计");
        AssignmentSet set = sets(workspace).get(0);
        assertThat(set.source()).isEqualTo(AssignmentSource.RANDOMISED);
        assertThat(set.seed()).isEqualTo(7L);
        assertThat(set.treatmentShare()).isEqualTo(0.5);
        assertThat(set.runId()).isEqualTo(1L);
        assertThat(set.assignedOn()).hasToString(AS_OF);
        assertThat(set.inputFingerprint()).startsWith("sha256:");
        SortedMap<String, ArmCounts> counts = counts(workspace, set.setId());
        assertThat(counts.keySet()).allMatch(stratum -> stratum.matches("(high|medium|low)\\|(new|active|dormant)"));
        assertThat(counts.values())
                .allSatisfy(arms ->
                        assertThat(Math.abs(arms.treatment() - arms.control())).isLessThanOrEqualTo(1));
        for (var entry : counts.entrySet()) {
            assertThat(assigned.out())
                    .containsPattern(entry.getKey().replace("|", "\\|") + " +"
                            + entry.getValue().treatment() + " +"
                            + entry.getValue().control());
        }
    }

    @Test
    void theSameSeedGivesTheSameArmsAndAnotherSeedOthers() {
        Path workspace = classifiedWorkspace();
        fidelis(workspace, "assign", "--strategy", "pilot", "--as-of", AS_OF, "--seed", "7");
        fidelis(workspace, "assign", "--strategy", "pilot", "--as-of", AS_OF, "--seed", "7", "--replace");
        Cli.Result other =
                fidelis(workspace, "assign", "--strategy", "pilot", "--as-of", AS_OF, "--seed", "8", "--replace");

        assertThat(other.exit()).as(other.err()).isEqualTo(Main.OK);
        assertThat(other.out()).contains("replaces  set 2 (still stored)");
        List<AssignmentSet> sets = sets(workspace);
        assertThat(sets).extracting(AssignmentSet::replaces).containsExactly(null, 1L, 2L);
        assertThat(rows(workspace, 1)).isEqualTo(rows(workspace, 2)).isNotEqualTo(rows(workspace, 3));
        assertThat(rows(workspace, 3))
                .extracting(ArmAssignment::customerId)
                .isEqualTo(rows(workspace, 1).stream()
                        .map(ArmAssignment::customerId)
                        .toList());
    }

    @Test
    void assigningAStrategyAgainIsRefusedAndChangesNothing() {
        Path workspace = classifiedWorkspace();
        fidelis(workspace, "assign", "--strategy", "pilot", "--as-of", AS_OF, "--seed", "7");

        Cli.Result again = fidelis(workspace, "assign", "--strategy", "pilot", "--as-of", AS_OF, "--seed", "9");

        assertThat(again.exit()).isEqualTo(Main.DATA_ERRORS);
        assertThat(again.err())
                .contains("strategy pilot is already assigned (set 1, randomised from run 1 with seed 7")
                .contains("--replace");
        assertThat(sets(workspace)).hasSize(1);
    }

    @Test
    void withoutARunAsOfTheDateItSaysToClassifyFirst() {
        Path workspace = experiment.freshWorkspace();

        Cli.Result assigned = fidelis(workspace, "assign", "--strategy", "pilot", "--as-of", AS_OF);

        assertThat(assigned.exit()).isEqualTo(Main.DATA_ERRORS);
        assertThat(assigned.err()).contains("classify first (fidelis classify --as-of " + AS_OF + ")");
    }

    @Test
    void theGeneratorsAssignmentsFileIsImportedWhole() throws IOException {
        Path workspace = experiment.freshWorkspace();
        long lines = Files.readAllLines(experiment.assignmentsFile()).size() - 1;

        Cli.Result imported = fidelis(
                workspace, "assign", "--import", experiment.assignmentsFile().toString());

        assertThat(imported.exit()).as(imported.out() + imported.err()).isEqualTo(Main.OK);
        AssignmentSet set = sets(workspace).get(0);
        assertThat(set.source()).isEqualTo(AssignmentSource.IMPORTED);
        assertThat(set.strategyId()).isEqualTo(ExperimentBook.STRATEGY);
        assertThat(set.customers()).isEqualTo(lines);
        assertThat(set.fileName()).isEqualTo("assignments.csv");
        assertThat(set.fileSha256()).startsWith("sha256:");
        assertThat(set.seed()).isNull();
        assertThat(imported.out()).contains("customers imported from").contains("total 合计");
    }

    @Test
    void aFileWithABadRowIsRejectedWithFileLineAndColumnAndNothingIsStored() throws IOException {
        Path workspace = experiment.freshWorkspace();
        List<String> lines = new ArrayList<>(Files.readAllLines(experiment.assignmentsFile()));
        String second = lines.get(2);
        lines.set(3, lines.get(3).replace(",treatment,", ",placebo,").replace(",control,", ",placebo,"));
        lines.add(second); // the customer of line 3 again, at the end
        lines.add("C9999999,worked-case,control,2025-09-30,high|active");
        Path file = temp.resolve("bad-assignments.csv");
        Files.write(file, lines, StandardCharsets.UTF_8);
        int duplicateLine = lines.size() - 1;

        Cli.Result imported = fidelis(workspace, "assign", "--import", file.toString());

        assertThat(imported.exit()).isEqualTo(Main.DATA_ERRORS);
        assertThat(imported.out())
                .contains("NOT imported: 3 rejected rows; nothing was stored")
                .contains("bad-assignments.csv:4: column arm value 'placebo'")
                .contains("bad-assignments.csv:" + duplicateLine + ": column customer_id value '"
                        + second.substring(0, second.indexOf(',')) + "' - the customer is already assigned to strategy"
                        + " worked-case on line 3")
                .contains("bad-assignments.csv:" + lines.size() + ": column customer_id value 'C9999999' - no such"
                        + " customer in the book");
        assertThat(sets(workspace)).isEmpty();
    }

    @Test
    void importTakesNoRandomisationOptions() {
        Path workspace = experiment.freshWorkspace();

        Cli.Result mixed = fidelis(
                workspace, "assign", "--import", experiment.assignmentsFile().toString(), "--seed", "3");

        assertThat(mixed.exit()).isEqualTo(Main.USAGE);
        assertThat(mixed.err()).contains("--import takes the strategy ids");
    }

    @Test
    void anArmIsStoredForEveryAssignedCustomer() {
        Path workspace = classifiedWorkspace();
        fidelis(workspace, "assign", "--strategy", "pilot", "--as-of", AS_OF, "--seed", "11", "--share", "0.3");

        List<ArmAssignment> rows = rows(workspace, 1);
        long treated = rows.stream().filter(r -> r.arm() == Arm.TREATMENT).count();

        assertThat(rows)
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row.stratum()).isNotNull());
        assertThat((double) treated / rows.size()).isBetween(0.2, 0.4);
    }
}
