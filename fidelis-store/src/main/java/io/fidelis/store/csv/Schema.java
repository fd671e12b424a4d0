package io.fidelis.store.csv;

import io.fidelis.core.domain.Table;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A table of the contract as the reader sees it: its columns, the record a good row becomes, and its row rules. */
final class Schema {

    private final Table table;
    private final List<Column> columns;
    private final Function<Values, Record> factory;
    private final List<RowRule> rules;
    private final Map<String, Integer> positions = new HashMap<>();

    Schema(Table table, List<Column> columns, Function<Values, Record> factory, List<RowRule> rules) {
        this.table = table;
        this.columns = List.copyOf(columns);
        this.factory = factory;
        this.rules = List.copyOf(rules);
        for (int i = 0; i < columns.size(); i++) {
            positions.put(columns.get(i).name(), i);
        }
    }

    Table table() {
        return table;
    }

    List<Column> columns() {
        return columns;
    }

    List<RowRule> rules() {
        return rules;
    }

    /** Position of the column named {@code name} (lower case), or -1 when the contract has no such column. */
    int position(String name) {
        Integer position = positions.get(name);
        return position == null ? -1 : position;
    }

    Values newValues() {
        return new Values(columns.size(), positions);
    }

    /** The core's record of a row whose cells were all read. */
    Record create(Values values) {
        return factory.apply(values);
    }

    /** Where a broken row's rejects go: the column and the value as the user wrote it, when there is one. */
    @FunctionalInterface
    interface Rejects {
        void reject(String column, String value, String rule, String message);
    }

    /**
     * The record of a row whose cells were all read, once the table's row rules hold; null after rejecting the row,
     * one reject per broken rule (the value shown as {@code shown} gives the column's), or one when the core's own
     * invariants refuse it (a safety net behind the rules).
     */
    Record checkedRecord(Values values, Function<String, String> shown, Rejects rejects) {
        boolean broken = false;
        for (RowRule rule : rules()) {
            RowRule.Violation violation = rule.check(values);
            if (violation != null) {
                rejects.reject(
                        violation.column(), shown.apply(violation.column()), violation.rule(), violation.message());
                broken = true;
            }
        }
        if (broken) {
            return null;
        }
        try {
            return create(values);
        } catch (IllegalArgumentException e) {
            rejects.reject(null, null, RuleIds.RECORD_INVALID, e.getMessage());
            return null;
        }
    }
}
