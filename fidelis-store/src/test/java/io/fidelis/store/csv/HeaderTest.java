package io.fidelis.store.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fidelis.core.domain.Installment;
import io.fidelis.core.domain.Table;
import io.fidelis.store.Reject;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The header names the columns in any case and order; unknown columns are warned about once; required ones must be there. */
class HeaderTest {

    @TempDir
    Path folder;

    private ContractRow.Read read(String name, Table table, String text) throws IOException {
        return ContractRow.Read.text(folder, name, table, text);
    }

    @Test
    void headerNamesAreCaseInsensitiveTrimmedAndInAnyOrder() throws IOException {
        ContractRow.Read read = read(
                "installments.csv",
                Table.INSTALLMENTS,
                " DUE_AMOUNT ,Due_Date,installment_NO,Loan_Id\n100.00,2026-01-31,3,L9\n");

        Installment installment = (Installment) read.onlyRecord();
        assertThat(installment.loanId()).isEqualTo("L9");
        assertThat(installment.number()).isEqualTo(3);
        assertThat(installment.dueAmount()).isEqualByComparingTo("100.00");
    }

    @Test
    void unknownColumnsAreWarnedAboutOnceAndIgnored() throws IOException {
        ContractRow.Read read = read(
                "surveys.csv",
                Table.SURVEYS,
                "customer_id,Channel_Code,surveyed_on,nps,remark\n"
                        + "C1,X,2026-01-01,5,a\nC2,Y,2026-01-01,6,b\nC3,Z,2026-01-01,7,c\n");

        assertThat(read.sink().records).hasSize(3);
        assertThat(read.sink().warnings).singleElement().asString().contains("Channel_Code", "remark");
        assertThat(read.summary().unknownColumns()).containsExactly("Channel_Code", "remark");
    }

    @Test
    void aFileWithOnlyContractColumnsHasNoWarning() throws IOException {
        ContractRow.Read read = read("surveys.csv", Table.SURVEYS, "customer_id,surveyed_on,nps\nC1,2026-01-01,5\n");

        assertThat(read.sink().warnings).isEmpty();
        assertThat(read.summary().unknownColumns()).isEmpty();
    }

    @Test
    void aMissingRequiredColumnRejectsTheFileOnLineOneAndNoRowIsRead() throws IOException {
        ContractRow.Read read = read(
                "loans.csv",
                Table.LOANS,
                "loan_id,customer_id,product,start_date,maturity_date,status\n"
                        + "L1,C1,term_loan,2024-01-01,2025-01-01,active\n");

        assertThat(read.sink().records).isEmpty();
        assertThat(read.sink().rejects)
                .extracting(Reject::line, Reject::column, Reject::rule)
                .containsExactly(tuple(1L, "amount", "header.missing_column"));
        assertThat(read.summary().rowsRead()).isZero();
    }

    @Test
    void everyMissingRequiredColumnIsNamed() throws IOException {
        ContractRow.Read read = read("interactions.csv", Table.INTERACTIONS, "customer_id,channel\nC1,branch\n");

        assertThat(read.sink().rejects).extracting(Reject::column).containsExactly("occurred_on", "type");
    }

    @Test
    void anEmptyFileIsRejectedForEachRequiredColumn() throws IOException {
        ContractRow.Read read = read("complaints.csv", Table.COMPLAINTS, "");

        assertThat(read.sink().rejects)
                .extracting(Reject::line, Reject::column, Reject::rule)
                .containsExactly(
                        tuple(1L, "complaint_id", "header.missing_column"),
                        tuple(1L, "customer_id", "header.missing_column"),
                        tuple(1L, "received_on", "header.missing_column"));
    }

    @Test
    void aFileOfBlankLinesIsEmpty() throws IOException {
        ContractRow.Read read = read("customers.csv", Table.CUSTOMERS, "\n\r\n\n");

        assertThat(read.sink().rejects).extracting(Reject::rule).containsExactly("header.missing_column");
    }

    @Test
    void aHeaderWithoutRowsReadsNothingAndRejectsNothing() throws IOException {
        ContractRow.Read read = read("customers.csv", Table.CUSTOMERS, "customer_id,name\n");

        assertThat(read.sink().rejects).isEmpty();
        assertThat(read.sink().records).isEmpty();
        assertThat(read.summary().rowsRead()).isZero();
    }

    @Test
    void aColumnNamedTwiceRejectsTheFile() throws IOException {
        ContractRow.Read read = read("customers.csv", Table.CUSTOMERS, "customer_id,name,Customer_ID\nC1,Acme,C2\n");

        assertThat(read.sink().rejects)
                .extracting(Reject::column, Reject::rule)
                .containsExactly(tuple("customer_id", "header.duplicate_column"));
        assertThat(read.sink().records).isEmpty();
    }

    @Test
    void aTabInTheHeaderMakesATabSeparatedFile() throws IOException {
        ContractRow.Read read = read(
                "surveys.tsv",
                Table.SURVEYS,
                "customer_id\tsurveyed_on\tnps\tnote\nC1\t2026-01-01\t5\tsays \"hi\", twice\n");

        assertThat(read.summary().delimiter()).isEqualTo('\t');
        assertThat(read.sink().records).hasSize(1);
    }

    @Test
    void aCommaHeaderMakesACommaSeparatedFile() throws IOException {
        ContractRow.Read read = read("surveys.csv", Table.SURVEYS, "customer_id,surveyed_on,nps\nC1,2026-01-01,5\n");

        assertThat(read.summary().delimiter()).isEqualTo(',');
    }
}
