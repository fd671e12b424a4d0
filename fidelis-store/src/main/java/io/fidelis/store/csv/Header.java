package io.fidelis.store.csv;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file's header row: its names, stripped, and the line it is on (1 for an empty file).
 *
 * @param names the header's fields in file order, surrounding blanks removed
 * @param line 1-based physical line of the header
 */
record Header(List<String> names, long line) {

    /** Reads the first row of {@code scanner} as the header. */
    static Header read(CsvScanner scanner) throws IOException {
        List<String> names = new ArrayList<>();
        long line = 1;
        if (scanner.next()) {
            line = scanner.rowLine();
            for (int i = 0; i < scanner.fieldCount(); i++) {
                names.add(scanner.field(i).strip());
            }
        }
        return new Header(names, line);
    }
}
