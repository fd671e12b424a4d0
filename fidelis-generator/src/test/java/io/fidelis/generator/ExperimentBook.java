package io.fidelis.generator;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outcomes of a book's experiment measured from its files alone, as an evaluator would, written independently of
 * the generator's {@code ExperimentOutcomes}: the assigned customers with their arm and stratum, and per customer
 * whether it churned or defaulted in the window and its satisfaction answers there.
 */
final class ExperimentBook {

    /** One assigned customer and its outcomes. */
    static final class Customer {
        final String id;
        final boolean treated;
        final String stratum;
        boolean churned;
        boolean defaulted;
        long answers;
        long answerSum;

        Customer(String id, boolean treated, String stratum) {
            this.id = id;
            this.treated = treated;
            this.stratum = stratum;
        }

        String tier() {
            return stratum.substring(0, stratum.indexOf('|'));
        }
    }

    private record LoanRow(String customer, LocalDate start, String status, LocalDate statusDate) {}

    final LocalDate start;
    final LocalDate windowEnd;
    final Map<String, Customer> assigned = new HashMap<>();
    final String strategyId;

    private ExperimentBook(Path book, LocalDate start, LocalDate windowEnd) throws IOException {
        this.start = start;
        this.windowEnd = windowEnd;
        String strategy = null;
        for (String[] row : rows(book.resolve("assignments.csv"), "customer_id,strategy_id,arm,assigned_on,stratum")) {
            if (!LocalDate.parse(row[3]).equals(start)) {
                throw new AssertionError("assigned_on " + row[3] + " is not the start " + start);
            }
            strategy = row[1];
            assigned.put(row[0], new Customer(row[0], row[2].equals("treatment"), row[4]));
        }
        this.strategyId = strategy;
        for (StrictCsv.Row row : StrictCsv.read(book.resolve("customers.csv")).rows()) {
            Customer customer = assigned.get(row.get("customer_id"));
            String reason = row.get("close_reason");
            if (customer != null
                    && !row.isEmpty("closed_on")
                    && inWindow(LocalDate.parse(row.get("closed_on")))
                    && (reason.equals("moved_to_competitor") || reason.equals("closed_by_customer"))) {
                customer.churned = true;
            }
        }
        Map<String, List<LoanRow>> loansOf = new HashMap<>();
        Map<String, String> ownerOf = new HashMap<>();
        for (String[] row : rows(book.resolve("loans.csv"), null)) {
            ownerOf.put(row[0], row[1]);
            LoanRow loan = new LoanRow(row[1], LocalDate.parse(row[6]), row[8], LocalDate.parse(row[9]));
            loansOf.computeIfAbsent(row[1], key -> new ArrayList<>()).add(loan);
            Customer customer = assigned.get(row[1]);
            if (customer != null
                    && (loan.status.equals("defaulted") || loan.status.equals("written_off"))
                    && inWindow(loan.statusDate)) {
                customer.defaulted = true;
            }
        }
        loansOf.forEach((id, loans) -> {
            Customer customer = assigned.get(id);
            if (customer == null || customer.churned) {
                return;
            }
            for (LoanRow loan : loans) {
                if (loan.status.equals("refinanced_elsewhere")
                        && inWindow(loan.statusDate)
                        && allEndedBy(loans, loan.statusDate)) {
                    customer.churned = true;
                }
            }
        });
        for (String[] row : rows(book.resolve("installments.csv"), null)) {
            Customer customer = assigned.get(ownerOf.get(row[0]));
            if (customer == null || customer.defaulted) {
                continue;
            }
            LocalDate ninetyDays = LocalDate.parse(row[2]).plusDays(90);
            if (inWindow(ninetyDays)
                    && (row[4].isEmpty() || LocalDate.parse(row[4]).isAfter(ninetyDays))) {
                customer.defaulted = true;
            }
        }
        for (String[] row : rows(book.resolve("surveys.csv"), "customer_id,surveyed_on,satisfaction,nps")) {
            Customer customer = assigned.get(row[0]);
            if (customer != null && !row[2].isEmpty() && inWindow(LocalDate.parse(row[1]))) {
                customer.answers++;
                customer.answerSum += Integer.parseInt(row[2]);
            }
        }
    }

    /** Reads the experiment of the book in {@code book}, with the start and window from its generation.json. */
    static ExperimentBook read(Path book) throws IOException {
        String json = Files.readString(book.resolve("generation.json"));
        return new ExperimentBook(
                book, LocalDate.parse(jsonText(json, "start")), LocalDate.parse(jsonText(json, "window_end")));
    }

    /** The value of the first {@code "name": "text"} pair in {@code json}. */
    static String jsonText(String json, String name) {
        String key = "\"" + name + "\": \"";
        int from = json.indexOf(key);
        if (from < 0) {
            throw new AssertionError("no " + name + " in generation.json");
        }
        from += key.length();
        return json.substring(from, json.indexOf('"', from));
    }

    /** The value of {@code "name": number} in the section {@code outcome} of the realised effects. */
    static double jsonNumber(String json, String outcome, String name) {
        int section = json.indexOf("\"" + outcome + "\"", json.indexOf("\"realised\""));
        String key = "\"" + name + "\": ";
        int from = json.indexOf(key, section) + key.length();
        int to = from;
        while (to < json.length() && "-+.0123456789eE".indexOf(json.charAt(to)) >= 0) {
            to++;
        }
        return Double.parseDouble(json.substring(from, to));
    }

    private boolean inWindow(LocalDate date) {
        return date.isAfter(start) && !date.isAfter(windowEnd);
    }

    private static boolean allEndedBy(List<LoanRow> loans, LocalDate date) {
        Set<String> ended =
                new HashSet<>(List.of("repaid", "prepaid", "refinanced_elsewhere", "defaulted", "written_off"));
        for (LoanRow loan : loans) {
            if (loan.status.equals("cancelled")) {
                continue;
            }
            if (loan.start.isAfter(date) || !ended.contains(loan.status) || loan.statusDate.isAfter(date)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The rows of a generated file without quoted cells (all but customers.csv), split at commas; checks the header
     * when one is given.
     */
    private static List<String[]> rows(Path file, String header) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            if (header != null && !header.equals(first)) {
                throw new AssertionError(file.getFileName() + ": header " + first);
            }
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.indexOf('"') >= 0) {
                    throw new AssertionError(file.getFileName() + ": quoted cell in " + line);
                }
                rows.add(line.split(",", -1));
            }
        }
        return rows;
    }

    /** The assigned customers of one arm, optionally only those of one tier. */
    List<Customer> arm(boolean treated, String tier) {
        List<Customer> customers = new ArrayList<>();
        for (Customer customer : assigned.values()) {
            if (customer.treated == treated && (tier == null || customer.tier().equals(tier))) {
                customers.add(customer);
            }
        }
        return customers;
    }

    /** A rate in each arm and its ratio with a standard error on the log scale. */
    record RateRatio(long treatedEvents, long treated, long controlEvents, long control) {

        double treatedRate() {
            return (double) treatedEvents / treated;
        }

        double controlRate() {
            return (double) controlEvents / control;
        }

        double ratio() {
            return treatedRate() / controlRate();
        }

        /** Katz: sqrt(1/a - 1/n1 + 1/c - 1/n0). */
        double logStandardError() {
            return Math.sqrt(1.0 / treatedEvents - 1.0 / treated + 1.0 / controlEvents - 1.0 / control);
        }
    }

    RateRatio churn() {
        return rates(null, true);
    }

    RateRatio highDefault() {
        return rates("high", false);
    }

    private RateRatio rates(String tier, boolean churn) {
        long[] counts = new long[4];
        for (Customer customer : assigned.values()) {
            if (tier != null && !customer.tier().equals(tier)) {
                continue;
            }
            boolean event = churn ? customer.churned : customer.defaulted;
            int arm = customer.treated ? 0 : 2;
            counts[arm] += event ? 1 : 0;
            counts[arm + 1]++;
        }
        return new RateRatio(counts[0], counts[1], counts[2], counts[3]);
    }

    /**
     * Difference of the pooled mean answers (treatment - control) of medium-tier customers, with a standard error that
     * treats each customer's answers as a cluster (ratio estimator, linearised).
     */
    record MeanDifference(double treatedMean, long treatedAnswers, double controlMean, long controlAnswers, double se) {
        double difference() {
            return treatedMean - controlMean;
        }
    }

    MeanDifference mediumSatisfaction() {
        double[] treated = pooled(arm(true, "medium"));
        double[] control = pooled(arm(false, "medium"));
        return new MeanDifference(
                treated[0], (long) treated[1], control[0], (long) control[1], Math.sqrt(treated[2] + control[2]));
    }

    /** Mean, answers, variance of the mean. */
    private static double[] pooled(List<Customer> customers) {
        long answers = 0;
        long sum = 0;
        for (Customer customer : customers) {
            answers += customer.answers;
            sum += customer.answerSum;
        }
        double mean = (double) sum / answers;
        double squares = 0;
        for (Customer customer : customers) {
            double residual = customer.answerSum - mean * customer.answers;
            squares += residual * residual;
        }
        return new double[] {mean, answers, squares / ((double) answers * answers)};
    }
}
