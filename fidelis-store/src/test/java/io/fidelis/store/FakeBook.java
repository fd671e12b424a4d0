package io.fidelis.store;

import io.fidelis.core.domain.Complaint;
import io.fidelis.core.domain.Customer;
import io.fidelis.core.domain.Installment;
import io.fidelis.core.domain.Interaction;
import io.fidelis.core.domain.InteractionType;
import io.fidelis.core.domain.Loan;
import io.fidelis.core.domain.LoanStatus;
import io.fidelis.core.domain.Product;
import io.fidelis.core.domain.Survey;
import io.fidelis.core.domain.Table;
import io.fidelis.store.csv.RowSink;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A book whose files hold domain records (or reader rejects) as the test gives them: the store's tests do not need
 * the CSV reader. Row i of a file is at line i + 2, under a header. Each file is also written to disk (its records'
 * text) so that the store can hash it.
 */
public final class FakeBook implements BookSource {

    private final Path folder;
    private final List<FakeFile> files = new ArrayList<>();

    private FakeBook(Path folder) {
        this.folder = folder;
    }

    public static FakeBook in(Path folder) {
        return new FakeBook(folder);
    }

    /** A file named {@code name} (its table is the name's prefix) holding these rows; a {@link Bad} row is a reject. */
    public FakeBook file(String name, Object... rows) {
        Table table = tableOf(name);
        files.add(new FakeFile(table, name, List.of(rows)));
        return this;
    }

    @Override
    public String description() {
        return folder.toString();
    }

    @Override
    public List<SourceFile> files() throws IOException {
        Files.createDirectories(folder);
        List<SourceFile> sources = new ArrayList<>();
        List<FakeFile> ordered = new ArrayList<>(files);
        ordered.sort(Comparator.comparing((FakeFile f) -> f.table).thenComparing(f -> f.name));
        for (FakeFile file : ordered) {
            Path path = folder.resolve(file.name);
            Files.writeString(path, file.rows.toString(), StandardCharsets.UTF_8);
            sources.add(new SourceFile(file.table, file.name, path, Files.size(path)));
        }
        return sources;
    }

    @Override
    public FileRead read(SourceFile source, RowSink sink) {
        FakeFile file = files.stream()
                .filter(f -> f.name.equals(source.name()))
                .findFirst()
                .orElseThrow();
        long line = 2;
        for (Object row : file.rows) {
            if (row instanceof Bad bad) {
                sink.reject(new Reject(file.name, line, bad.column, bad.value, bad.rule, "bad " + bad.column));
            } else {
                sink.row((Record) row, line);
            }
            line++;
        }
        long rejected = file.rows.stream().filter(Bad.class::isInstance).count();
        return new FileRead(file.rows.size(), rejected, List.of(), "UTF-8", ',');
    }

    private static Table tableOf(String name) {
        for (Table table : Table.values()) {
            if (name.toLowerCase(Locale.ROOT).startsWith(table.code())) {
                return table;
            }
        }
        throw new IllegalArgumentException(name + " names no table");
    }

    private record FakeFile(Table table, String name, List<Object> rows) {}

    /** A row the reader rejected. */
    public record Bad(String column, String value, String rule) {}

    public static Bad bad(String column, String value, String rule) {
        return new Bad(column, value, rule);
    }

    public static Customer customer(String id) {
        return Customer.withId(id);
    }

    public static Loan loan(String id, String customerId) {
        return loan(id, customerId, LoanStatus.ACTIVE);
    }

    public static Loan loan(String id, String customerId, LoanStatus status) {
        return new Loan(
                id,
                customerId,
                Product.TERM_LOAN,
                new BigDecimal("1000000.00"),
                "CNY",
                new BigDecimal("0.0435"),
                LocalDate.of(2024, 1, 1),
                LocalDate.of(2027, 1, 1),
                status,
                null);
    }

    public static Installment installment(String loanId, int number) {
        return new Installment(
                loanId,
                number,
                LocalDate.of(2024, 1, 1).plusMonths(number),
                new BigDecimal("30000.00"),
                LocalDate.of(2024, 1, 1).plusMonths(number),
                new BigDecimal("30000.00"));
    }

    public static Installment unpaid(String loanId, int number) {
        return new Installment(
                loanId, number, LocalDate.of(2024, 1, 1).plusMonths(number), new BigDecimal("30000.00"), null, null);
    }

    public static Complaint complaint(String id, String customerId) {
        return new Complaint(id, customerId, LocalDate.of(2025, 3, 1), null, null, null, null);
    }

    public static Survey survey(String customerId, LocalDate on, int satisfaction) {
        return new Survey(customerId, on, satisfaction, null);
    }

    public static Interaction meeting(String customerId, LocalDate on) {
        return new Interaction(customerId, on, InteractionType.MEETING, null);
    }
}
