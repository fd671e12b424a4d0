package io.fidelis.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A table for the terminal: heading lines, then rows; the first column left-aligned, the others right-aligned,
 * widths counted in terminal cells so that Chinese labels line up ({@link TerminalText}). A row with a single cell
 * spans the table (a note) and does not count towards the widths.
 */
final class TextTable {

    private final List<List<String>> headings = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();

    /** A table with no heading yet; add heading lines with {@link #heading(List)}. */
    TextTable() {}

    /** A table with one heading line. */
    TextTable(String... headings) {
        this.headings.add(List.of(headings));
    }

    /** Adds a heading line. */
    TextTable heading(List<String> cells) {
        headings.add(List.copyOf(cells));
        return this;
    }

    /** Adds a row of cells, as many as the columns, or one spanning cell. */
    TextTable row(String... cells) {
        return row(Arrays.asList(cells));
    }

    /** Adds a row of cells, as many as the columns, or one spanning cell. */
    TextTable row(List<String> cells) {
        rows.add(List.copyOf(cells));
        return this;
    }

    /** Prints the table. */
    void print(PrintWriter out) {
        print(out, "");
    }

    /** Prints the table, each line starting with {@code indent}. */
    void print(PrintWriter out, String indent) {
        List<List<String>> lines = new ArrayList<>(headings);
        lines.addAll(rows);
        int columns = lines.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> line : lines) {
            if (line.size() == 1 && columns > 1) {
                continue;
            }
            if (line.size() != columns) {
                throw new IllegalArgumentException(
                        "a line of " + line.size() + " cells in a table of " + columns + " columns: " + line);
            }
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], TerminalText.width(line.get(c)));
            }
        }
        for (List<String> line : lines) {
            out.println(indent + (line.size() == 1 && columns > 1 ? line.get(0) : line(line, widths)));
        }
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder(TerminalText.left(cells.get(0), widths[0]));
        for (int c = 1; c < cells.size(); c++) {
            line.append("  ").append(TerminalText.right(cells.get(c), widths[c]));
        }
        return line.toString().stripTrailing();
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
