package io.fidelis.store.sql;

import io.fidelis.store.Reject;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes every reject of an import to {@code rejects/import-<id>.csv} (UTF-8, columns
 * file,line,column,value,rule,message), in table, file and line order, streaming from the staging table.
 */
final class RejectsFile {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setHeader("file", "line", "column", "value", "rule", "message")
            .setRecordSeparator('\n')
            .get();

    private RejectsFile() {}

    public static Path pathFor(Path rejectsDirectory, long importId) {
        return rejectsDirectory.resolve("import-" + importId + ".csv");
    }

    /** Writes the file and returns the first {@code keep} rejects. */
    static List<Reject> write(Connection connection, StagingArea staging, Path file, int keep)
            throws SQLException, IOException {
        Files.createDirectories(file.getParent());
        List<Reject> first = new ArrayList<>();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(out, FORMAT);
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT file, line, col, value, rule, message FROM "
                        + staging.rejects() + " ORDER BY table_ord, file, line, arrival NULLS LAST, rule, col")) {
            while (rows.next()) {
                Reject reject = new Reject(
                        rows.getString(1),
                        rows.getLong(2),
                        rows.getString(3),
                        rows.getString(4),
                        rows.getString(5),
                        rows.getString(6));
                csv.printRecord(
                        reject.file(), reject.line(), reject.column(), reject.value(), reject.rule(), reject.message());
                if (first.size() < keep) {
                    first.add(reject);
                }
            }
        }
        return first;
    }
}
