package io.fidelis.store.csv;

import io.fidelis.core.domain.Table;
import io.fidelis.store.Reject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;

/**
 * Rows per second of the reader on a generated installments file: not a test (no timing belongs in a test), run by
 * hand: {@code java -cp <test classpath> io.fidelis.store.csv.ReadInstallmentsBench [rows] [file] [forced]}
 * ({@code forced} reads as forced UTF-8, through the JDK decoder rather than the ASCII fast path). The file goes
 * under the git-ignored {@code .bench/} and is reused when it exists.
 */
final class ReadInstallmentsBench {

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        Path file = Paths.get(args.length > 1 ? args[1] : ".bench/installments_" + rows + ".csv");
        if (!Files.exists(file)) {
            write(file, rows);
        }
        System.out.printf("%s: %,d bytes%n", file, Files.size(file));
        boolean forced = args.length > 2 && args[2].equals("forced");
        ContractReader reader =
                new ContractReader(forced ? ReadOptions.forced(StandardCharsets.UTF_8) : ReadOptions.detect());
        for (int run = 1; run <= 5; run++) {
            Counting sink = new Counting();
            long start = System.nanoTime();
            ReadSummary summary = reader.read(file, file.getFileName().toString(), Table.INSTALLMENTS, sink);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "run %d: %,d rows (%,d accepted, %,d rejected) in %.2f s = %,.0f rows/s%n",
                    run,
                    summary.rowsRead(),
                    summary.rowsAccepted(),
                    summary.rowsRejected(),
                    seconds,
                    summary.rowsRead() / seconds);
        }
    }

    private static void write(Path file, int rows) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        LocalDate start = LocalDate.of(2023, 1, 31);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("loan_id,installment_no,due_date,due_amount,paid_date,paid_amount\n");
            for (int i = 0; i < rows; i++) {
                int loan = i / 36;
                int number = i % 36 + 1;
                LocalDate due = start.plusMonths(number - 1);
                long cents = 100_000 + (loan * 7919L) % 900_000;
                String amount = cents / 100 + "." + String.format("%02d", cents % 100);
                out.write("LN" + (1_000_000 + loan) + "," + number + "," + due + "," + amount + ",");
                if (i % 10 != 9) {
                    out.write(due.plusDays(i % 5 - 2) + "," + amount);
                } else {
                    out.write(",");
                }
                out.write('\n');
            }
        }
    }

    private static final class Counting implements RowSink {
        // kept so that the records cannot be optimised away
        volatile Record last;

        @Override
        public void row(Record record, long line) {
            last = record;
        }

        @Override
        public void reject(Reject reject) {}
    }
}
