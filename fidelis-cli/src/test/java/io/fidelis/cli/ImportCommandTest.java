package io.fidelis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void captureOutput() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private Path book(String name) throws IOException {
        Path folder = Files.createDirectories(temp.resolve(name));
        write(folder, "customers.csv", "customer_id,name\nC1,Acme\nC2,Birch\n");
        write(
                folder,
                "loans.csv",
                "loan_id,customer_id,product,amount,start_date,maturity_date,status\n"
                        + "L1,C1,term_loan,1000000,2024-01-01,2027-01-01,active\n");
        write(
                folder,
                "installments.csv",
                "loan_id,installment_no,due_date,due_amount,paid_date,paid_amount\n"
                        + "L1,1,2024-02-01,30000,2024-02-01,30000\n");
        return folder;
    }

    private static void write(Path folder, String file, String text) throws IOException {
        Files.writeString(folder.resolve(file), text, StandardCharsets.UTF_8);
    }

    private int fidelisImport(Path folder, String... options) {
        String[] args = new String[options.length + 4];
        args[0] = "import";
        args[1] = folder.toString();
        args[2] = "--workspace";
        args[3] = temp.resolve("workspace").toString();
        System.arraycopy(options, 0, args, 4, options.length);
        return Main.run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aCleanBookImportsWithExitCodeZero() throws IOException {
        int exit = fidelisImport(book("book"));

        assertThat(exit).isEqualTo(Main.OK);
        assertThat(stdout()).contains("Import 1: written to the book", "customers 2", "loans 1", "installments 1");
        assertThat(temp.resolve("workspace/fidelis.duckdb")).exists();
    }

    @Test
    void dataErrorsGiveExitCodeOneAndListTheRejects() throws IOException {
        Path folder = book("book");
        write(
                folder,
                "interactions.csv",
                "customer_id,occurred_on,type\nC1,2025-01-01,meeting\nC9,2025-01-02,meeting\n");

        int exit = fidelisImport(folder);

        assertThat(exit).isEqualTo(Main.DATA_ERRORS);
        assertThat(stdout())
                .contains("NOT written: 1 errors, more than --max-errors 0")
                .contains("interactions.csv:3: column customer_id value 'C9'")
                .contains("[reference.customer]")
                .contains("Book now holds: customers 0")
                .contains(temp.resolve("workspace/rejects/import-1.csv").toString());
    }

    @Test
    void errorsWithinMaxErrorsImportTheGoodRowsWithExitCodeZero() throws IOException {
        Path folder = book("book");
        write(
                folder,
                "interactions.csv",
                "customer_id,occurred_on,type\nC1,2025-01-01,meeting\nC9,2025-01-02,meeting\n");

        int exit = fidelisImport(folder, "--max-errors", "1");

        assertThat(exit).isEqualTo(Main.OK);
        assertThat(stdout()).contains("Errors: 1", "interactions 1");
    }

    @Test
    void aMissingFolderIsAUsageErrorWithExitCodeTwo() {
        int exit = fidelisImport(temp.resolve("nowhere"));

        assertThat(exit).isEqualTo(Main.USAGE);
        assertThat(stderr()).contains("nowhere is not a folder (it does not exist)");
        assertThat(temp.resolve("workspace")).doesNotExist();
    }

    @Test
    void anUnknownEncodingIsAUsageErrorWithExitCodeTwo() throws IOException {
        int exit = fidelisImport(book("book"), "--encoding", "latin-1");

        assertThat(exit).isEqualTo(Main.USAGE);
        assertThat(stderr()).contains("'latin-1' is not one of auto, utf-8, gb18030");
    }

    @Test
    void importingTheSameFolderTwiceAddsNothing() throws IOException {
        Path folder = book("book");
        fidelisImport(folder);

        int exit = fidelisImport(folder);

        assertThat(exit).isEqualTo(Main.OK);
        assertThat(stdout()).contains("Import 2: written to the book", "customers 2", "installments 1");
        assertThat(stdout()).containsPattern("installments\\s+1\\s+1\\s+0\\s+1\\s+0\\s+0\\s+1");
    }

    @Test
    void aFolderWithoutContractFilesIsAUsageErrorWithExitCodeTwo() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("photos"));
        write(folder, "holiday.csv", "a,b\n1,2\n");

        int exit = fidelisImport(folder);

        assertThat(exit).isEqualTo(Main.USAGE);
        assertThat(stderr()).contains("holds none of the contract's files");
    }
}
