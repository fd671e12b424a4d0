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
}
