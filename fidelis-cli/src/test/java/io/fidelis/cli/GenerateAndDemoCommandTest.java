package io.fidelis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GenerateAndDemoCommandTest {

    @TempDir
    Path temp;

    @Test
    void generateWritesTheSixTablesTheTruthAndTheParameters() {
        Path book = temp.resolve("book");

        Cli.Result result = Cli.run("generate", "--customers", "50", "--seed", "3", "--out", book.toString());

        assertThat(result.exit()).as(result.err()).isEqualTo(Main.OK);
        for (String file : new String[] {
            "customers.csv",
            "loans.csv",
            "installments.csv",
            "complaints.csv",
            "surveys.csv",
            "interactions.csv",
            "truth.csv",
            "generation.json"
        }) {
            assertThat(book.resolve(file)).exists();
        }
        assertThat(result.out()).contains("50 customers");
    }

    @Test
    void theSameSeedWritesTheSameBytes() throws IOException {
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        Cli.run("generate", "--customers", "40", "--seed", "9", "--out", first.toString());
        Cli.run("generate", "--customers", "40", "--seed", "9", "--out", second.toString());

        assertThat(Files.readAllBytes(second.resolve("installments.csv")))
                .isEqualTo(Files.readAllBytes(first.resolve("installments.csv")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "no customers         | --customers 0 --seed 1",
                "no seed              | --customers 10",
                "a date that is none  | --customers 10 --seed 1 --end 2026-02-30",
                "start after the end  | --customers 10 --seed 1 --strategy-start 2027-01-31",
            })
    void aWrongCommandLineIsAUsageError(String what, String options) {
        String[] args = ("generate " + options + " --out " + temp.resolve("x")).split(" ");

        Cli.Result result = Cli.run(args);

        assertThat(result.exit()).as(result.err()).isEqualTo(Main.USAGE);
        assertThat(result.err()).isNotBlank();
    }

    @Test
    void demoRunsTheMainJobEndToEnd() {
        Path workspace = temp.resolve("workspace");

        Cli.Result result = Cli.run(
                "demo", "--customers", "300", "--seed", "5", "--workspace", workspace.toString(), "--lang", "zh");

        assertThat(result.exit()).as(result.err()).isEqualTo(Main.OK);
        assertThat(result.out())
                .contains("fidelis classify --as-of 2026-09-30")
                .contains("fidelis explain")
                .contains("高忠诚度")
                .contains("fidelis classify --from 2023-10-31 --to 2026-09-30 --every month")
                .contains("Evaluation of strategy worked-case")
                .contains("the tier agrees with the generator's intention for");
        assertThat(workspace.resolve("demo-book").resolve("truth.csv")).exists();
        assertThat(workspace.resolve("demo-book").resolve("assignments.csv")).exists();
        assertThat(workspace.resolve("report").resolve("report.html")).exists();
        assertThat(workspace.resolve("report").resolve("report.xlsx")).exists();
    }
}
