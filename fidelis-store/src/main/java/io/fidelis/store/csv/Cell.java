package io.fidelis.store.csv;

/**
 * One cell of the current row, as a window on the row's characters with surrounding blanks removed. Reused from
 * cell to cell so that reading a number or a date allocates nothing but the value.
 */
final class Cell {

    private static final int SHOWN_CHARS = 100;

    char[] chars;
    int from;
    int to;

    /** Points at {@code chars[start..end)}, stripped of blanks (ASCII controls and spaces, no-break and ideographic spaces). */
    Cell set(char[] chars, int start, int end) {
        while (start < end && isBlank(chars[start])) {
            start++;
        }
        while (end > start && isBlank(chars[end - 1])) {
            end--;
        }
        this.chars = chars;
        this.from = start;
        this.to = end;
        return this;
    }

    boolean isEmpty() {
        return from == to;
    }

    int length() {
        return to - from;
    }

    char charAt(int index) {
        return chars[from + index];
    }

    boolean contains(char c) {
        for (int i = from; i < to; i++) {
            if (chars[i] == c) {
                return true;
            }
        }
        return false;
    }

    /** The cell's text, stripped. */
    String text() {
        return new String(chars, from, to - from);
    }

    /** Whether the cell's text equals {@code text}, without allocating. */
    boolean contentEquals(String text) {
        int length = to - from;
        if (text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (chars[from + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The cell's text as shown in a reject: cut after {@value #SHOWN_CHARS} characters. */
    String shown() {
        if (to - from <= SHOWN_CHARS) {
            return text();
        }
        return new String(chars, from, SHOWN_CHARS) + "...";
    }

    private static boolean isBlank(char c) {
        return c <= ' ' || c == '\u00A0' || c == '\u3000';
    }
}
