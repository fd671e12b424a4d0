package io.fidelis.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table for the terminal: heading lines, then rows, every line with the same number of cells; the first column
 * left-aligned and the others right-aligned, widths counted in terminal cells (a Chinese character takes two).
 */
final class TextTable {

    private final List<List<String>> headings = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();

    TextTable heading(List<String> cells) {
        headings.add(List.copyOf(cells));
        return this;
    }

    TextTable row(List<String> cells) {
        rows.add(List.copyOf(cells));
        return this;
    }

    void print(PrintWriter out) {
        List<List<String>> lines = new ArrayList<>(headings);
        lines.addAll(rows);
        int columns = lines.get(0).size();
        int[] widths = new int[columns];
        for (List<String> line : lines) {
            if (line.size() != columns) {
                throw new IllegalArgumentException(
                        "a line of " + line.size() + " cells in a table of " + columns + " columns");
            }
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], TerminalText.width(line.get(c)));
            }
        }
        for (List<String> line : lines) {
            StringBuilder text = new StringBuilder(TerminalText.left(line.get(0), widths[0]));
            for (int c = 1; c < columns; c++) {
                text.append("  ").append(TerminalText.right(line.get(c), widths[c]));
            }
            out.println(text.toString().stripTrailing());
        }
    }

    /** {@code 12,345}. */
    static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 12.3%}, or {@code -} for not a number. */
    static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
