package io.fidelis.store.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.domain.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test fixture: a file of one table with a header and one row that keeps every rule, to be changed cell by cell. */
final class ContractRow {

    private final Table table;
    private final Map<String, String> cells;

    private ContractRow(Table table, Map<String, String> cells) {
        this.table = table;
        this.cells = cells;
    }

    /** A row of {@code table} with a valid value in every column of the contract. */
    static ContractRow aValidRow(Table table) {
        List<String> values = switch (table) {
            case CUSTOMERS ->
                List.of(
                        "customer_id=C1",
                        "name=Acme Construction",
                        "industry=construction",
                        "region=East",
                        "size=small",
                        "group_id=G1",
                        "onboarded_on=2020-01-01",
                        "closed_on=2025-01-01",
                        "close_reason=matured");
            case LOANS ->
                List.of(
                        "loan_id=L1",
                        "customer_id=C1",
                        "product=term_loan",
                        "amount=1000.00",
                        "currency=CNY",
                        "annual_rate=0.0435",
                        "start_date=2024-01-01",
                        "maturity_date=2027-01-01",
                        "status=active",
                        "status_date=2024-01-01");
            case INSTALLMENTS ->
                List.of(
                        "loan_id=L1",
                        "installment_no=1",
                        "due_date=2024-02-01",
                        "due_amount=100.00",
                        "paid_date=2024-02-01",
                        "paid_amount=100.00");
            case COMPLAINTS ->
                List.of(
                        "complaint_id=K1",
                        "customer_id=C1",
                        "received_on=2025-01-01",
                        "category=service",
                        "severity=low",
                        "resolved_on=2025-01-10",
                        "escalated=false");
            case SURVEYS -> List.of("customer_id=C1", "surveyed_on=2025-06-30", "satisfaction=4", "nps=9");
            case INTERACTIONS -> List.of("customer_id=C1", "occurred_on=2025-01-01", "type=meeting", "channel=branch");
        };
        Map<String, String> cells = new LinkedHashMap<>();
        for (String value : values) {
            int equals = value.indexOf('=');
            cells.put(value.substring(0, equals), value.substring(equals + 1));
        }
        return new ContractRow(table, cells);
    }

    Table table() {
        return table;
    }

    /** The same row with {@code value} in {@code column} (added at the end when the row has no such column). */
    ContractRow with(String column, String value) {
        Map<String, String> changed = new LinkedHashMap<>(cells);
        changed.put(column, value);
        return new ContractRow(table, changed);
    }

    /** The same row without {@code column}, in the header too. */
    ContractRow without(String column) {
        Map<String, String> changed = new LinkedHashMap<>(cells);
        changed.remove(column);
        return new ContractRow(table, changed);
    }

    /** The file's text: a header and this row, cells quoted when they need it. */
    String csv() {
        return String.join(",", cells.keySet()) + "\n"
                + String.join(
                        ",", cells.values().stream().map(ContractRow::quoted).toList()) + "\n";
    }

    /** Writes the file into {@code folder} (named after the table) and reads it. */
    Read readIn(Path folder) throws IOException {
        Path file = folder.resolve(table.code() + ".csv");
        Files.writeString(file, csv(), StandardCharsets.UTF_8);
        return Read.file(file, table);
    }

    static String quoted(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }

    /** What reading a file gave: the sink's content and the summary. */
    record Read(CollectingSink sink, ReadSummary summary) {

        static Read file(Path file, Table table) throws IOException {
            return file(file, table, ReadOptions.detect());
        }

        static Read file(Path file, Table table, ReadOptions options) throws IOException {
            CollectingSink sink = new CollectingSink();
            ReadSummary summary =
                    new ContractReader(options).read(file, file.getFileName().toString(), table, sink);
            return new Read(sink, summary);
        }

        /** Writes {@code text} as UTF-8 into {@code folder}/{@code name} and reads it as {@code table}. */
        static Read text(Path folder, String name, Table table, String text) throws IOException {
            Path file = folder.resolve(name);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file(file, table);
        }

        Record onlyRecord() {
            assertThat(sink.rejects).as("rejects").isEmpty();
            assertThat(sink.records).hasSize(1);
            return sink.records.get(0);
        }
    }
}
