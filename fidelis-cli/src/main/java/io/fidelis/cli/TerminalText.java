package io.fidelis.cli;

/**
 * Padding for aligned columns in a terminal, where a Chinese character takes two cells: {@code String.format} widths
 * count characters and would misalign mixed English and Chinese labels.
 */
final class TerminalText {

    private TerminalText() {}

    /** The cells {@code text} takes in a terminal. */
    static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            width += wide(c) ? 2 : 1;
            i += Character.charCount(c);
        }
        return width;
    }

    /** {@code text} followed by spaces up to {@code width} cells. */
    static String left(String text, int width) {
        return text + " ".repeat(Math.max(0, width - width(text)));
    }

    /** Spaces, then {@code text}, up to {@code width} cells. */
    static String right(String text, int width) {
        return " ".repeat(Math.max(0, width - width(text))) + text;
    }

    /** East Asian wide and full-width characters (Unicode's W and F), the ranges that matter here. */
    private static boolean wide(int c) {
        return (c >= 0x1100 && c <= 0x115F)
                || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F)
                || (c >= 0xAC00 && c <= 0xD7A3)
                || (c >= 0xF900 && c <= 0xFAFF)
                || (c >= 0xFE30 && c <= 0xFE4F)
                || (c >= 0xFF00 && c <= 0xFF60)
                || (c >= 0xFFE0 && c <= 0xFFE6)
                || (c >= 0x20000 && c <= 0x3FFFD);
    }
}
