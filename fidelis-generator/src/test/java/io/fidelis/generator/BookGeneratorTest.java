package io.fidelis.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BookGeneratorTest {

    private static final List<String> FILES = List.of(
            "customers.csv",
            "loans.csv",
            "installments.csv",
            "complaints.csv",
            "surveys.csv",
            "interactions.csv",
            "truth.csv",
            "generation.json");

    @TempDir
    Path temp;

    @Test
    void sameSettingsGiveTheSameBytes() throws IOException {
        GeneratorSettings settings = new GeneratorSettings(300, 42, LocalDate.of(2026, 9, 30), 3);

        new BookGenerator(settings).writeTo(temp.resolve("a"), done -> {});
        new BookGenerator(settings).writeTo(temp.resolve("b"), done -> {});

        for (String file : FILES) {
            assertThat(Files.readAllBytes(temp.resolve("b").resolve(file)))
                    .as(file)
                    .isEqualTo(Files.readAllBytes(temp.resolve("a").resolve(file)));
        }
    }

    @Test
    void anotherSeedGivesAnotherBook() throws IOException {
        new BookGenerator(new GeneratorSettings(300, 42, GeneratorSettings.DEFAULT_END, 3))
                .writeTo(temp.resolve("a"), done -> {});
        new BookGenerator(new GeneratorSettings(300, 43, GeneratorSettings.DEFAULT_END, 3))
                .writeTo(temp.resolve("b"), done -> {});

        for (String file : List.of("customers.csv", "loans.csv", "installments.csv", "interactions.csv")) {
            assertThat(Files.readAllBytes(temp.resolve("b").resolve(file)))
                    .as(file)
                    .isNotEqualTo(Files.readAllBytes(temp.resolve("a").resolve(file)));
        }
    }

    @Test
    void aCustomerDoesNotDependOnHowManyComeAfterIt() throws IOException {
        GeneratedBook small = GeneratedBook.generate(temp.resolve("small"), 50, 9);
        GeneratedBook large = GeneratedBook.generate(temp.resolve("large"), 80, 9);

        assertThat(large.customers.rows().subList(0, 50))
                .extracting(StrictCsv.Row::cells)
                .isEqualTo(small.customers.rows().stream()
                        .map(StrictCsv.Row::cells)
                        .toList());
        assertThat(large.truth.rows().subList(0, 50))
                .extracting(StrictCsv.Row::cells)
                .isEqualTo(small.truth.rows().stream().map(StrictCsv.Row::cells).toList());
    }

    @Test
    void summaryCountsTheRowsOfEveryFileAndTheArchetypes() throws IOException {
        GeneratedBook book = GeneratedBook.generate(temp, 1_200, 5);

        assertThat(book.summary.files())
                .extracting(GenerationSummary.WrittenFile::name)
                .containsExactlyElementsOf(FILES.subList(0, 7));
        assertThat(book.summary.files())
                .extracting(GenerationSummary.WrittenFile::rows)
                .containsExactly(
                        (long) book.customers.rows().size(),
                        (long) book.loans.rows().size(),
                        (long) book.installments.rows().size(),
                        (long) book.complaints.rows().size(),
                        (long) book.surveys.rows().size(),
                        (long) book.interactions.rows().size(),
                        (long) book.truth.rows().size());
        assertThat(book.summary.customersByArchetype().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .isEqualTo(1_200);
        assertThat(book.summary.customersByArchetype()).containsOnlyKeys(Archetype.values());
    }

    @Test
    void progressIsReportedInOrderUpToTheLastCustomer() throws IOException {
        GeneratedBook book = GeneratedBook.generate(temp, 1_200, 5);

        assertThat(book.progress).containsExactly(500, 1_000, 1_200);
    }

    @Test
    void parametersFileRecordsTheSettingsAndTheGeneratorVersion() throws IOException {
        new BookGenerator(new GeneratorSettings(20, -7, LocalDate.of(2025, 12, 31), 2)).writeTo(temp, done -> {});

        String json = Files.readString(temp.resolve("generation.json"));

        assertThat(json)
                .contains("\"customers\": 20,")
                .contains("\"seed\": -7,")
                .contains("\"end\": \"2025-12-31\",")
                .contains("\"years\": 2,")
                .contains("\"window_start\": \"2023-12-31\",")
                .contains("\"generator_version\": \"" + GeneratorSettings.GENERATOR_VERSION + "\"");
    }
}
