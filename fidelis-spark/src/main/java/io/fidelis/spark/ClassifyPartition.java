package io.fidelis.spark;

import io.fidelis.core.classification.DatedClassifier;
import io.fidelis.core.domain.Table;
import io.fidelis.core.policy.Policy;
import io.fidelis.store.Reject;
import io.fidelis.store.csv.ContractRows;
import io.fidelis.store.policy.PolicyException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * Classifies the customers of one partition: its rows come sorted by customer (see {@link CustomerRows}), so the rows
 * of one customer are read one after the other into records by the contract's reader, assembled into the customer's
 * history and classified by the core's {@link DatedClassifier} under the job's policy and with the overrides in force,
 * one customer at a time.
 *
 * <p>The policy's text and the overrides travel in this function: Spark broadcasts a stage's functions once (its task
 * binary), always with Java serialization, whatever {@code spark.serializer} the cluster sets.
 */
final class ClassifyPartition implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final JobPolicy policy;
    private final LocalDate asOf;
    private final JobOverrides overrides;
    private final EnumMap<Table, ArrayList<String>> columns;
    private final String source;

    /**
     * @param overrides the manual overrides in force on {@code asOf}
     * @param columns the source columns of each table, in the order of its rows' cells
     * @param source what rejects name as their source, before the row's file name or table's name
     */
    ClassifyPartition(
            JobPolicy policy, LocalDate asOf, JobOverrides overrides, Map<Table, List<String>> columns, String source) {
        this.policy = policy;
        this.asOf = asOf;
        this.overrides = overrides;
        this.columns = new EnumMap<>(Table.class);
        columns.forEach((table, names) -> this.columns.put(table, new ArrayList<>(names)));
        this.source = source;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) throws Exception {
        DatedClassifier classifier = new DatedClassifier(parsed(policy), asOf, overrides.byCustomer());
        CustomerRecords records = new CustomerRecords();
        return new Customers(rows, new HashMap<>(), records, classifier);
    }

    private ContractRows bind(Table table, String rowSource, CustomerRecords records) {
        return Objects.requireNonNull(ContractRows.bind(table, columns.get(table), rowSource, records));
    }

    /** Policies parsed in this JVM, by content: an executor runs many partitions, and the policy is immutable. */
    private static final ConcurrentMap<String, Policy> POLICIES = new ConcurrentHashMap<>();

    private static Policy parsed(JobPolicy policy) throws PolicyException {
        Policy known = POLICIES.get(policy.sha256());
        if (known == null) {
            known = policy.policy();
            POLICIES.putIfAbsent(policy.sha256(), known);
        }
        return known;
    }

    /** The partition's customers, each read, assembled and classified when asked for. */
    private final class Customers implements Iterator<Row> {
        private final Iterator<Row> rows;
        /** A reader for each source (file or table) of the rows, bound when its first row comes. */
        private final Map<String, ContractRows> readers;

        private final CustomerRecords records;
        private final DatedClassifier classifier;
        private Row ahead;

        Customers(
                Iterator<Row> rows,
                Map<String, ContractRows> readers,
                CustomerRecords records,
                DatedClassifier classifier) {
            this.rows = rows;
            this.readers = readers;
            this.records = records;
            this.classifier = classifier;
            this.ahead = rows.hasNext() ? rows.next() : null;
        }

        @Override
        public boolean hasNext() {
            return ahead != null;
        }

        @Override
        public Row next() {
            if (ahead == null) {
                throw new NoSuchElementException();
            }
            String customerId = ahead.getString(CustomerRows.KEY);
            records.clear();
            while (ahead != null && Objects.equals(customerId, ahead.getString(CustomerRows.KEY))) {
                Table table = Table.values()[ahead.getInt(CustomerRows.TABLE)];
                String rowSource = source + ahead.getString(CustomerRows.SOURCE);
                long line = ahead.getLong(CustomerRows.LINE);
                if (!ahead.isNullAt(CustomerRows.REJECTS)) {
                    // broken in its structure or charset: the file reader rejected it already
                    for (Row r : ahead.<Row>getList(CustomerRows.REJECTS)) {
                        records.reject(new Reject(
                                r.getString(0),
                                r.getLong(1),
                                r.getString(2),
                                r.getString(3),
                                r.getString(4),
                                r.getString(5)));
                    }
                    ahead = rows.hasNext() ? rows.next() : null;
                    continue;
                }
                int before = records.rejects().size();
                String first = ahead.isNullAt(CustomerRows.FIRST) ? null : source + ahead.getString(CustomerRows.FIRST);
                records.at(rowSource, first);
                boolean read = readers.computeIfAbsent(rowSource, s -> bind(table, s, records))
                        .read(ahead.getList(CustomerRows.CELLS), line);
                if (!read && records.rejects().size() == before) {
                    throw new IllegalStateException("a row was neither read nor rejected");
                }
                ahead = rows.hasNext() ? rows.next() : null;
            }
            // an installment whose loan is not in loans comes without a customer, and is rejected as the import does
            records.checkReferences();
            if (!records.classifiable()) {
                return ResultRows.rejected(customerId, records.rejects());
            }
            try {
                return ResultRows.classified(classifier.classify(records.history()));
            } catch (RuntimeException e) {
                throw new IllegalStateException("classifying customer " + customerId + " failed: " + e, e);
            }
        }
    }
}
