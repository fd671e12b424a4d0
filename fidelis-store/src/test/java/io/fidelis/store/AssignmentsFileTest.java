package io.fidelis.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.evaluation.Arm;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssignmentsFileTest {

    private static final Set<String> BOOK = Set.of("C0000001", "C0000002", "C0000003", "C0000004");

    @TempDir
    Path temp;

    private AssignmentsFile.Read read(String content) throws IOException {
        return read(content, StandardCharsets.UTF_8);
    }

    private AssignmentsFile.Read read(String content, Charset charset) throws IOException {
        Path file = temp.resolve("assignments.csv");
        Files.writeString(file, content, charset);
        return AssignmentsFile.read(file, BOOK::contains);
    }

    @Test
    void theGeneratorsFileIsReadWithEveryColumn() throws IOException {
        AssignmentsFile.Read read = read("customer_id,strategy_id,arm,assigned_on,stratum\n"
                + "C0000001,worked-case,treatment,2025-09-30,high|active\n"
                + "C0000002,worked-case,control,2025-09-30,medium|dormant\n");

        assertThat(read.valid()).isTrue();
        assertThat(read.rows()).isEqualTo(2);
        assertThat(read.byStrategy().get("worked-case"))
                .containsExactly(
                        new ArmAssignment("C0000001", Arm.TREATMENT, LocalDate.parse("2025-09-30"), "high|active"),
                        new ArmAssignment("C0000002", Arm.CONTROL, LocalDate.parse("2025-09-30"), "medium|dormant"));
        assertThat(read.sha256()).startsWith("sha256:").hasSize(7 + 64);
    }

    @Test
    void formIsLenientColumnsInAnyOrderAndCaseTabsBomBlankLinesOptionalColumnsLeftOut() throws IOException {
        AssignmentsFile.Read read = read("\uFEFFARM\tCustomer_ID\tStrategy_Id\tregion\n"
                + "Treatment\tC0000003\tpilot\tnorth\n"
                + "\n"
                + "control\t C0000004 \tpilot\tsouth\n");

        assertThat(read.valid()).isTrue();
        assertThat(read.byStrategy().get("pilot"))
                .containsExactly(
                        new ArmAssignment("C0000003", Arm.TREATMENT, null, null),
                        new ArmAssignment("C0000004", Arm.CONTROL, null, null));
        assertThat(read.warnings())
                .containsExactly(
                        "assignments.csv: ignoring columns that are not part of an" + " assignments file: region");
    }

    @Test
    void everyBadRowIsRejectedWithItsLineColumnAndRule() throws IOException {
        AssignmentsFile.Read read = read("customer_id,strategy_id,arm,assigned_on\n"
                + "C0000001,s1,treatment,2025-09-30\n"
                + "C0000009,s1,control,2025-09-30\n" // line 3: not in the book
                + "C0000002,s1,placebo,2025-09-30\n" // line 4: unknown arm
                + "C0000001,s1,control,2025-09-30\n" // line 5: C0000001 again in s1
                + "C0000001,s2,control,30/09/2025\n" // line 6: a date in another form
                + "C0000003,,control,\n" // line 7: no strategy
                + "C0000004,bad id!,control,\n"); // line 8

        assertThat(read.valid()).isFalse();
        assertThat(read.rejects())
                .extracting(Reject::describe)
                .containsExactly(
                        "assignments.csv:3: column customer_id value 'C0000009' - no such customer in the book (ids are"
                                + " case-sensitive); import the book's customers first [reference.customer]",
                        "assignments.csv:4: column arm value 'placebo' - the arm must be treatment or control"
                                + " [arm.unknown]",
                        "assignments.csv:5: column customer_id value 'C0000001' - the customer is already assigned to"
                                + " strategy s1 on line 2; a customer has one arm per strategy [duplicate.customer]",
                        "assignments.csv:6: column assigned_on value '30/09/2025' - write the date as yyyy-MM-dd, e.g."
                                + " 2025-09-30 [date.format]",
                        "assignments.csv:7: column strategy_id - the column strategy_id must not be empty"
                                + " [required.empty]",
                        "assignments.csv:8: column strategy_id value 'bad id!' - a strategy id is 1 to 64 letters,"
                                + " digits, '.', '_' or '-', starting with a letter or digit [strategy_id.format]");
        assertThat(read.rejectCount()).isEqualTo(6);
    }

    @Test
    void aHeaderWithoutARequiredColumnRejectsTheFileAtLineOne() throws IOException {
        AssignmentsFile.Read read = read("customer_id,strategy,arm\nC0000001,s1,treatment\n");

        assertThat(read.valid()).isFalse();
        assertThat(read.rejects()).singleElement().satisfies(reject -> {
            assertThat(reject.line()).isEqualTo(1);
            assertThat(reject.column()).isEqualTo("strategy_id");
            assertThat(reject.rule()).isEqualTo("header.missing_column");
        });
        assertThat(read.rows()).isZero();
    }

    @Test
    void aFileThatIsNotUtf8IsRejected() throws IOException {
        AssignmentsFile.Read read =
                read("customer_id,strategy_id,arm,stratum\nC0000001,s1,treatment,高\n", Charset.forName("GB18030"));

        assertThat(read.valid()).isFalse();
        assertThat(read.rejects()).extracting(Reject::rule).containsExactly("file.encoding");
    }

    @Test
    void theSameCustomerMayBeInSeveralStrategies() throws IOException {
        AssignmentsFile.Read read =
                read("customer_id,strategy_id,arm\n" + "C0000001,s1,treatment\n" + "C0000001,s2,control\n");

        assertThat(read.valid()).isTrue();
        assertThat(read.byStrategy()).containsOnlyKeys("s1", "s2");
    }
}
