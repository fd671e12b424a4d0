package io.fidelis.store.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fidelis.core.classification.ManualOverride;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The overrides file. Each folder under {@code overrides/} holds an {@code overrides.csv}; reading it must give exactly
 * its {@code expected.txt}: one line per override of a good file, or the refusal's message. Run with {@code
 * -Dgolden.update=true} to rewrite the expected files after a deliberate change, then review the diff.
 */
class OverridesCsvTest {

    private static final GoldenCases CASES = new GoldenCases("overrides");

    @TempDir
    Path temp;

    static Stream<String> cases() throws IOException, URISyntaxException {
        return CASES.names();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void readingTheFileGivesTheExpectedOverridesOrProblems(String name) throws Exception {
        CASES.check(name, transcript(CASES.folder(name).resolve("overrides.csv")));
    }

    private static String transcript(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        try {
            OverridesCsv.Read read = OverridesCsv.read(file);
            lines.add("read " + read.overrides().size() + " overrides from " + read.file());
            read.overrides().forEach(o -> lines.add(o.toString()));
        } catch (OverridesFileException e) {
            lines.add("refused: " + e.getMessage());
        }
        return String.join("\n", lines) + "\n";
    }

    @Test
    void aBrokenFileIsRefusedWholeWithEveryProblem() throws Exception {
        Path file = CASES.folder("unknown-codes").resolve("overrides.csv");

        assertThatThrownBy(() -> OverridesCsv.read(file)).isInstanceOfSatisfying(OverridesFileException.class, e -> {
            assertThat(e.rejectCount()).isEqualTo(2);
            assertThat(e.rejects())
                    .extracting(r -> r.line() + " " + r.column() + " " + r.rule())
                    .containsExactly("3 tier enum", "4 stage enum");
        });
    }

    @Test
    void whatTheWriterWritesTheReaderReadsBackUnchanged() throws Exception {
        List<ManualOverride> overrides = List.of(
                new ManualOverride("C1", Tier.LOW, null, "credit committee", "Zhang Wei", null, date("2026-12-31")),
                new ManualOverride(
                        "C2",
                        null,
                        Stage.DORMANT,
                        "no contact, \"per\" the audit;\nsee the file",
                        "李娜",
                        date("2026-10-01"),
                        date("2027-01-01")),
                new ManualOverride(
                        "C3", Tier.HIGH, Stage.ACTIVE, "  kept as written  ", "a,b", null, date("2027-06-30")),
                new ManualOverride("C1", Tier.MEDIUM, null, "later", "Zhang Wei", null, date("2026-11-30")));
        Path file = temp.resolve("out").resolve("overrides.csv");

        OverridesCsv.write(overrides, file);
        OverridesCsv.Read read = OverridesCsv.read(file);

        assertThat(read.overrides()).containsExactlyElementsOf(overrides);
        assertThat(read.file()).isEqualTo("overrides.csv");
        assertThat(temp.resolve("out")).isDirectoryContaining(p -> p.equals(file));
        try (Stream<Path> files = Files.list(temp.resolve("out"))) {
            assertThat(files).as("no temporary file left").containsExactly(file);
        }
    }

    @Test
    void theWriterWritesTheHeaderAndEmptyCellsForWhatIsNotSet() throws Exception {
        StringWriter out = new StringWriter();

        OverridesCsv.write(
                List.of(new ManualOverride("C1", null, Stage.NEW, "onboarding", "Li", null, date("2026-12-31"))), out);

        assertThat(out.toString())
                .isEqualTo("customer_id,tier,stage,reason,author,effective_from,expires_on\r\n"
                        + "C1,,new,onboarding,Li,,2026-12-31\r\n");
    }

    @Test
    void aFileWithHeaderOnlyHoldsNoOverride() throws Exception {
        StringWriter out = new StringWriter();
        OverridesCsv.write(List.of(), out);

        OverridesCsv.Read read = OverridesCsv.read(
                new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)), "none.csv");

        assertThat(read.overrides()).isEmpty();
    }

    @Test
    void theReadCarriesTheSha256OfTheFilesBytes() throws Exception {
        Path file = CASES.folder("good").resolve("overrides.csv");

        OverridesCsv.Read read = OverridesCsv.read(file);

        assertThat(read.sha256())
                .isEqualTo("sha256:"
                        + HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }
}
