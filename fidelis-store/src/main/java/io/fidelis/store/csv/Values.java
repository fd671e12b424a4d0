package io.fidelis.store.csv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** The values read from one row, in the order of the table's contract columns; null where the cell was empty. */
final class Values {

    private final Object[] values;
    private final Map<String, Integer> positions;

    Values(int size, Map<String, Integer> positions) {
        this.values = new Object[size];
        this.positions = positions;
    }

    void set(int column, Object value) {
        values[column] = value;
    }

    Object at(int column) {
        return values[column];
    }

    /** The value of the column named {@code name}: for row rules, which read few columns. */
    Object get(String name) {
        return values[positions.get(name)];
    }

    String text(int column) {
        return (String) values[column];
    }

    LocalDate date(int column) {
        return (LocalDate) values[column];
    }

    BigDecimal decimal(int column) {
        return (BigDecimal) values[column];
    }

    Integer integer(int column) {
        return (Integer) values[column];
    }

    Boolean bool(int column) {
        return (Boolean) values[column];
    }

    @SuppressWarnings("unchecked")
    <E extends Enum<E>> E code(int column) {
        return (E) values[column];
    }
}
