package io.fidelis.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.domain.Channel;
import io.fidelis.core.domain.CloseReason;
import io.fidelis.core.domain.Coded;
import io.fidelis.core.domain.CompanySize;
import io.fidelis.core.domain.ComplaintCategory;
import io.fidelis.core.domain.InteractionType;
import io.fidelis.core.domain.LoanStatus;
import io.fidelis.core.domain.Product;
import io.fidelis.core.domain.Severity;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every generated file follows the input contract, checked strictly, whatever the period. */
class BookContractTest {

    private static final DateTimeFormatter ISO_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern AMOUNT = Pattern.compile("\\d+\\.\\d{2}");
    private static final Pattern RATE = Pattern.compile("0\\.\\d{4}");

    @TempDir
    Path temp;

    static Stream<Arguments> books() {
        return Stream.of(
                Arguments.of(1_500, 11L, LocalDate.of(2026, 9, 30), 3),
                Arguments.of(400, 12L, LocalDate.of(2025, 2, 28), 1),
                Arguments.of(300, 13L, LocalDate.of(2024, 12, 31), 10));
    }

    @ParameterizedTest(name = "{0} customers, seed {1}, {3} years to {2}")
    @MethodSource("books")
    void everyFileFollowsTheContract(int customers, long seed, LocalDate end, int years) throws IOException {
        GeneratorSettings settings = new GeneratorSettings(customers, seed, end, years);
        new BookGenerator(settings).writeTo(temp, done -> {});

        Check check = new Check(end);
        check.customers(StrictCsv.read(temp.resolve("customers.csv")));
        check.loans(StrictCsv.read(temp.resolve("loans.csv")));
        check.installments(StrictCsv.read(temp.resolve("installments.csv")));
        check.complaints(StrictCsv.read(temp.resolve("complaints.csv")));
        check.surveys(StrictCsv.read(temp.resolve("surveys.csv")));
        check.interactions(StrictCsv.read(temp.resolve("interactions.csv")));
        check.truth(StrictCsv.read(temp.resolve("truth.csv")));

        assertThat(check.customers).hasSize(customers);
        assertThat(check.violations).as("contract violations").isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aBookWithAStrategyExperimentFollowsTheContractToo() throws IOException {
        LocalDate end = LocalDate.of(2026, 9, 30);
        Experiment experiment = new Experiment(
                "worked-case",
                LocalDate.of(2026, 3, 30),
                0.5,
                Effects.parse("churn=-0.6,high_default=-0.5,medium_satisfaction=-0.8"));
        new BookGenerator(new GeneratorSettings(1_500, 21, end, 3), experiment).writeTo(temp, done -> {});

        Check check = new Check(end);
        check.customers(StrictCsv.read(temp.resolve("customers.csv")));
        check.loans(StrictCsv.read(temp.resolve("loans.csv")));
        check.installments(StrictCsv.read(temp.resolve("installments.csv")));
        check.complaints(StrictCsv.read(temp.resolve("complaints.csv")));
        check.surveys(StrictCsv.read(temp.resolve("surveys.csv")));
        check.interactions(StrictCsv.read(temp.resolve("interactions.csv")));
        check.truth(StrictCsv.read(temp.resolve("truth.csv")));
        StrictCsv.Table assignments = StrictCsv.read(temp.resolve("assignments.csv"));

        assertThat(check.violations).as("contract violations").isEmpty();
        assertThat(assignments.header()).containsExactly("customer_id", "strategy_id", "arm", "assigned_on", "stratum");
        assertThat(assignments.rows())
                .extracting(row -> row.get("customer_id"))
                .isSorted()
                .allMatch(check.customers::containsKey);
    }

    /** Collects every violation as "file line n, column: what is wrong". */
    private static final class Check {
        final LocalDate end;
        final List<String> violations = new ArrayList<>();
        final Map<String, LocalDate[]> customers = new HashMap<>(); // onboarded, closed
        final List<String> customerOrder = new ArrayList<>();
        final Map<String, LocalDate> loanStarts = new HashMap<>();

        Check(LocalDate end) {
            this.end = end;
        }

        void customers(StrictCsv.Table table) {
            header(table, "customer_id,name,industry,region,size,group_id,onboarded_on,closed_on,close_reason");
            for (StrictCsv.Row row : table.rows()) {
                String id = row.get("customer_id");
                expect(table, row, "customer_id", id.matches("C\\d{7}"), "not like C0000001");
                expect(table, row, "customer_id", !customers.containsKey(id), "duplicate");
                optionalCode(table, row, "size", CompanySize.class);
                LocalDate onboarded = date(table, row, "onboarded_on", true);
                LocalDate closed = date(table, row, "closed_on", false);
                if (closed != null && onboarded != null) {
                    expect(table, row, "closed_on", !closed.isBefore(onboarded), "before onboarded_on");
                }
                expect(table, row, "close_reason", row.isEmpty("close_reason") == (closed == null), "iff closed_on");
                optionalCode(table, row, "close_reason", CloseReason.class);
                expect(table, row, "name", !row.isEmpty("name"), "empty");
                customers.put(id, new LocalDate[] {onboarded, closed});
                customerOrder.add(id);
            }
        }

        void loans(StrictCsv.Table table) {
            header(
                    table,
                    "loan_id,customer_id,product,amount,currency,annual_rate,start_date,maturity_date,status,status_date");
            for (StrictCsv.Row row : table.rows()) {
                String id = row.get("loan_id");
                expect(table, row, "loan_id", id.matches("L\\d{8}"), "not like L00000001");
                expect(table, row, "loan_id", !loanStarts.containsKey(id), "duplicate");
                knownCustomer(table, row);
                code(table, row, "product", Product.class);
                amount(table, row, "amount", true);
                expect(table, row, "currency", row.get("currency").equals("CNY"), "not CNY");
                String rate = row.get("annual_rate");
                expect(
                        table,
                        row,
                        "annual_rate",
                        RATE.matcher(rate).matches() && new BigDecimal(rate).compareTo(new BigDecimal("0.02")) > 0,
                        "not a plausible rate like 0.0435");
                LocalDate start = date(table, row, "start_date", true);
                LocalDate maturity = date(table, row, "maturity_date", true, false);
                LocalDate statusDate = date(table, row, "status_date", true);
                code(table, row, "status", LoanStatus.class);
                if (start != null && maturity != null) {
                    expect(table, row, "maturity_date", !maturity.isBefore(start), "before start_date");
                }
                if (start != null && statusDate != null) {
                    expect(table, row, "status_date", !statusDate.isBefore(start), "before start_date");
                }
                LocalDate[] customer = customers.get(row.get("customer_id"));
                if (customer != null && start != null) {
                    expect(table, row, "start_date", !start.isBefore(customer[0]), "before the customer was onboarded");
                }
                loanStarts.put(id, start);
            }
        }

        void installments(StrictCsv.Table table) {
            header(table, "loan_id,installment_no,due_date,due_amount,paid_date,paid_amount");
            Set<String> numbers = new HashSet<>();
            for (StrictCsv.Row row : table.rows()) {
                String loan = row.get("loan_id");
                expect(table, row, "loan_id", loanStarts.containsKey(loan), "unknown loan");
                String number = row.get("installment_no");
                expect(table, row, "installment_no", number.matches("[1-9]\\d*"), "not an integer >= 1");
                expect(table, row, "installment_no", numbers.add(loan + "#" + number), "duplicate within the loan");
                LocalDate due = date(table, row, "due_date", true);
                amount(table, row, "due_amount", true);
                LocalDate paid = date(table, row, "paid_date", false);
                amount(table, row, "paid_amount", false);
                expect(
                        table,
                        row,
                        "paid_amount",
                        row.isEmpty("paid_date") == row.isEmpty("paid_amount"),
                        "paid_date and paid_amount go together");
                LocalDate start = loanStarts.get(loan);
                if (start != null && due != null) {
                    expect(table, row, "due_date", due.isAfter(start), "not after the loan's start");
                }
                if (start != null && paid != null) {
                    expect(table, row, "paid_date", paid.isAfter(start), "not after the loan's start");
                }
            }
        }

        void complaints(StrictCsv.Table table) {
            header(table, "complaint_id,customer_id,received_on,category,severity,resolved_on,escalated");
            Set<String> ids = new HashSet<>();
            for (StrictCsv.Row row : table.rows()) {
                String id = row.get("complaint_id");
                expect(table, row, "complaint_id", id.matches("CP\\d{8}") && ids.add(id), "not unique like CP00000001");
                knownCustomer(table, row);
                LocalDate received = date(table, row, "received_on", true);
                code(table, row, "category", ComplaintCategory.class);
                code(table, row, "severity", Severity.class);
                LocalDate resolved = date(table, row, "resolved_on", false);
                if (received != null && resolved != null) {
                    expect(table, row, "resolved_on", !resolved.isBefore(received), "before received_on");
                }
                expect(
                        table,
                        row,
                        "escalated",
                        row.get("escalated").equals("true")
                                || row.get("escalated").equals("false"),
                        "not true/false");
                during(table, row, "received_on", received);
            }
        }

        void surveys(StrictCsv.Table table) {
            header(table, "customer_id,surveyed_on,satisfaction,nps");
            for (StrictCsv.Row row : table.rows()) {
                knownCustomer(table, row);
                during(table, row, "surveyed_on", date(table, row, "surveyed_on", true));
                String satisfaction = row.get("satisfaction");
                String nps = row.get("nps");
                expect(table, row, "satisfaction", satisfaction.matches("[1-5]?"), "not in 1..5");
                expect(table, row, "nps", nps.matches("(10|[0-9])?"), "not in 0..10");
                expect(table, row, "nps", !(satisfaction.isEmpty() && nps.isEmpty()), "neither satisfaction nor nps");
            }
        }

        void interactions(StrictCsv.Table table) {
            header(table, "customer_id,occurred_on,type,channel");
            for (StrictCsv.Row row : table.rows()) {
                knownCustomer(table, row);
                during(table, row, "occurred_on", date(table, row, "occurred_on", true));
                code(table, row, "type", InteractionType.class);
                optionalCode(table, row, "channel", Channel.class);
            }
        }

        void truth(StrictCsv.Table table) {
            header(table, "customer_id,archetype,tier,stage");
            expect(table, null, "customer_id", table.rows().size() == customerOrder.size(), "one row per customer");
            for (StrictCsv.Row row : table.rows()) {
                int index = row.line() - 2;
                expect(
                        table,
                        row,
                        "customer_id",
                        index < customerOrder.size() && customerOrder.get(index).equals(row.get("customer_id")),
                        "not in the order of customers.csv");
                try {
                    Archetype archetype = Coded.parse(Archetype.class, row.get("archetype"));
                    // The archetype's class; low/churned for a customer that left or stopped paying (background);
                    // low/active for a churned-to-competitor customer a simulated strategy kept.
                    String intended = row.get("tier") + "|" + row.get("stage");
                    boolean allowed = intended.equals(archetype.tier().code() + "|"
                                    + archetype.stage().code())
                            || intended.equals("low|churned")
                            || intended.equals("low|active") && archetype == Archetype.CHURNED_TO_COMPETITOR;
                    expect(table, row, "tier", allowed, "not a class the archetype can end in");
                } catch (IllegalArgumentException e) {
                    violation(table, row, "archetype", e.getMessage());
                }
            }
        }

        /** Nothing the customer does is dated before it was onboarded or after it closed. */
        private void during(StrictCsv.Table table, StrictCsv.Row row, String column, LocalDate date) {
            LocalDate[] customer = customers.get(row.get("customer_id"));
            if (customer == null || date == null) {
                return;
            }
            expect(table, row, column, !date.isBefore(customer[0]), "before the customer was onboarded");
            expect(table, row, column, customer[1] == null || !date.isAfter(customer[1]), "after the customer closed");
        }

        private void header(StrictCsv.Table table, String expected) {
            expect(table, null, "(header)", String.join(",", table.header()).equals(expected), "not " + expected);
        }

        private void knownCustomer(StrictCsv.Table table, StrictCsv.Row row) {
            expect(table, row, "customer_id", customers.containsKey(row.get("customer_id")), "unknown customer");
        }

        private LocalDate date(StrictCsv.Table table, StrictCsv.Row row, String column, boolean required) {
            return date(table, row, column, required, true);
        }

        private LocalDate date(
                StrictCsv.Table table, StrictCsv.Row row, String column, boolean required, boolean notAfterEnd) {
            String text = row.get(column);
            if (text.isEmpty()) {
                expect(table, row, column, !required, "empty");
                return null;
            }
            try {
                LocalDate date = LocalDate.parse(text, ISO_DATE);
                expect(table, row, column, !notAfterEnd || !date.isAfter(end), "after the end date " + end);
                return date;
            } catch (DateTimeParseException e) {
                violation(table, row, column, "'" + text + "' is not yyyy-MM-dd");
                return null;
            }
        }

        private void amount(StrictCsv.Table table, StrictCsv.Row row, String column, boolean required) {
            String text = row.get(column);
            if (text.isEmpty()) {
                expect(table, row, column, !required, "empty");
                return;
            }
            expect(
                    table,
                    row,
                    column,
                    AMOUNT.matcher(text).matches() && new BigDecimal(text).signum() > 0,
                    "'" + text + "' is not an amount > 0 with 2 decimals");
        }

        private <E extends Enum<E> & Coded> void code(
                StrictCsv.Table table, StrictCsv.Row row, String column, Class<E> type) {
            try {
                E value = Coded.parse(type, row.get(column));
                expect(table, row, column, value.code().equals(row.get(column)), "not written as its code");
            } catch (IllegalArgumentException e) {
                violation(table, row, column, e.getMessage());
            }
        }

        private <E extends Enum<E> & Coded> void optionalCode(
                StrictCsv.Table table, StrictCsv.Row row, String column, Class<E> type) {
            if (!row.isEmpty(column)) {
                code(table, row, column, type);
            }
        }

        private void expect(StrictCsv.Table table, StrictCsv.Row row, String column, boolean ok, String problem) {
            if (!ok) {
                violation(table, row, column, problem);
            }
        }

        private void violation(StrictCsv.Table table, StrictCsv.Row row, String column, String problem) {
            if (violations.size() < 50) {
                violations.add(table.name() + " line " + (row == null ? 1 : row.line()) + ", " + column + ": " + problem
                        + (row == null ? "" : " in " + row.cells()));
            }
        }
    }
}
