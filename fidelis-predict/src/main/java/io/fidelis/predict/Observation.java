package io.fidelis.predict;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One unit to score or learn from: its id, its feature values by name (a categorical level is a feature
 * {@code name=level} of value 1; a feature absent from the unit is 0) and whether the event (churn, default) happened.
 *
 * <p>The values are held by column of a list of names shared by many units ({@link Columns}), not in a map per unit:
 * a fit holds an observation for each of some 30 month-ends per customer, and boxed values in per-unit maps of some 60
 * names ran a 4 GB heap out on 20,000 customers. The churn features' units read their values straight from their
 * snapshot ({@link ChurnFeatures}), so they cost a few dozen bytes beside it.
 */
public final class Observation {

    /** The names of a family of units' columns, shared by all of them. */
    static final class Columns {
        private final String[] names;
        private final Map<String, Integer> index;

        Columns(List<String> names) {
            this.names = names.toArray(String[]::new);
            this.index = new HashMap<>();
            for (int j = 0; j < this.names.length; j++) {
                if (index.put(this.names[j], j) != null) {
                    throw new IllegalArgumentException("feature " + this.names[j] + " twice");
                }
            }
        }

        int width() {
            return names.length;
        }

        String name(int column) {
            return names[column];
        }

        /** The column of the name, or -1. */
        int indexOf(String name) {
            Integer column = index.get(name);
            return column == null ? -1 : column;
        }
    }

    /** A unit's values by column: a column it does not have is absent from its features (and reads 0). */
    interface Row {
        boolean has(int column);

        /** The value of a column the unit has. */
        double get(int column);
    }

    private record ValueRow(double[] values) implements Row {
        @Override
        public boolean has(int column) {
            return true;
        }

        @Override
        public double get(int column) {
            return values[column];
        }
    }

    private final String id;
    private final LocalDate asOf;
    private final Columns columns;
    private final Row row;
    private final boolean event;

    /**
     * @param id the customer or applicant
     * @param features feature values by name
     * @param event whether the event happened (false when unknown, for scoring)
     */
    public Observation(String id, Map<String, Double> features, boolean event) {
        this.id = Objects.requireNonNull(id, "id");
        this.asOf = null;
        TreeMap<String, Double> sorted = new TreeMap<>();
        features.forEach((name, value) ->
                sorted.put(Objects.requireNonNull(name, "feature name"), Objects.requireNonNull(value, name)));
        this.columns = new Columns(List.copyOf(sorted.keySet()));
        this.row = new ValueRow(
                sorted.values().stream().mapToDouble(Double::doubleValue).toArray());
        this.event = event;
    }

    /** A unit {@code customer@asOf} whose values are the row's, named by the shared columns. */
    Observation(String customer, LocalDate asOf, Columns columns, Row row, boolean event) {
        this.id = Objects.requireNonNull(customer, "customer");
        this.asOf = Objects.requireNonNull(asOf, "as-of date");
        this.columns = columns;
        this.row = row;
        this.event = event;
    }

    /** The customer or applicant (a customer's snapshot as {@code customer@month-end}). */
    public String id() {
        return asOf == null ? id : id + "@" + asOf;
    }

    /** Whether the event happened (false when unknown, for scoring). */
    public boolean event() {
        return event;
    }

    /** The unit's feature values by name (a new map: read it once, not per value). */
    public Map<String, Double> features() {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int j = 0; j < columns.width(); j++) {
            if (row.has(j)) {
                values.put(columns.name(j), row.get(j));
            }
        }
        return Collections.unmodifiableMap(values);
    }

    /** The names its values are by, shared by a family of units. */
    Columns columns() {
        return columns;
    }

    /** The value of the feature, 0 when the unit does not have it. */
    public double value(String feature) {
        int column = columns.indexOf(feature);
        return column >= 0 && row.has(column) ? row.get(column) : 0.0;
    }

    /** Every feature name some of the units have, sorted. */
    static TreeSet<String> names(List<Observation> units) {
        Map<Columns, boolean[]> seen = new IdentityHashMap<>();
        for (Observation unit : units) {
            boolean[] had = seen.computeIfAbsent(unit.columns, c -> new boolean[c.width()]);
            for (int j = 0; j < had.length; j++) {
                had[j] |= unit.row.has(j);
            }
        }
        TreeSet<String> names = new TreeSet<>();
        seen.forEach((columns, had) -> {
            for (int j = 0; j < had.length; j++) {
                if (had[j]) {
                    names.add(columns.name(j));
                }
            }
        });
        return names;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Observation that
                && event == that.event
                && id().equals(that.id())
                && features().equals(that.features());
    }

    @Override
    public int hashCode() {
        return Objects.hash(id(), features(), event);
    }

    @Override
    public String toString() {
        return "Observation[id=" + id() + ", features=" + features() + ", event=" + event + "]";
    }
}
