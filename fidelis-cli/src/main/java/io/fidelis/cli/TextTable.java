package io.fidelis.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table for the terminal: the first column left-aligned, the others right-aligned, widths counted in terminal cells
 * so that Chinese labels line up ({@link TerminalText}). A row with a single cell spans the table (a note).
 */
final class TextTable {

    private final List<String> headings;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... headings) {
        this.headings = List.of(headings);
    }

    /** Adds a row of cells, as many as the headings, or one spanning cell. */
    TextTable row(String... cells) {
        if (cells.length != headings.size() && cells.length != 1) {
            throw new IllegalArgumentException(
                    "a row needs " + headings.size() + " cells or one, not " + Arrays.toString(cells));
        }
        rows.add(List.of(cells));
        return this;
    }

    /** Prints the table, each line starting with {@code indent}. */
    void print(PrintWriter out, String indent) {
        int[] widths = new int[headings.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = TerminalText.width(headings.get(c));
        }
        for (List<String> row : rows) {
            if (row.size() == headings.size()) {
                for (int c = 0; c < widths.length; c++) {
                    widths[c] = Math.max(widths[c], TerminalText.width(row.get(c)));
                }
            }
        }
        out.println(indent + line(headings, widths));
        for (List<String> row : rows) {
            out.println(indent + (row.size() == 1 ? row.get(0) : line(row, widths)));
        }
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder(TerminalText.left(cells.get(0), widths[0]));
        for (int c = 1; c < cells.size(); c++) {
            line.append("  ").append(TerminalText.right(cells.get(c), widths[c]));
        }
        return line.toString().stripTrailing();
    }
}
