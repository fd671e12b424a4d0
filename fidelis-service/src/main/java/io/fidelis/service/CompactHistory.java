package io.fidelis.service;

import io.fidelis.core.domain.Channel;
import io.fidelis.core.domain.CloseReason;
import io.fidelis.core.domain.CompanySize;
import io.fidelis.core.domain.Complaint;
import io.fidelis.core.domain.ComplaintCategory;
import io.fidelis.core.domain.Customer;
import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.domain.Installment;
import io.fidelis.core.domain.Interaction;
import io.fidelis.core.domain.InteractionType;
import io.fidelis.core.domain.Loan;
import io.fidelis.core.domain.LoanStatus;
import io.fidelis.core.domain.Product;
import io.fidelis.core.domain.Severity;
import io.fidelis.core.domain.Survey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer's history as one byte array, about a quarter of the heap its records take (a record per installment, a
 * BigDecimal per amount, a LocalDate per date): dates as epoch days, amounts as scale and unscaled value (so that
 * {@code 100.00} comes back as {@code 100.00}, not {@code 100}), codes as ordinals, a loan id written once per run of
 * installments. {@link #decode} gives back a history equal to the one encoded.
 */
final class CompactHistory {

    private static final int NO_DATE = Integer.MIN_VALUE;
    private static final int NO_NUMBER = Integer.MIN_VALUE;

    private CompactHistory() {}

    static byte[] encode(CustomerHistory history) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            Customer c = history.customer();
            text(out, c.id());
            text(out, c.name());
            text(out, c.industry());
            text(out, c.region());
            code(out, c.size());
            text(out, c.groupId());
            date(out, c.onboardedOn());
            date(out, c.closedOn());
            code(out, c.closeReason());
            out.writeInt(history.loans().size());
            for (Loan loan : history.loans()) {
                text(out, loan.id());
                text(out, loan.customerId());
                code(out, loan.product());
                decimal(out, loan.amount());
                text(out, loan.currency());
                decimal(out, loan.annualRate());
                date(out, loan.startDate());
                date(out, loan.maturityDate());
                code(out, loan.status());
                date(out, loan.statusDate());
            }
            out.writeInt(history.installments().size());
            String loanId = null;
            for (Installment i : history.installments()) {
                boolean same = i.loanId().equals(loanId);
                out.writeBoolean(same);
                if (!same) {
                    text(out, i.loanId());
                    loanId = i.loanId();
                }
                out.writeInt(i.number());
                date(out, i.dueDate());
                decimal(out, i.dueAmount());
                date(out, i.paidDate());
                decimal(out, i.paidAmount());
            }
            out.writeInt(history.complaints().size());
            for (Complaint complaint : history.complaints()) {
                text(out, complaint.id());
                text(out, complaint.customerId());
                date(out, complaint.receivedOn());
                code(out, complaint.category());
                code(out, complaint.severity());
                date(out, complaint.resolvedOn());
                out.writeByte(complaint.escalated() == null ? 2 : complaint.escalated() ? 1 : 0);
            }
            out.writeInt(history.surveys().size());
            for (Survey survey : history.surveys()) {
                text(out, survey.customerId());
                date(out, survey.surveyedOn());
                number(out, survey.satisfaction());
                number(out, survey.nps());
            }
            out.writeInt(history.interactions().size());
            for (Interaction interaction : history.interactions()) {
                text(out, interaction.customerId());
                date(out, interaction.occurredOn());
                code(out, interaction.type());
                code(out, interaction.channel());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static CustomerHistory decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            Customer customer = new Customer(
                    text(in),
                    text(in),
                    text(in),
                    text(in),
                    code(in, CompanySize.values()),
                    text(in),
                    date(in),
                    date(in),
                    code(in, CloseReason.values()));
            int count = in.readInt();
            List<Loan> loans = new ArrayList<>(count);
            for (int n = 0; n < count; n++) {
                loans.add(new Loan(
                        text(in),
                        text(in),
                        code(in, Product.values()),
                        decimal(in),
                        text(in),
                        decimal(in),
                        date(in),
                        date(in),
                        code(in, LoanStatus.values()),
                        date(in)));
            }
            count = in.readInt();
            List<Installment> installments = new ArrayList<>(count);
            String loanId = null;
            for (int n = 0; n < count; n++) {
                if (!in.readBoolean()) {
                    loanId = text(in);
                }
                installments.add(new Installment(loanId, in.readInt(), date(in), decimal(in), date(in), decimal(in)));
            }
            count = in.readInt();
            List<Complaint> complaints = new ArrayList<>(count);
            for (int n = 0; n < count; n++) {
                String id = text(in);
                String customerId = text(in);
                LocalDate received = date(in);
                ComplaintCategory category = code(in, ComplaintCategory.values());
                Severity severity = code(in, Severity.values());
                LocalDate resolved = date(in);
                byte escalated = in.readByte();
                complaints.add(new Complaint(
                        id,
                        customerId,
                        received,
                        category,
                        severity,
                        resolved,
                        escalated == 2 ? null : escalated == 1));
            }
            count = in.readInt();
            List<Survey> surveys = new ArrayList<>(count);
            for (int n = 0; n < count; n++) {
                surveys.add(new Survey(text(in), date(in), number(in), number(in)));
            }
            count = in.readInt();
            List<Interaction> interactions = new ArrayList<>(count);
            for (int n = 0; n < count; n++) {
                interactions.add(new Interaction(
                        text(in), date(in), code(in, InteractionType.values()), code(in, Channel.values())));
            }
            return new CustomerHistory(customer, loans, installments, complaints, surveys, interactions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            out.writeUTF(text);
        }
    }

    private static String text(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void date(DataOutputStream out, LocalDate date) throws IOException {
        out.writeInt(date == null ? NO_DATE : Math.toIntExact(date.toEpochDay()));
    }

    private static LocalDate date(DataInputStream in) throws IOException {
        int days = in.readInt();
        return days == NO_DATE ? null : LocalDate.ofEpochDay(days);
    }

    private static void number(DataOutputStream out, Integer number) throws IOException {
        out.writeInt(number == null ? NO_NUMBER : number);
    }

    private static Integer number(DataInputStream in) throws IOException {
        int number = in.readInt();
        return number == NO_NUMBER ? null : number;
    }

    private static void code(DataOutputStream out, Enum<?> code) throws IOException {
        out.writeByte(code == null ? -1 : code.ordinal());
    }

    private static <E> E code(DataInputStream in, E[] values) throws IOException {
        byte ordinal = in.readByte();
        return ordinal < 0 ? null : values[ordinal];
    }

    /** Scale and unscaled value: a long when it fits (every amount of a real book), else its bytes. */
    private static void decimal(DataOutputStream out, BigDecimal value) throws IOException {
        if (value == null) {
            out.writeByte(0);
            return;
        }
        BigInteger unscaled = value.unscaledValue();
        if (unscaled.bitLength() < 64) {
            out.writeByte(1);
            out.writeInt(value.scale());
            out.writeLong(unscaled.longValue());
        } else {
            byte[] big = unscaled.toByteArray();
            out.writeByte(2);
            out.writeInt(value.scale());
            out.writeInt(big.length);
            out.write(big);
        }
    }

    private static BigDecimal decimal(DataInputStream in) throws IOException {
        byte form = in.readByte();
        if (form == 0) {
            return null;
        }
        int scale = in.readInt();
        if (form == 1) {
            return BigDecimal.valueOf(in.readLong(), scale);
        }
        byte[] big = new byte[in.readInt()];
        in.readFully(big);
        return new BigDecimal(new BigInteger(big), scale);
    }
}
