package io.fidelis.generator;

import io.fidelis.core.domain.Coded;
import io.fidelis.core.domain.Complaint;
import io.fidelis.core.domain.Customer;
import io.fidelis.core.domain.Installment;
import io.fidelis.core.domain.Interaction;
import io.fidelis.core.domain.Loan;
import io.fidelis.core.domain.Survey;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams customer stories into the contract's CSV files plus {@code truth.csv}: UTF-8 without BOM, comma, one header
 * row, {@code \n} line ends, RFC 4180 quoting where a value needs it, empty cells for missing values.
 */
final class BookCsvWriter implements Closeable {

    /** The files written, in this order: the six tables of the contract, then the truth. */
    enum BookFile {
        CUSTOMERS(
                "customers.csv", "customer_id,name,industry,region,size,group_id,onboarded_on,closed_on,close_reason"),
        LOANS(
                "loans.csv",
                "loan_id,customer_id,product,amount,currency,annual_rate,start_date,maturity_date,status,status_date"),
        INSTALLMENTS("installments.csv", "loan_id,installment_no,due_date,due_amount,paid_date,paid_amount"),
        COMPLAINTS("complaints.csv", "complaint_id,customer_id,received_on,category,severity,resolved_on,escalated"),
        SURVEYS("surveys.csv", "customer_id,surveyed_on,satisfaction,nps"),
        INTERACTIONS("interactions.csv", "customer_id,occurred_on,type,channel"),
        TRUTH("truth.csv", "customer_id,archetype,tier,stage");

        final String fileName;
        final String header;

        BookFile(String fileName, String header) {
            this.fileName = fileName;
            this.header = header;
        }
    }

    private static final BookFile[] FILES = BookFile.values();
    private static final int BUFFER_CHARS = 1 << 16;

    private final List<Writer> writers = new ArrayList<>(FILES.length);
    private final long[] rows = new long[FILES.length];
    private final StringBuilder line = new StringBuilder(256);
    private int cellsInLine;

    BookCsvWriter(Path directory) throws IOException {
        try {
            for (BookFile file : FILES) {
                Writer writer = new BufferedWriter(
                        new OutputStreamWriter(
                                Files.newOutputStream(directory.resolve(file.fileName)), StandardCharsets.UTF_8),
                        BUFFER_CHARS);
                writers.add(writer);
                writer.write(file.header);
                writer.write('\n');
            }
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    void write(CustomerStory story) throws IOException {
        Customer customer = story.customer();
        text(customer.id()).text(customer.name()).text(customer.industry()).text(customer.region());
        code(customer.size())
                .text(customer.groupId())
                .date(customer.onboardedOn())
                .date(customer.closedOn());
        code(customer.closeReason()).end(BookFile.CUSTOMERS);
        for (Loan loan : story.loans()) {
            text(loan.id()).text(loan.customerId()).code(loan.product()).amount(loan.amount());
            text(loan.currency())
                    .amount(loan.annualRate())
                    .date(loan.startDate())
                    .date(loan.maturityDate());
            code(loan.status()).date(loan.statusDate()).end(BookFile.LOANS);
        }
        for (Installment installment : story.installments()) {
            text(installment.loanId()).number(installment.number()).date(installment.dueDate());
            amount(installment.dueAmount()).date(installment.paidDate()).amount(installment.paidAmount());
            end(BookFile.INSTALLMENTS);
        }
        for (Complaint complaint : story.complaints()) {
            text(complaint.id())
                    .text(complaint.customerId())
                    .date(complaint.receivedOn())
                    .code(complaint.category());
            code(complaint.severity()).date(complaint.resolvedOn()).text(String.valueOf(complaint.escalated()));
            end(BookFile.COMPLAINTS);
        }
        for (Survey survey : story.surveys()) {
            text(survey.customerId())
                    .date(survey.surveyedOn())
                    .number(survey.satisfaction())
                    .number(survey.nps());
            end(BookFile.SURVEYS);
        }
        for (Interaction interaction : story.interactions()) {
            text(interaction.customerId()).date(interaction.occurredOn()).code(interaction.type());
            code(interaction.channel()).end(BookFile.INTERACTIONS);
        }
        text(customer.id())
                .code(story.archetype())
                .code(story.truth().tier())
                .code(story.truth().stage())
                .end(BookFile.TRUTH);
    }

    /** Rows written so far to {@code file}, header excluded. */
    long rows(BookFile file) {
        return rows[file.ordinal()];
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Writer writer : writers) {
            try {
                writer.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private BookCsvWriter text(String value) {
        separate();
        if (value == null) {
            return this;
        }
        if (needsQuotes(value)) {
            line.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"') {
                    line.append('"');
                }
                line.append(c);
            }
            line.append('"');
        } else {
            line.append(value);
        }
        return this;
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    private BookCsvWriter code(Coded value) {
        separate();
        if (value != null) {
            line.append(value.code());
        }
        return this;
    }

    private BookCsvWriter date(LocalDate value) {
        separate();
        if (value != null) {
            line.append(value); // ISO yyyy-MM-dd
        }
        return this;
    }

    private BookCsvWriter amount(BigDecimal value) {
        separate();
        if (value != null) {
            line.append(value.toPlainString());
        }
        return this;
    }

    private BookCsvWriter number(Integer value) {
        separate();
        if (value != null) {
            line.append(value.intValue());
        }
        return this;
    }

    private void separate() {
        if (cellsInLine++ > 0) {
            line.append(',');
        }
    }

    private void end(BookFile file) throws IOException {
        Writer writer = writers.get(file.ordinal());
        writer.append(line);
        writer.write('\n');
        line.setLength(0);
        cellsInLine = 0;
        rows[file.ordinal()]++;
    }
}
