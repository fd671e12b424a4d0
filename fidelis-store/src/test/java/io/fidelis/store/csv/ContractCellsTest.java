package io.fidelis.store.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fidelis.core.domain.Table;
import io.fidelis.store.Reject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file read as cells with their lines, then read by ContractRows, gives what the file reader gives. */
class ContractCellsTest {

    @TempDir
    Path folder;

    private static final String LOANS = "Status,LOAN_ID,customer_id,product,amount,start_date,maturity_date,note\n"
            + "active,L1,C1,term_loan,1000,2025-01-01,2027-01-01,\"a note\n"
            + "over two lines\"\n"
            + "active,L2,C1,term_loan,-5,2025-01-01,2027-01-01,x\n"
            + "\n"
            + "active,L3,C1,term_loan,\"1,000\",2025-02-30,2027-01-01,\"say \"\"hi\"\"\"\n"
            + "active,L4,C1,term_loan,1000,2025-01-01\n"
            + "active,L5,C2,term_loan,\"12\"x,2025-01-01,2027-01-01,y\n"
            + "paused,L6,C2,term_loan,7,2025-01-01,2027-01-01,\"\r\n\r\n\"\r\n"
            + "active,L7,C2,term_loan,8,2025-01-01,2027-01-01,z";

    @Test
    void cellsComeInTheContractsOrderWithTheLineEachRowStartsOn() throws IOException {
        List<Reject> rejects = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        try (ContractCells cells = open(LOANS, StandardCharsets.UTF_8, rejects)) {
            assertThat(cells.columns())
                    .containsExactly(
                            "loan_id", "customer_id", "product", "amount", "start_date", "maturity_date", "status");
            while (cells.next()) {
                rows.add(cells.line() + (cells.rejected() ? " rejected" : " " + cells.cells()));
            }
        }

        assertThat(rows)
                .containsExactly(
                        "2 [L1, C1, term_loan, 1000, 2025-01-01, 2027-01-01, active]",
                        "4 [L2, C1, term_loan, -5, 2025-01-01, 2027-01-01, active]",
                        "6 [L3, C1, term_loan, 1,000, 2025-02-30, 2027-01-01, active]",
                        "7 rejected",
                        "8 rejected",
                        "9 [L6, C2, term_loan, 7, 2025-01-01, 2027-01-01, paused]",
                        "12 [L7, C2, term_loan, 8, 2025-01-01, 2027-01-01, active]");
        assertThat(rejects)
                .extracting(Reject::file, Reject::line, Reject::rule)
                .containsExactly(
                        tuple("loans.csv", 7L, RuleIds.ROW_FIELD_COUNT), tuple("loans.csv", 8L, RuleIds.ROW_QUOTING));
    }

    @Test
    void cellsReadByContractRowsGiveTheFileReadersRecordsAndRejects() throws IOException {
        assertSameAsTheFileReader(LOANS, StandardCharsets.UTF_8);
    }

    @Test
    void aTabSeparatedGb18030FileWithUndecodableBytesGivesTheFileReadersRejects() throws IOException {
        String tsv = "customer_id\tsize\tname\n客户1\tmicro\t甲\n客户2\tgiant\t乙\n";
        assertSameAsTheFileReader(tsv, Charset.forName("GB18030"));
        byte[] broken = "customer_id,size\nC1,micro\nC\u00e92,small\n".getBytes(StandardCharsets.UTF_8);
        broken[broken.length - 9] = (byte) 0xff; // a stray byte in C2's id
        assertSameAsTheFileReader(broken, Table.CUSTOMERS);
    }

    @Test
    void aHeaderWithoutARequiredColumnIsRejectedAndNoRowIsRead() throws IOException {
        List<Reject> rejects = new ArrayList<>();
        try (ContractCells cells = open("loan_id,amount\nL1,5\n", StandardCharsets.UTF_8, rejects)) {
            assertThat(cells.columns()).isEmpty();
            assertThat(cells.next()).isFalse();
        }
        assertThat(rejects).extracting(Reject::line).containsOnly(1L);
        assertThat(rejects).extracting(Reject::rule).contains(RuleIds.HEADER_MISSING_COLUMN);
    }

    private ContractCells open(String text, Charset charset, List<Reject> rejects) throws IOException {
        return ContractCells.open(
                new ByteArrayInputStream(text.getBytes(charset)),
                ReadOptions.detect(),
                "loans.csv",
                Table.LOANS,
                collecting(rejects));
    }

    private void assertSameAsTheFileReader(String text, Charset charset) throws IOException {
        Table table = text.startsWith("customer_id") ? Table.CUSTOMERS : Table.LOANS;
        assertSameAsTheFileReader(text.getBytes(charset), table);
    }

    private void assertSameAsTheFileReader(byte[] bytes, Table table) throws IOException {
        Path file = folder.resolve(table.code() + ".csv");
        Files.write(file, bytes);
        CollectingSink fromFile = new CollectingSink();
        new ContractReader(ReadOptions.detect()).read(file, "book/" + file.getFileName(), table, fromFile);

        CollectingSink fromCells = new CollectingSink();
        try (ContractCells cells = ContractCells.open(
                new ByteArrayInputStream(bytes),
                ReadOptions.detect(),
                "book/" + file.getFileName(),
                table,
                fromCells)) {
            ContractRows rows = ContractRows.bind(table, cells.columns(), "book/" + file.getFileName(), fromCells);
            while (cells.next()) {
                if (!cells.rejected()) {
                    rows.read(cells.cells(), cells.line());
                }
            }
        }

        assertThat(fromFile.rejects).isNotEmpty();
        assertThat(fromCells.transcript)
                .isEqualTo(fromFile.transcript.stream()
                        .filter(line -> !line.startsWith("warning"))
                        .toList());
    }

    private static RowSink collecting(List<Reject> rejects) {
        return RowSink.rejectsTo(rejects::add);
    }
}
