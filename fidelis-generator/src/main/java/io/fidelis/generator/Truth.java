package io.fidelis.generator;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads back the {@code truth.csv} a generated book carries: every customer's archetype and the tier and stage its
 * story intends at the book's end date, for comparing a classification with them.
 */
public final class Truth {

    /** The file's name in a generated book. */
    public static final String FILE = "truth.csv";

    /**
     * One customer's intended class.
     *
     * @param archetype e.g. {@code loyal_core}
     * @param tier {@code high}, {@code medium} or {@code low}
     * @param stage {@code new}, {@code active}, {@code dormant} or {@code churned}
     */
    public record Intended(String archetype, String tier, String stage) {}

    private Truth() {}

    /** The intended class of every customer of the book in {@code book}, by customer id. */
    public static Map<String, Intended> read(Path book) throws IOException {
        Map<String, Intended> truth = new HashMap<>();
        try (BufferedReader lines = Files.newBufferedReader(book.resolve(FILE), StandardCharsets.UTF_8)) {
            lines.readLine(); // header: customer_id,archetype,tier,stage (ids and codes never hold a comma)
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] cells = line.split(",", -1);
                truth.put(cells[0], new Intended(cells[1], cells[2], cells[3]));
            }
        }
        return truth;
    }
}
