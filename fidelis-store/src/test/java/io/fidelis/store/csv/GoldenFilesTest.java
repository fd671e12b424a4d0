package io.fidelis.store.csv;

import io.fidelis.core.domain.Table;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
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

    private static final GoldenCases CASES = new GoldenCases("golden");

    static Stream<String> cases() throws IOException, URISyntaxException {
        return CASES.names();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void readingTheFolderGivesTheExpectedRecordsAndRejects(String name) throws Exception {
        CASES.check(name, String.join("\n", transcript(CASES.folder(name))) + "\n");
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
}
