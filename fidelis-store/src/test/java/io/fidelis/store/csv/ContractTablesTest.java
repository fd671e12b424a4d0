package io.fidelis.store.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.domain.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The reader's tables agree with the core's contract, and the user documentation names every column and rule. */
class ContractTablesTest {

    private static String documentation() throws IOException {
        return Files.readString(Paths.get("../docs/data-format.md"), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(Table.class)
    void theRequiredColumnsAreTheCoresInTheSameOrder(Table table) {
        Schema schema = ContractTables.of(table);

        assertThat(schema.table()).isEqualTo(table);
        assertThat(schema.columns().stream()
                        .filter(Column::required)
                        .map(Column::name)
                        .toList())
                .isEqualTo(table.requiredColumns());
    }

    @ParameterizedTest
    @EnumSource(Table.class)
    void theDocumentationDescribesEveryColumnOfTheTable(Table table) throws IOException {
        String documentation = documentation();

        assertThat(documentation).contains("### `" + table.code() + "`");
        for (Column column : ContractTables.of(table).columns()) {
            String shown = column.required() ? "| **`" + column.name() + "`** |" : "| `" + column.name() + "` |";
            assertThat(documentation)
                    .as("docs row of %s.%s", table.code(), column.name())
                    .contains(shown);
        }
    }

    static List<String> ruleIds() {
        return RuleIds.ALL;
    }

    @ParameterizedTest
    @MethodSource("ruleIds")
    void theDocumentationExplainsEveryRule(String rule) throws IOException {
        assertThat(documentation()).contains("| `" + rule + "` |");
    }
}
