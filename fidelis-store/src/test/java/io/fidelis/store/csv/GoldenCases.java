package io.fidelis.store.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

/**
 * Golden-file cases: one folder per case under a test resource folder, each with the input and its {@code
 * expected.txt}. Run with {@code -Dgolden.update=true} to rewrite the expected files in the sources (then review the
 * diff).
 */
final class GoldenCases {

    private final String resource;

    /** The cases under the test resource folder {@code resource} (e.g. {@code golden}). */
    GoldenCases(String resource) {
        this.resource = resource;
    }

    /** The cases' names, sorted. */
    Stream<String> names() throws IOException, URISyntaxException {
        try (Stream<Path> folders = Files.list(root())) {
            return folders
                    .filter(Files::isDirectory)
                    .map(folder -> folder.getFileName().toString())
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    /** The folder of case {@code name} as the tests read it. */
    Path folder(String name) throws URISyntaxException {
        return root().resolve(name);
    }

    /** Asserts that {@code actual} is case {@code name}'s expected.txt (or rewrites it under golden.update). */
    void check(String name, String actual) throws IOException, URISyntaxException {
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(
                    Paths.get("src/test/resources", resource, name, "expected.txt"), actual, StandardCharsets.UTF_8);
            assumeTrue(false, "rewrote " + name + "/expected.txt: review the diff");
        }
        Path expected = folder(name).resolve("expected.txt");
        assertThat(Files.exists(expected))
                .as("%s/expected.txt exists; actual:%n%s", name, actual)
                .isTrue();
        assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }

    private Path root() throws URISyntaxException {
        return Paths.get(GoldenCases.class.getResource("/" + resource).toURI());
    }
}
