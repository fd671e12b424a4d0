package io.fidelis.store.csv;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
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

    /**
     * The options an {@code --encoding} value names, for {@code fidelis import} and the Spark job alike: {@code auto}
     * (detect), {@code utf-8} ({@code utf8}) or {@code gb18030} ({@code gbk} and {@code gb2312} read as GB18030), in
     * any case.
     *
     * @throws IllegalArgumentException naming the value and the choices, for anything else
     */
    public static ReadOptions named(String encoding) {
        return switch (encoding.strip().toLowerCase(Locale.ROOT)) {
            case "auto" -> detect();
            case "utf-8", "utf8" -> forced(StandardCharsets.UTF_8);
            case "gb18030", "gbk", "gb2312" -> forced(Charset.forName("GB18030"));
            default -> throw new IllegalArgumentException("'" + encoding + "' is not one of auto, utf-8, gb18030");
        };
    }
}
