package io.fidelis.store.csv;

import static io.fidelis.store.csv.ContractRow.aValidRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fidelis.core.domain.Coded;
import io.fidelis.core.domain.LoanStatus;
import io.fidelis.core.domain.Table;
import io.fidelis.store.Reject;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** One failing example per row-level rule: a valid row with one cell changed is rejected, naming rule and column. */
class ValidationRulesTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(Table.class)
    void theValidRowOfEveryTableIsAccepted(Table table) throws IOException {
        ContractRow.Read read = aValidRow(table).readIn(folder);

        assertThat(read.onlyRecord()).isNotNull();
        assertThat(read.sink().lines).containsExactly(2L);
    }

    @ParameterizedTest(name = "{0}.{1} = ''{2}'' breaks {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            CUSTOMERS    | customer_id    |              | required
            CUSTOMERS    | customer_id    | '   '        | required
            CUSTOMERS    | size           | huge         | enum
            CUSTOMERS    | onboarded_on   | 2020-02-30   | date.format
            CUSTOMERS    | closed_on      | 2019-12-31   | range.closed_before_onboarded
            CUSTOMERS    | close_reason   | bankrupt     | enum
            LOANS        | loan_id        |              | required
            LOANS        | product        | mortgage     | enum
            LOANS        | amount         |              | required
            LOANS        | amount         | 0            | range.amount_positive
            LOANS        | amount         | -5           | range.amount_positive
            LOANS        | amount         | ¥100         | decimal.currency_symbol
            LOANS        | amount         | 100元        | decimal.currency_symbol
            LOANS        | amount         | RMB 100      | decimal.currency_symbol
            LOANS        | amount         | 1,5          | decimal.format
            LOANS        | amount         | 1,20.5       | decimal.format
            LOANS        | amount         | 1.200,50     | decimal.format
            LOANS        | amount         | 1.2E5        | decimal.format
            LOANS        | amount         | (100)        | decimal.format
            LOANS        | currency       | YUAN         | currency.format
            LOANS        | annual_rate    | 4.35         | range.rate
            LOANS        | annual_rate    | -0.01        | range.non_negative
            LOANS        | annual_rate    | 4.35%        | decimal.format
            LOANS        | start_date     | 01/02/2024   | date.format
            LOANS        | maturity_date  | 2023-12-31   | range.maturity_before_start
            LOANS        | status         | paused       | enum
            LOANS        | status_date    | 1899-12-31   | range.date
            INSTALLMENTS | installment_no | 0            | range.installment_no
            INSTALLMENTS | installment_no | 1.0          | integer.format
            INSTALLMENTS | installment_no | 12345678901  | integer.format
            INSTALLMENTS | due_date       | 2024-1-32    | date.format
            INSTALLMENTS | due_date       | 2024-02-01T25:00 | date.format
            INSTALLMENTS | due_amount     | -0.01        | range.non_negative
            INSTALLMENTS | due_amount     | abc          | decimal.format
            INSTALLMENTS | paid_amount    | -1           | range.non_negative
            INSTALLMENTS | paid_date      |              | installment.paid_without_date
            COMPLAINTS   | complaint_id   |              | required
            COMPLAINTS   | received_on    |              | required
            COMPLAINTS   | category       | rude         | enum
            COMPLAINTS   | severity       | critical     | enum
            COMPLAINTS   | resolved_on    | 2024-12-31   | range.resolved_before_received
            COMPLAINTS   | escalated      | maybe        | boolean.format
            SURVEYS      | surveyed_on    | 2025/06/31   | date.format
            SURVEYS      | satisfaction   | 0            | range.satisfaction
            SURVEYS      | satisfaction   | 6            | range.satisfaction
            SURVEYS      | nps            | 11           | range.nps
            SURVEYS      | nps            | -1           | range.nps
            SURVEYS      | nps            | nine         | integer.format
            INTERACTIONS | occurred_on    | 2026-09      | date.format
            INTERACTIONS | type           | visit        | enum
            INTERACTIONS | channel        | fax          | enum
            """)
    void aBrokenCellIsRejectedWithItsRuleAndColumn(Table table, String column, String value, String rule)
            throws IOException {
        ContractRow.Read read = aValidRow(table)
                .with(column, value == null ? "" : value.replace("'", ""))
                .readIn(folder);

        assertThat(read.sink().records).isEmpty();
        assertThat(read.sink().rejects).singleElement().satisfies(reject -> {
            assertThat(reject.rule()).isEqualTo(rule);
            assertThat(reject.column()).isEqualTo(column);
            assertThat(reject.line()).isEqualTo(2);
            assertThat(reject.file()).isEqualTo(table.code() + ".csv");
            assertThat(reject.message()).isNotBlank();
        });
        assertThat(RuleIds.ALL).contains(rule);
    }

    @Test
    void aRejectNamesTheRawValue() throws IOException {
        Reject reject = aValidRow(Table.LOANS)
                .with("amount", " 1,5 ")
                .readIn(folder)
                .sink()
                .rejects
                .get(0);

        assertThat(reject.value()).isEqualTo("1,5");
    }

    @Test
    void anUnknownCodeListsTheAllowedCodes() throws IOException {
        Reject reject = aValidRow(Table.LOANS)
                .with("status", "paused")
                .readIn(folder)
                .sink()
                .rejects
                .get(0);

        assertThat(reject.message()).contains(Coded.codes(LoanStatus.class));
    }

    @Test
    void aSurveyWithNeitherScoreIsRejected() throws IOException {
        ContractRow.Read read = aValidRow(Table.SURVEYS)
                .with("satisfaction", "")
                .with("nps", "")
                .readIn(folder);

        assertThat(read.sink().rejects)
                .extracting(Reject::rule, Reject::column)
                .containsExactly(tuple("survey.no_score", "satisfaction"));
    }

    @Test
    void everyBrokenCellOfARowIsRejectedInFileOrder() throws IOException {
        ContractRow.Read read = aValidRow(Table.LOANS)
                .with("amount", "lots")
                .with("start_date", "soon")
                .with("status", "fine")
                .readIn(folder);

        assertThat(read.sink().rejects)
                .extracting(Reject::column, Reject::rule)
                .containsExactly(
                        tuple("amount", "decimal.format"), tuple("start_date", "date.format"), tuple("status", "enum"));
        assertThat(read.summary().rowsRejected()).isEqualTo(1);
    }

    @Test
    void aRowRuleIsOnlyCheckedWhenItsCellsAreReadable() throws IOException {
        ContractRow.Read read = aValidRow(Table.LOANS)
                .with("start_date", "2030-01-01")
                .with("maturity_date", "someday")
                .readIn(folder);

        assertThat(read.sink().rejects).extracting(Reject::rule).containsExactly("date.format");
    }

    @Test
    void aRowWithTooFewFieldsIsRejectedAsAWhole() throws IOException {
        ContractRow.Read read = ContractRow.Read.text(
                folder, "surveys.csv", Table.SURVEYS, "customer_id,surveyed_on,nps\nC1,2025-01-01\n");

        assertThat(read.sink().rejects).singleElement().satisfies(reject -> {
            assertThat(reject.rule()).isEqualTo("row.field_count");
            assertThat(reject.column()).isNull();
            assertThat(reject.line()).isEqualTo(2);
        });
    }

    @Test
    void aRowWithTooManyFieldsIsRejected() throws IOException {
        ContractRow.Read read = ContractRow.Read.text(
                folder, "surveys.csv", Table.SURVEYS, "customer_id,surveyed_on,nps\nC1,2025-01-01,5,6\n");

        assertThat(read.sink().rejects).extracting(Reject::rule).containsExactly("row.field_count");
    }

    @Test
    void aQuoteNeverClosedRejectsTheRowWhereItStarts() throws IOException {
        ContractRow.Read read = ContractRow.Read.text(
                folder,
                "surveys.csv",
                Table.SURVEYS,
                "customer_id,surveyed_on,nps\nC1,2025-01-01,5\n\"C2,2025-01-01,5\nC3,2025-01-01,5\n");

        assertThat(read.sink().lines).containsExactly(2L);
        assertThat(read.sink().rejects).singleElement().satisfies(reject -> {
            assertThat(reject.rule()).isEqualTo("row.quoting");
            assertThat(reject.line()).isEqualTo(3);
        });
    }
}
