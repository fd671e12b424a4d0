package io.fidelis.store.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 4180 records with the physical line each starts on. */
class CsvScannerTest {

    /** A scanned record: its first line and its fields. */
    record Row(long line, List<String> fields) {
        static Row of(long line, String... fields) {
            return new Row(line, List.of(fields));
        }
    }

    private static List<Row> scan(String text) throws IOException {
        CsvScanner scanner = CsvScanner.start(new StringReader(text));
        List<Row> rows = new ArrayList<>();
        while (scanner.next()) {
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < scanner.fieldCount(); i++) {
                fields.add(scanner.field(i));
            }
            rows.add(new Row(scanner.rowLine(), fields));
        }
        return rows;
    }

    @Test
    void aQuotedLineBreakKeepsTheRowOnItsFirstLineAndCountsForTheNext() throws IOException {
        assertThat(scan("a,b\n1,\"x\ny\"\n2,z\n"))
                .containsExactly(Row.of(1, "a", "b"), Row.of(2, "1", "x\ny"), Row.of(4, "2", "z"));
    }

    @Test
    void crLfAndLoneCrEndLinesToo() throws IOException {
        assertThat(scan("a,b\r\n1,\"x\r\ny\"\r\n2,z\r3,w"))
                .containsExactly(
                        Row.of(1, "a", "b"), Row.of(2, "1", "x\r\ny"), Row.of(4, "2", "z"), Row.of(5, "3", "w"));
    }

    @Test
    void blankLinesAreSkippedButCounted() throws IOException {
        assertThat(scan("a\n\n\r\n1\n\n2\n\n")).containsExactly(Row.of(1, "a"), Row.of(4, "1"), Row.of(6, "2"));
    }

    @Test
    void aDoubledQuoteInsideQuotesIsOneQuote() throws IOException {
        assertThat(scan("\"say \"\"hi\"\"\",\"\"\n")).containsExactly(Row.of(1, "say \"hi\"", ""));
    }

    @Test
    void aQuoteInsideAnUnquotedCellIsText() throws IOException {
        assertThat(scan("5\" pipe,x\n")).containsExactly(Row.of(1, "5\" pipe", "x"));
    }

    @Test
    void emptyCellsAtTheEndAreKept() throws IOException {
        assertThat(scan("a,,\n1,2,")).containsExactly(Row.of(1, "a", "", ""), Row.of(2, "1", "2", ""));
    }

    @Test
    void theDelimiterIsATabWhenTheHeaderHasMoreTabsThanCommas() throws IOException {
        CsvScanner scanner = CsvScanner.start(new StringReader("\"a,b,c\"\td\te\n1,5\t2\t3\n"));

        assertThat(scanner.delimiter()).isEqualTo('\t');
        scanner.next();
        scanner.next();
        assertThat(scanner.field(0)).isEqualTo("1,5");
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstName() throws IOException {
        assertThat(scan("\uFEFFa,b\n")).containsExactly(Row.of(1, "a", "b"));
    }

    @Test
    void anUnclosedQuoteFlagsTheRowWithTheLineItOpenedOn() throws IOException {
        CsvScanner scanner = CsvScanner.start(new StringReader("a,b\n1,2\n3,\"x\n4,5\n"));
        scanner.next();
        scanner.next();
        assertThat(scanner.unclosedQuote()).isFalse();

        assertThat(scanner.next()).isTrue();
        assertThat(scanner.unclosedQuote()).isTrue();
        assertThat(scanner.quoteOpenedOn()).isEqualTo(3);
        assertThat(scanner.next()).isFalse();
    }

    @Test
    void textAfterAClosingQuoteFlagsTheRowButBlanksDoNot() throws IOException {
        CsvScanner scanner = CsvScanner.start(new StringReader("\"a\"  ,\"b\"x\n\"c\" \n"));
        scanner.next();
        assertThat(scanner.textAfterQuote()).isTrue();
        assertThat(scanner.field(0)).isEqualTo("a");

        scanner.next();
        assertThat(scanner.textAfterQuote()).isFalse();
        assertThat(scanner.field(0)).isEqualTo("c");
    }

    @Test
    void aRowLongerThanTheLimitIsFlaggedAndCut() throws IOException {
        String huge = "x".repeat(CsvScanner.MAX_ROW_CHARS + 10);
        CsvScanner scanner = CsvScanner.start(new StringReader("a\n\"" + huge + "\"\nnext\n"));
        scanner.next();

        scanner.next();
        assertThat(scanner.tooLong()).isTrue();
        assertThat(scanner.end(0) - scanner.start(0)).isEqualTo(CsvScanner.MAX_ROW_CHARS);
        scanner.next();
        assertThat(scanner.tooLong()).isFalse();
        assertThat(scanner.field(0)).isEqualTo("next");
        assertThat(scanner.rowLine()).isEqualTo(3);
    }

    static Stream<Long> seeds() {
        return IntStream.rangeClosed(1, 25).mapToObj(seed -> (long) seed);
    }

    /** Any cells, written the RFC 4180 way with either delimiter and line ending, scan back to the same cells and lines. */
    @ParameterizedTest
    @MethodSource("seeds")
    void writtenCellsScanBackUnchangedWithTheirLines(long seed) throws IOException {
        Random random = new Random(seed);
        char delimiter = random.nextBoolean() ? ',' : '\t';
        String lineEnd = random.nextBoolean() ? "\n" : "\r\n";
        int columns = 2 + random.nextInt(5);
        List<Row> written = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        long line = 1;
        // enough rows that some seeds cross the scanner's 64K buffer, with cells split across refills
        int rows = 1 + random.nextInt(seed % 5 == 0 ? 3000 : 60);
        for (int r = 0; r < rows; r++) {
            List<String> cells = new ArrayList<>();
            StringBuilder row = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = randomCell(random);
                cells.add(cell);
                if (c > 0) {
                    row.append(delimiter);
                }
                boolean quote = cell.isEmpty() && random.nextBoolean()
                        || cell.chars().anyMatch(ch -> ch == delimiter || ch == '"' || ch == '\n' || ch == '\r')
                        || random.nextInt(10) == 0;
                row.append(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
            }
            written.add(new Row(line, cells));
            text.append(row).append(lineEnd);
            line += 1 + lineBreaks(row.toString());
        }

        List<Row> scanned = scan(text.toString());

        assertThat(scanned).containsExactlyElementsOf(written);
    }

    private static long lineBreaks(String text) {
        return text.replace("\r\n", "\n")
                .chars()
                .filter(c -> c == '\n' || c == '\r')
                .count();
    }

    private static String randomCell(Random random) {
        String alphabet = "abcXYZ019 .-,\t\"\n\r中文汇丰";
        int length = random.nextInt(4) == 0 ? random.nextInt(60) : random.nextInt(8);
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < length; i++) {
            cell.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        if (random.nextInt(50) == 0) {
            cell.append("y".repeat(70_000));
        }
        return cell.toString();
    }
}
