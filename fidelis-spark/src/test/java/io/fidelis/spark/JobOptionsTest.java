package io.fidelis.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The job's command line: what it accepts, and the usage errors (exit 2) it names. */
class JobOptionsTest {

    private static JobOptions parse(String... more) {
        List<String> args = new ArrayList<>(List.of("--input", "books/demo", "--as-of", "2026-09-30", "--out", "out"));
        args.addAll(List.of(more));
        return JobOptions.parse(args.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "utf-8", "UTF8", "gb18030", "gbk", " GB2312 "})
    void theEncodingsOfTheImportAreAccepted(String encoding) {
        assertThat(parse("--encoding", encoding).source().description()).isEqualTo("csv:books/demo");
    }

    @Test
    void anUnknownEncodingIsAUsageErrorNamingTheOptionAndTheValue() {
        assertThatThrownBy(() -> parse("--encoding", "latin-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--encoding 'latin-1' is not one of auto, utf-8, gb18030");
    }

    @Test
    void anEncodingForParquetIsAUsageError() {
        assertThatThrownBy(() -> parse("--format", "parquet", "--encoding", "gb18030"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--encoding gb18030 applies to CSV files only");
    }
}
