package io.fidelis.store.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fidelis.core.domain.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which files of an import folder belong to which table. */
class ContractFilesTest {

    @TempDir
    Path folder;

    private void touch(String... names) throws IOException {
        for (String name : names) {
            Files.writeString(folder.resolve(name), "x\n");
        }
    }

    private List<String> names(List<Path> files) {
        return files.stream().map(file -> file.getFileName().toString()).toList();
    }

    @Test
    void filesSplitByPeriodAreOneTableInNameOrder() throws IOException {
        touch("installments_2026-10.csv", "installments_2026-09.csv", "installments_2025-12.csv");

        Map<Table, List<Path>> files = ContractFiles.filesByTable(folder);

        assertThat(names(files.get(Table.INSTALLMENTS)))
                .containsExactly("installments_2025-12.csv", "installments_2026-09.csv", "installments_2026-10.csv");
    }

    @Test
    void namesAndExtensionsAreCaseInsensitive() throws IOException {
        touch("LOANS.CSV", "Customers.Tsv", "surveys-2026.txt");

        Map<Table, List<Path>> files = ContractFiles.filesByTable(folder);

        assertThat(names(files.get(Table.LOANS))).containsExactly("LOANS.CSV");
        assertThat(names(files.get(Table.CUSTOMERS))).containsExactly("Customers.Tsv");
        assertThat(names(files.get(Table.SURVEYS))).containsExactly("surveys-2026.txt");
    }

    @Test
    void otherFilesAndFoldersAreIgnored() throws IOException {
        touch("loans.xlsx", "notes.csv", "loansummary.csv", "my_customers.csv", "complaints", ".customers.csv");
        Files.createDirectory(folder.resolve("interactions_old.csv"));

        Map<Table, List<Path>> files = ContractFiles.filesByTable(folder);

        assertThat(files.values()).allSatisfy(list -> assertThat(list).isEmpty());
    }

    @Test
    void everyTableIsThereInContractOrderEvenWithoutFiles() throws IOException {
        touch("interactions.csv");

        Map<Table, List<Path>> files = ContractFiles.filesByTable(folder);

        assertThat(files.keySet()).containsExactly(Table.values());
        assertThat(files.get(Table.CUSTOMERS)).isEmpty();
        assertThat(names(files.get(Table.INTERACTIONS))).containsExactly("interactions.csv");
    }

    @ParameterizedTest(name = "{0} belongs to {1}")
    @CsvSource({
        "customers.csv, CUSTOMERS",
        "customers_2026.csv, CUSTOMERS",
        "Loans-branch7.TXT, LOANS",
        "installments2026.tsv, INSTALLMENTS",
        "complaints (copy).csv, COMPLAINTS",
        "loansummary.csv,",
        "customer.csv,",
        "customers.csv.bak,",
        "customers.xls,"
    })
    void aFileBelongsToTheTableItsNameStartsWith(String name, Table table) {
        assertThat(ContractFiles.tableOf(name)).isEqualTo(table);
    }

    @Test
    void aMissingFolderIsAnError() {
        assertThatThrownBy(() -> ContractFiles.filesByTable(folder.resolve("nowhere")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("nowhere");
    }

    @Test
    void aFileIsNotAFolder() throws IOException {
        touch("customers.csv");

        assertThatThrownBy(() -> ContractFiles.filesByTable(folder.resolve("customers.csv")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a folder");
    }

    @Test
    void theListsCannotBeChanged() throws IOException {
        Map<Table, List<Path>> files = ContractFiles.filesByTable(folder);

        assertThatThrownBy(() -> files.get(Table.LOANS).add(folder)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> files.put(Table.LOANS, List.of())).isInstanceOf(UnsupportedOperationException.class);
    }
}
