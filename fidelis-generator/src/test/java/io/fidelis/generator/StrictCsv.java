package io.fidelis.generator;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberately strict reader of the generated CSV files: valid UTF-8 without BOM, {@code \n} line ends, RFC 4180
 * quoting, every row as wide as the header. Fails with the file, line and what was wrong.
 */
final class StrictCsv {

    /** One file: its header and its rows, cells as written ({@code ""} for empty). */
    record Table(String name, List<String> header, List<Row> rows) {}

    /** One data row with its line number in the file. */
    record Row(int line, Map<String, String> cells) {

        String get(String column) {
            String value = cells.get(column);
            if (value == null) {
                throw new IllegalArgumentException("no column " + column);
            }
            return value;
        }

        boolean isEmpty(String column) {
            return get(column).isEmpty();
        }
    }

    private StrictCsv() {}

    static Table read(Path file) throws IOException {
        String name = file.getFileName().toString();
        String text = decode(file);
        if (text.startsWith("\uFEFF")) {
            throw new AssertionError(name + ": starts with a BOM");
        }
        if (text.indexOf('\r') >= 0) {
            throw new AssertionError(name + ": has a carriage return");
        }
        if (!text.endsWith("\n")) {
            throw new AssertionError(name + ": last line has no line end");
        }
        List<List<String>> records = parse(name, text);
        List<String> header = records.get(0);
        List<Row> rows = new ArrayList<>(records.size() - 1);
        for (int i = 1; i < records.size(); i++) {
            List<String> record = records.get(i);
            if (record.size() != header.size()) {
                throw new AssertionError(
                        name + " line " + (i + 1) + ": " + record.size() + " cells, header has " + header.size());
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                cells.put(header.get(c), record.get(c));
            }
            rows.add(new Row(i + 1, cells));
        }
        return new Table(name, header, rows);
    }

    private static String decode(Path file) throws IOException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError(file.getFileName() + ": not valid UTF-8", e);
        }
    }

    /** RFC 4180: quoted cells may hold commas, quotes (doubled) and line ends; unquoted cells may not hold quotes. */
    private static List<List<String>> parse(String name, String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' && cell.length() == 0) {
                i++;
                while (true) {
                    if (i >= text.length()) {
                        throw new AssertionError(name + " line " + line + ": unterminated quoted cell");
                    }
                    char q = text.charAt(i++);
                    if (q == '"') {
                        if (i < text.length() && text.charAt(i) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        cell.append(q);
                    }
                }
                if (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\n') {
                    throw new AssertionError(name + " line " + line + ": text after a closing quote");
                }
                continue;
            }
            i++;
            if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                line++;
            } else if (c == '"') {
                throw new AssertionError(name + " line " + line + ": quote inside an unquoted cell");
            } else {
                cell.append(c);
            }
        }
        return records;
    }
}
