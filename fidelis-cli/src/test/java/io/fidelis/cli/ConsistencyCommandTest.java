package io.fidelis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsistencyCommandTest {

    @TempDir
    static Path temp;

    private static Path workspace;

    @BeforeAll
    static void classifyABook() {
        workspace = Cli.generatedWorkspace(temp, 31);
        Cli.Result classified = Cli.run("classify", "--as-of", Cli.AS_OF, "--workspace", workspace.toString());
        assertThat(classified.exit()).as(classified.err()).isEqualTo(Main.OK);
    }

    @Test
    void printsEverySegmentOfIndustryRegionAndSizeAgainstTheRest() {
        Cli.Result result = Cli.run("consistency", "--as-of", Cli.AS_OF, "--workspace", workspace.toString());

        assertThat(result.exit()).as(result.err()).isEqualTo(Main.OK);
        assertThat(result.out())
                .contains("Consistency check 一致性检查: run 1")
                .contains("industry")
                .contains("region")
                .contains("size")
                .contains("high loyalty 高忠诚度")
                .contains("risk restriction 风险限制")
                .containsPattern("\\d+ gap\\(s\\) flagged\\.");
    }

    @Test
    void smallSegmentsGetNoNumber() {
        Cli.Result result = Cli.run(
                "consistency", "--as-of", Cli.AS_OF, "--min-group", "1000", "--workspace", workspace.toString());

        assertThat(result.exit()).as(result.err()).isEqualTo(Main.OK);
        assertThat(result.out()).contains("n/a").contains("0 gap(s) flagged.");
    }

    @Test
    void withoutARunItSaysWhichToGive() {
        Cli.Result result = Cli.run("consistency", "--workspace", workspace.toString());

        assertThat(result.exit()).isEqualTo(Main.USAGE);
        assertThat(result.err()).contains("--as-of DATE or --run ID");
    }

    @Test
    void aDateWithoutARunIsADataError() {
        Cli.Result result = Cli.run("consistency", "--as-of", "2020-01-31", "--workspace", workspace.toString());

        assertThat(result.exit()).isEqualTo(Main.DATA_ERRORS);
    }
}
