package io.fidelis.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TruthTest {

    @TempDir
    Path book;

    @Test
    void readsBackTheIntendedClassOfEveryCustomerWritten() throws Exception {
        new BookGenerator(new GeneratorSettings(40, 5L, GeneratorSettings.DEFAULT_END, 3)).writeTo(book, done -> {});

        Map<String, Truth.Intended> truth = Truth.read(book);

        assertThat(truth).hasSize(40).containsKey("C0000001");
        assertThat(truth.values()).allSatisfy(intended -> {
            assertThat(intended.tier()).isIn("high", "medium", "low");
            assertThat(intended.stage()).isIn("new", "active", "dormant", "churned");
            assertThat(Archetype.values()).extracting(Archetype::code).contains(intended.archetype());
        });
    }
}
