package io.fidelis.store.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Splits characters into RFC 4180 records, one at a time, remembering the physical line each record starts on.
 *
 * <p>Hand-written rather than commons-csv so that cells are never turned into strings unless a caller asks (numbers
 * and dates are parsed from the row's characters), and so that a broken row is flagged rather than ending the file.
 * Lenient where the RFC is strict: line breaks may be LF, CRLF or CR; blank lines are skipped; a quote inside an
 * unquoted cell is kept as text. A quoted cell that is never closed, or text after a closing quote, flags the row.
 */
final class CsvScanner {

    /** A row longer than this (in characters) is flagged and cut, so that a stray quote cannot fill the memory. */
    static final int MAX_ROW_CHARS = 1 << 20;

    /** A row with more fields than this is flagged, for the same reason. */
    static final int MAX_FIELDS = 1 << 14;

    private static final char BOM = '\uFEFF';
    private static final char REPLACEMENT = '\uFFFD';

    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private boolean endOfInput;
    private long line = 1;
    private final char delimiter;

    private char[] row = new char[512];
    private int rowLength;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] quoted = new boolean[16];
    private int fieldCount;
    private long rowLine;
    private long quoteOpenedOn;
    private boolean unclosedQuote;
    private boolean textAfterQuote;
    private boolean tooLong;
    private boolean replacement;

    private CsvScanner(Reader in) throws IOException {
        this.in = in;
        fillFirstLine();
        if (position < limit && buffer[position] == BOM) {
            position++;
        }
        this.delimiter = detectDelimiter();
    }

    /** Starts scanning {@code in}: skips a byte-order mark and picks the delimiter from the first line. */
    static CsvScanner start(Reader in) throws IOException {
        return new CsvScanner(in);
    }

    /** The delimiter: a tab when the first line holds more tabs than commas (outside quotes), else a comma. */
    char delimiter() {
        return delimiter;
    }

    /** Reads the next record; false at the end of the input. Blank lines are skipped. */
    boolean next() throws IOException {
        rowLength = 0;
        fieldCount = 0;
        unclosedQuote = false;
        textAfterQuote = false;
        tooLong = false;
        replacement = false;
        if (!skipBlankLines()) {
            return false;
        }
        rowLine = line;
        while (true) {
            int start = rowLength;
            boolean isQuoted = buffer[position] == '"';
            if (isQuoted) {
                quotedCell();
            } else {
                unquotedCell();
            }
            addField(start, rowLength, isQuoted);
            if (position == limit && !fill()) {
                return true;
            }
            char c = buffer[position++];
            if (c == '\n') {
                line++;
                return true;
            }
            if (c == '\r') {
                line++;
                skipLineFeed();
                return true;
            }
            // the delimiter: another field follows, possibly empty at the end of the input
            if (position == limit && !fill()) {
                addField(rowLength, rowLength, false);
                return true;
            }
        }
    }

    /** Physical line (1-based) where the current record starts. */
    long rowLine() {
        return rowLine;
    }

    int fieldCount() {
        return fieldCount;
    }

    /** The characters of the current record; field {@code i} spans {@link #start}..{@link #end}. */
    char[] chars() {
        return row;
    }

    int start(int field) {
        return starts[field];
    }

    int end(int field) {
        return ends[field];
    }

    boolean quoted(int field) {
        return quoted[field];
    }

    String field(int field) {
        return new String(row, starts[field], ends[field] - starts[field]);
    }

    /** A quoted cell of the current record reached the end of the input without its closing quote. */
    boolean unclosedQuote() {
        return unclosedQuote;
    }

    /** Line where the unclosed quote of the current record was opened. */
    long quoteOpenedOn() {
        return quoteOpenedOn;
    }

    /** Some cell of the current record had text after its closing quote, as in {@code "abc"def}. */
    boolean textAfterQuote() {
        return textAfterQuote;
    }

    /** The current record had more than {@link #MAX_ROW_CHARS} characters or {@link #MAX_FIELDS} fields and was cut. */
    boolean tooLong() {
        return tooLong;
    }

    /** The current record holds U+FFFD, which the decoder puts where bytes were not valid in the charset. */
    boolean replacement() {
        return replacement;
    }

    private boolean skipBlankLines() throws IOException {
        while (true) {
            if (position == limit && !fill()) {
                return false;
            }
            char c = buffer[position];
            if (c == '\n') {
                position++;
                line++;
            } else if (c == '\r') {
                position++;
                line++;
                skipLineFeed();
            } else {
                return true;
            }
        }
    }

    private void unquotedCell() throws IOException {
        char separator = delimiter;
        while (true) {
            if (position == limit && !fill()) {
                return;
            }
            char[] b = buffer;
            int p = position;
            int end = limit;
            while (p < end) {
                char c = b[p];
                // every character that ends a cell sorts at or below ','; one comparison skips the rest
                if (c <= ',') {
                    if (c == separator || c == '\n' || c == '\r') {
                        break;
                    }
                } else if (c == REPLACEMENT) {
                    replacement = true;
                }
                p++;
            }
            append(b, position, p - position);
            position = p;
            if (p < end) {
                return;
            }
        }
    }

    private void quotedCell() throws IOException {
        quoteOpenedOn = line;
        position++;
        boolean afterCarriageReturn = false;
        while (true) {
            if (position == limit && !fill()) {
                unclosedQuote = true;
                return;
            }
            char[] b = buffer;
            int p = position;
            int end = limit;
            while (p < end) {
                char c = b[p];
                if (c == '"') {
                    break;
                }
                if (c == '\r') {
                    line++;
                    afterCarriageReturn = true;
                } else {
                    if (c == '\n' && !afterCarriageReturn) {
                        line++;
                    } else if (c == REPLACEMENT) {
                        replacement = true;
                    }
                    afterCarriageReturn = false;
                }
                p++;
            }
            append(b, position, p - position);
            position = p;
            if (p == end) {
                continue;
            }
            position++; // past the quote
            afterCarriageReturn = false;
            if (position == limit && !fill()) {
                return;
            }
            if (buffer[position] == '"') {
                appendChar('"');
                position++;
            } else {
                textAfterClosingQuote();
                return;
            }
        }
    }

    /** Keeps whatever follows a closing quote up to the end of the cell, flagging the row unless it is blank. */
    private void textAfterClosingQuote() throws IOException {
        int start = rowLength;
        unquotedCell();
        for (int i = start; i < rowLength; i++) {
            if (row[i] > ' ') {
                textAfterQuote = true;
                return;
            }
        }
        rowLength = start;
    }

    private void skipLineFeed() throws IOException {
        if ((position < limit || fill()) && buffer[position] == '\n') {
            position++;
        }
    }

    private boolean fill() throws IOException {
        if (endOfInput) {
            return false;
        }
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            endOfInput = true;
            position = 0;
            limit = 0;
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    /** Reads until the buffer holds a whole first line (or is full, or the input ends). */
    private void fillFirstLine() throws IOException {
        while (limit < buffer.length) {
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                endOfInput = true;
                return;
            }
            for (int i = limit; i < limit + n; i++) {
                if (buffer[i] == '\n' || buffer[i] == '\r') {
                    limit += n;
                    return;
                }
            }
            limit += n;
        }
    }

    private char detectDelimiter() {
        int commas = 0;
        int tabs = 0;
        boolean inQuotes = false;
        for (int i = position; i < limit; i++) {
            char c = buffer[i];
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (!inQuotes) {
                if (c == '\n' || c == '\r') {
                    break;
                } else if (c == ',') {
                    commas++;
                } else if (c == '\t') {
                    tabs++;
                }
            }
        }
        return tabs > commas ? '\t' : ',';
    }

    private void append(char[] source, int offset, int length) {
        if (length == 0) {
            return;
        }
        int room = MAX_ROW_CHARS - rowLength;
        if (length > room) {
            tooLong = true;
            length = room;
        }
        if (rowLength + length > row.length) {
            row = Arrays.copyOf(row, Math.min(MAX_ROW_CHARS, Math.max(row.length * 2, rowLength + length)));
        }
        System.arraycopy(source, offset, row, rowLength, length);
        rowLength += length;
    }

    private void appendChar(char c) {
        if (rowLength == MAX_ROW_CHARS) {
            tooLong = true;
            return;
        }
        if (rowLength == row.length) {
            row = Arrays.copyOf(row, Math.min(MAX_ROW_CHARS, row.length * 2));
        }
        row[rowLength++] = c;
    }

    private void addField(int start, int end, boolean isQuoted) {
        if (fieldCount == MAX_FIELDS) {
            tooLong = true;
            return;
        }
        if (fieldCount == starts.length) {
            int size = fieldCount * 2;
            starts = Arrays.copyOf(starts, size);
            ends = Arrays.copyOf(ends, size);
            quoted = Arrays.copyOf(quoted, size);
        }
        starts[fieldCount] = start;
        ends[fieldCount] = end;
        quoted[fieldCount] = isQuoted;
        fieldCount++;
    }
}
