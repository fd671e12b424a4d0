package io.fidelis.core.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How customers moved between classes (loyalty tiers or lifecycle stages) from one date to another: rows are the
 * class at the first date, columns the class at the second. A customer known at only one date is counted in the
 * {@link #ABSENT} row (new since the first date) or column (gone by the second date), so the counts add up to every
 * customer known at either date. Labels are in a stable order: the classes in the order given, then any other class
 * found in the data in natural order, then {@link #ABSENT}; rows and columns share them. Immutable.
 */
public final class MigrationMatrix {

    /** The label of the row and column for customers missing at one of the two dates. */
    public static final String ABSENT = "absent";

    private final LocalDate fromDate;
    private final LocalDate toDate;
    private final List<String> labels;
    private final Map<String, Integer> index;
    private final long[][] counts;

    private MigrationMatrix(LocalDate fromDate, LocalDate toDate, List<String> labels, long[][] counts) {
        this.fromDate = fromDate;
        this.toDate = toDate;
        this.labels = List.copyOf(labels);
        this.counts = counts;
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            positions.put(labels.get(i), i);
        }
        this.index = Map.copyOf(positions);
    }

    /**
     * Counts the moves from {@code classAtFrom} (customer id to class at {@code fromDate}) to {@code classAtTo}.
     *
     * @param order the classes in display order, e.g. {@code high, medium, low}; listed even when empty
     */
    public static MigrationMatrix between(
            LocalDate fromDate,
            Map<String, String> classAtFrom,
            LocalDate toDate,
            Map<String, String> classAtTo,
            List<String> order) {
        Objects.requireNonNull(fromDate, "from date");
        Objects.requireNonNull(toDate, "to date");
        if (toDate.isBefore(fromDate)) {
            throw new IllegalArgumentException("migration from " + fromDate + " to the earlier date " + toDate);
        }
        Set<String> given = new LinkedHashSet<>(order);
        if (given.size() != order.size()) {
            throw new IllegalArgumentException("class order " + order + " names a class twice");
        }
        Set<String> found = new TreeSet<>();
        found.addAll(classAtFrom.values());
        found.addAll(classAtTo.values());
        found.removeAll(given);
        List<String> labels = new ArrayList<>(given);
        labels.addAll(found);
        if (labels.contains(ABSENT) || labels.contains(null)) {
            throw new IllegalArgumentException(
                    "a class may not be null or named '" + ABSENT + "', which marks customers missing at a date");
        }
        labels.add(ABSENT);
        MigrationMatrix matrix = new MigrationMatrix(fromDate, toDate, labels, new long[labels.size()][labels.size()]);
        classAtFrom.forEach((customer, from) -> matrix.add(from, classAtTo.getOrDefault(customer, ABSENT)));
        classAtTo.forEach((customer, to) -> {
            if (!classAtFrom.containsKey(customer)) {
                matrix.add(ABSENT, to);
            }
        });
        return matrix;
    }

    /** As {@link #between(LocalDate, Map, LocalDate, Map, List)} with the classes in natural order. */
    public static MigrationMatrix between(
            LocalDate fromDate, Map<String, String> classAtFrom, LocalDate toDate, Map<String, String> classAtTo) {
        return between(fromDate, classAtFrom, toDate, classAtTo, List.of());
    }

    private void add(String from, String to) {
        counts[index.get(from)][index.get(to)]++;
    }

    public LocalDate fromDate() {
        return fromDate;
    }

    public LocalDate toDate() {
        return toDate;
    }

    /** Row and column labels in order, {@link #ABSENT} last. */
    public List<String> labels() {
        return labels;
    }

    /** Customers in {@code from} at the first date and in {@code to} at the second. */
    public long count(String from, String to) {
        return counts[position(from)][position(to)];
    }

    /** Customers in {@code from} at the first date ({@link #ABSENT}: new since then). */
    public long rowTotal(String from) {
        long total = 0;
        for (long count : counts[position(from)]) {
            total += count;
        }
        return total;
    }

    /** Customers in {@code to} at the second date ({@link #ABSENT}: gone by then). */
    public long columnTotal(String to) {
        int column = position(to);
        long total = 0;
        for (long[] row : counts) {
            total += row[column];
        }
        return total;
    }

    /** Customers known at either date. */
    public long total() {
        long total = 0;
        for (long[] row : counts) {
            for (long count : row) {
                total += count;
            }
        }
        return total;
    }

    /**
     * Share of the customers in {@code from} at the first date who are in {@code to} at the second (0..1); a row's
     * shares add up to 1. Not a number for a row without customers, where a share means nothing.
     */
    public double rowShare(String from, String to) {
        long total = rowTotal(from);
        return total == 0 ? Double.NaN : (double) count(from, to) / total;
    }

    private int position(String label) {
        Integer position = index.get(label);
        if (position == null) {
            throw new IllegalArgumentException("'" + label + "' is not one of the classes " + labels);
        }
        return position;
    }

    @Override
    public String toString() {
        return "MigrationMatrix[" + fromDate + " to " + toDate + ", " + labels + ", " + total() + " customers]";
    }
}
