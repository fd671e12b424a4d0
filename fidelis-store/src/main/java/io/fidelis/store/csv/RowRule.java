package io.fidelis.store.csv;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A rule between cells of one row, checked once every cell has been read on its own. Rules between rows
 * (uniqueness, references) belong to the importer.
 */
@FunctionalInterface
interface RowRule {

    /** The violation, or null when the row keeps the rule. Cells that were empty are null in {@code row}. */
    Violation check(Values row);

    /**
     * A broken row rule.
     *
     * @param column the column to point the lender at
     * @param rule the stable rule id
     * @param message what is wrong, naming the values
     */
    record Violation(String column, String rule, String message) {}

    /** {@code later} is not before {@code earlier} when both are given. */
    static RowRule notBefore(String later, String earlier, String rule, String why) {
        return row -> {
            LocalDate last = (LocalDate) row.get(later);
            LocalDate first = (LocalDate) row.get(earlier);
            if (last == null || first == null || !last.isBefore(first)) {
                return null;
            }
            return new Violation(later, rule, later + " " + last + " is before " + earlier + " " + first + ": " + why);
        };
    }

    /** At least one of the two columns has a value. */
    static RowRule atLeastOne(String first, String second, String rule) {
        return row -> row.get(first) != null || row.get(second) != null
                ? null
                : new Violation(first, rule, "expected at least one of " + first + " and " + second);
    }

    /** An amount above zero in {@code amount} needs a date in {@code date}. */
    static RowRule amountNeedsDate(String amount, String date, String rule) {
        return row -> {
            BigDecimal paid = (BigDecimal) row.get(amount);
            if (paid == null || paid.signum() == 0 || row.get(date) != null) {
                return null;
            }
            return new Violation(
                    date,
                    rule,
                    amount + " " + paid.toPlainString() + " was paid but " + date + " is empty: give the date of"
                            + " the (last) payment");
        };
    }
}
