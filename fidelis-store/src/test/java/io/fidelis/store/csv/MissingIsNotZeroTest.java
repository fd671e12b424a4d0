package io.fidelis.store.csv;

import static io.fidelis.store.csv.ContractRow.aValidRow;
import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.domain.Complaint;
import io.fidelis.core.domain.Customer;
import io.fidelis.core.domain.Installment;
import io.fidelis.core.domain.Loan;
import io.fidelis.core.domain.Survey;
import io.fidelis.core.domain.Table;
import io.fidelis.store.Reject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An empty cell, or a column the file does not have, is missing: null in the record, never zero or false. */
class MissingIsNotZeroTest {

    @TempDir
    Path folder;

    @Test
    void anInstallmentWithNothingPaidHasNoPaidAmountRatherThanZero() throws IOException {
        Installment installment = (Installment) aValidRow(Table.INSTALLMENTS)
                .with("paid_date", "")
                .with("paid_amount", "")
                .readIn(folder)
                .onlyRecord();

        assertThat(installment.paidAmount()).isNull();
        assertThat(installment.paidDate()).isNull();
    }

    @Test
    void aZeroWrittenInTheFileIsReadAsZero() throws IOException {
        Installment installment = (Installment) aValidRow(Table.INSTALLMENTS)
                .with("paid_date", "")
                .with("paid_amount", "0")
                .readIn(folder)
                .onlyRecord();

        assertThat(installment.paidAmount()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void aLoanWithoutARateHasAnUnknownRate() throws IOException {
        Loan loan = (Loan)
                aValidRow(Table.LOANS).with("annual_rate", "").readIn(folder).onlyRecord();

        assertThat(loan.annualRate()).isNull();
    }

    @Test
    void aLoanWithoutACurrencyIsInTheContractsDefaultCurrency() throws IOException {
        Loan loan = (Loan)
                aValidRow(Table.LOANS).with("currency", " ").readIn(folder).onlyRecord();

        assertThat(loan.currency()).isEqualTo("CNY");
    }

    @Test
    void aSurveyWithOnlyAnNpsHasAnUnknownSatisfaction() throws IOException {
        Survey survey = (Survey)
                aValidRow(Table.SURVEYS).with("satisfaction", "").readIn(folder).onlyRecord();

        assertThat(survey.satisfaction()).isNull();
        assertThat(survey.nps()).isEqualTo(9);
    }

    @Test
    void aComplaintWithoutEscalationRecordedIsNotReadAsNotEscalated() throws IOException {
        Complaint complaint = (Complaint) aValidRow(Table.COMPLAINTS)
                .with("escalated", "")
                .with("resolved_on", "")
                .readIn(folder)
                .onlyRecord();

        assertThat(complaint.escalated()).isNull();
        assertThat(complaint.resolvedOn()).isNull();
    }

    @Test
    void optionalColumnsTheFileDoesNotHaveAreMissing() throws IOException {
        Customer customer = (Customer) aValidRow(Table.CUSTOMERS)
                .without("size")
                .without("onboarded_on")
                .without("closed_on")
                .readIn(folder)
                .onlyRecord();

        assertThat(customer.size()).isNull();
        assertThat(customer.onboardedOn()).isNull();
        assertThat(customer.closedOn()).isNull();
        assertThat(customer.name()).isEqualTo("Acme Construction");
    }

    @Test
    void anEmptyQuotedCellIsMissingToo() throws IOException {
        ContractRow.Read read = ContractRow.Read.text(
                folder,
                "surveys.csv",
                Table.SURVEYS,
                "customer_id,surveyed_on,satisfaction,nps\nC1,2025-06-30,\"\",\" \"\nC2,2025-06-30,\"\",9\n");

        assertThat(read.sink().rejects).extracting(Reject::rule).containsExactly("survey.no_score");
        assertThat(read.sink().records).singleElement().isEqualTo(new Survey("C2", LocalDate.of(2025, 6, 30), null, 9));
    }
}
