package io.fidelis.store.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fidelis.core.domain.Table;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each folder under {@code golden/} is an import folder; reading it must give exactly its {@code expected.txt}: one
 * line per record, reject and warning, and a summary per file. Run with {@code -Dgolden.update=true} to rewrite the
 * expected files after a deliberate change, then review the diff.
 */
class GoldenFilesTest {

    private static final Path SOURCES = Paths.get("src/test/resources/golden");

    static Stream<String> cases() throws IOException, URISyntaxException {
        try (Stream<Path> folders = Files.list(goldenRoot())) {
            return folders
                    .filter(Files::isDirectory)
                    .map(folder -> folder.getFileName().toString())
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void readingTheFolderGivesTheExpectedRecordsAndRejects(String name) throws Exception {
        Path folder = goldenRoot().resolve(name);
        String actual = String.join("\n", transcript(folder)) + "\n";
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(SOURCES.resolve(name).resolve("expected.txt"), actual, StandardCharsets.UTF_8);
            assumeTrue(false, "rewrote " + name + "/expected.txt: review the diff");
        }
        Path expected = folder.resolve("expected.txt");
        assertThat(Files.exists(expected))
                .as("%s/expected.txt exists; actual:%n%s", name, actual)
                .isTrue();
        assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }

    private static List<String> transcript(Path folder) throws IOException {
        List<String> lines = new ArrayList<>();
        ContractReader reader = new ContractReader(ReadOptions.detect());
        for (Map.Entry<Table, List<Path>> table :
                ContractFiles.filesByTable(folder).entrySet()) {
            for (Path file : table.getValue()) {
                String shown = file.getFileName().toString();
                lines.add("== " + shown + " (" + table.getKey().code() + ")");
                CollectingSink sink = new CollectingSink();
                ReadSummary summary = reader.read(file, shown, table.getKey(), sink);
                lines.addAll(sink.transcript);
                lines.add("summary: read " + summary.rowsRead() + ", accepted " + summary.rowsAccepted()
                        + ", rejected " + summary.rowsRejected() + ", "
                        + summary.charset().name() + ", "
                        + (summary.delimiter() == '\t' ? "tab" : "comma") + ", unknown columns "
                        + summary.unknownColumns());
            }
        }
        return lines;
    }

    private static Path goldenRoot() throws URISyntaxException {
        return Paths.get(GoldenFilesTest.class.getResource("/golden").toURI());
    }
}
