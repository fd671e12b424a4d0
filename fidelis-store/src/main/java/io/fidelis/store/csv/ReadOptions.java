package io.fidelis.store.csv;

import java.nio.charset.Charset;
import java.util.Objects;

/**
 * How the lender's files are read.
 *
 * @param forcedCharset the charset of every file, or null to detect it per file (UTF-8 with or without BOM, else
 *     GB18030)
 */
public record ReadOptions(Charset forcedCharset) {

    /** Detects each file's charset. */
    public static ReadOptions detect() {
        return new ReadOptions(null);
    }

    /** Reads every file in {@code charset}, whatever its bytes look like. */
    public static ReadOptions forced(Charset charset) {
        return new ReadOptions(Objects.requireNonNull(charset, "charset"));
    }
}
