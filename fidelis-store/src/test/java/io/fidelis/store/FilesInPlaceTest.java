package io.fidelis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesInPlaceTest {

    @TempDir
    Path temp;

    @Test
    void theFileIsWrittenWholeInAFolderMadeForIt() throws IOException {
        Path file = temp.resolve("exports").resolve("customers.csv");

        FilesInPlace.write(file, out -> out.write("a,b\r\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(file).hasContent("a,b");
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }

    @Test
    void aFailureHalfwayLeavesThePreviousFileAsItWasAndNoTemporaryFile() throws IOException {
        Path file = temp.resolve("customers.csv");
        Files.writeString(file, "previous");

        assertThatThrownBy(() -> FilesInPlace.write(file, out -> {
                    out.write("half".getBytes(StandardCharsets.UTF_8));
                    throw new UncheckedIOException(new IOException("disk full"));
                }))
                .isInstanceOf(IOException.class)
                .hasMessage("disk full");

        assertThat(file).hasContent("previous");
        assertThat(Files.list(temp)).containsExactly(file);
    }
}
