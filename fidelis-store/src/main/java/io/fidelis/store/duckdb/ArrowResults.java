package io.fidelis.store.duckdb;

import io.fidelis.core.classification.ReasonCode;
import io.fidelis.core.features.FeatureId;
import io.fidelis.store.RunResult;
import io.fidelis.store.RunsSql;
import io.fidelis.store.sql.SqlRuns;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.duckdb.DuckDBConnection;

/**
 * Results written into {@code run_results} as Arrow record batches that one {@code INSERT ... SELECT} reads from a
 * queue (DuckDB's Arrow scan of a registered stream): the cells go into Arrow vectors in Java and DuckDB takes each
 * batch column by column, where its Appender takes every cell through a call of its own. Measured on 1,000,000 rows of
 * this table: 6.7 s of CPU instead of 8.1 s, of which 2.1 s filling the vectors. Each cell is what {@link
 * SqlRuns#writer} writes, as through the Appender.
 *
 * <p>Needs Arrow's access to direct buffers ({@code --add-opens=java.base/java.nio=ALL-UNNAMED}); without it, or
 * with the system property {@code fidelis.runs.writing=appender}, {@link #available()} is false and the Appender
 * writes.
 */
final class ArrowResults {

    private static final BufferAllocator ALLOCATOR = ArrowMemory.allocatorUnless("fidelis.runs.writing", "appender");

    private ArrowResults() {}

    /** Whether this JVM can write Arrow batches (and the property {@code fidelis.runs.writing} is not appender). */
    static boolean available() {
        return ALLOCATOR != null;
    }

    /**
     * Inserts into {@code run_results}, through {@code connection} in its transaction, every part taken from {@code
     * parts} until {@code end}: part k is the results of the run whose cells {@code writers.get(k)} writes, in the
     * table's column order (as {@link DuckDbRunSeries} hands them). Stops early, inserting what it has, once {@code
     * stopped} says so.
     */
    static void insert(
            DuckDBConnection connection,
            String name,
            List<List<SqlRuns.ColumnWriter>> writers,
            BlockingQueue<List<List<RunResult>>> parts,
            List<List<RunResult>> end,
            BooleanSupplier stopped)
            throws SQLException {
        List<Field> fields = new ArrayList<>();
        for (var column : SqlRuns.tableColumnTypes(connection).entrySet()) {
            fields.add(new Field(column.getKey(), FieldType.nullable(arrowType(column.getValue())), null));
        }
        try (Batches batches = new Batches(new Schema(fields), writers, parts, end, stopped);
                ArrowArrayStream stream = ArrowArrayStream.allocateNew(ALLOCATOR)) {
            Data.exportArrayStream(ALLOCATOR, batches, stream);
            connection.registerArrowStream(name, stream);
            try (Statement sql = connection.createStatement()) {
                // Keeping the insertion order makes DuckDB insert batch by batch and then merge the batches smaller
                // than a row group into row groups, copying every row a second time (a single-threaded stall of some
                // 4 s in a series of 3.6 million rows); readers order by customer id, so order is not needed here.
                // SESSION: only this writer's connection; the book is read in order on others meanwhile.
                sql.execute("SET SESSION preserve_insertion_order = false");
                sql.execute("INSERT INTO run_results SELECT * FROM " + name);
            }
            if (batches.failure != null) {
                throw new SQLException("cannot hand the results to DuckDB: " + batches.failure, batches.failure);
            }
        } catch (IOException e) {
            throw new SQLException("cannot hand the results to DuckDB: " + e.getMessage(), e);
        }
    }

    private static ArrowType arrowType(String sqlType) throws SQLException {
        return switch (sqlType.toUpperCase(Locale.ROOT)) {
            case "BIGINT" -> new ArrowType.Int(64, true);
            case "INTEGER" -> new ArrowType.Int(32, true);
            case "DOUBLE" -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case "BOOLEAN" -> ArrowType.Bool.INSTANCE;
            case "VARCHAR" -> ArrowType.Utf8.INSTANCE;
            default -> throw new SQLException("run_results has a column of type " + sqlType + ", not written here");
        };
    }

    /** The parts taken from the queue as record batches, one per part. */
    private static final class Batches extends ArrowReader {
        private final Schema schema;
        private final List<List<SqlRuns.ColumnWriter>> writers;
        private final BlockingQueue<List<List<RunResult>>> parts;
        private final List<List<RunResult>> end;
        private final BooleanSupplier stopped;
        private volatile Throwable failure;

        /** By column: the feature it holds ({@link SqlRuns#feature}), or null for the other columns. */
        private final FeatureId[] features;

        /** The feature columns' indexes, and the ordinals of their features. */
        private final int[] featureColumns;

        private final int[] featureOrdinals;

        Batches(
                Schema schema,
                List<List<SqlRuns.ColumnWriter>> writers,
                BlockingQueue<List<List<RunResult>>> parts,
                List<List<RunResult>> end,
                BooleanSupplier stopped) {
            super(ALLOCATOR);
            this.schema = schema;
            this.writers = writers;
            this.parts = parts;
            this.end = end;
            this.stopped = stopped;
            this.features = schema.getFields().stream()
                    .map(field -> field.getType() instanceof ArrowType.FloatingPoint
                            ? SqlRuns.feature(field.getName())
                            : null)
                    .toArray(FeatureId[]::new);
            this.featureColumns = IntStream.range(0, features.length)
                    .filter(c -> features[c] != null)
                    .toArray();
            this.featureOrdinals = Arrays.stream(featureColumns)
                    .map(c -> features[c].ordinal())
                    .toArray();
        }

        @Override
        public boolean loadNextBatch() throws IOException {
            try {
                List<List<RunResult>> part = next();
                if (part == null) {
                    return false;
                }
                fill(part);
                return true;
            } catch (RuntimeException | Error e) {
                // DuckDB reports a failed batch as an error of the INSERT; the cause is kept for the message
                failure = e;
                throw e;
            }
        }

        /** The next part with rows, or null at the end. */
        private List<List<RunResult>> next() throws IOException {
            while (true) {
                List<List<RunResult>> part;
                try {
                    part = parts.poll(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while storing the runs");
                }
                if (part == end || (part == null && stopped.getAsBoolean())) {
                    return null;
                }
                if (part != null && part.stream().anyMatch(run -> !run.isEmpty())) {
                    return part;
                }
            }
        }

        private void fill(List<List<RunResult>> part) throws IOException {
            VectorSchemaRoot root = getVectorSchemaRoot();
            int count = 0;
            for (List<RunResult> run : part) {
                count += run.size();
            }
            List<FieldVector> vectors = root.getFieldVectors();
            for (FieldVector vector : vectors) {
                vector.clear();
                vector.setInitialCapacity(count);
                vector.allocateNew();
            }
            FieldVector[] columns = vectors.toArray(FieldVector[]::new);
            Cells cells = new Cells(columns);
            try {
                int first = 0;
                for (int k = 0; k < part.size(); k++) {
                    List<RunResult> results = part.get(k);
                    List<SqlRuns.ColumnWriter> run = writers.get(k);
                    // the feature columns (41 of 60) row by row from each result's values, without a call through
                    // the column's writer per cell; the others column by column through their writers
                    fillFeatures(columns, results, first);
                    for (int c = 0; c < columns.length; c++) {
                        if (features[c] != null) {
                            continue;
                        }
                        SqlRuns.ColumnWriter writer = run.get(c);
                        for (int i = 0; i < results.size(); i++) {
                            cells.row = first + i;
                            cells.column = c;
                            writer.write(cells, results.get(i));
                        }
                    }
                    first += results.size();
                }
            } catch (SQLException e) {
                throw new IOException(e.getMessage(), e);
            }
            root.setRowCount(count);
        }

        /** The feature columns from row {@code first} on: the value where present, else NULL (as allocated). */
        private void fillFeatures(FieldVector[] columns, List<RunResult> results, int first) {
            Float8Vector[] vectors = new Float8Vector[featureColumns.length];
            for (int f = 0; f < vectors.length; f++) {
                vectors[f] = (Float8Vector) columns[featureColumns[f]];
            }
            for (int i = 0; i < results.size(); i++) {
                RunResult result = results.get(i);
                long present = result.featuresPresent();
                for (int f = 0; f < vectors.length; f++) {
                    int ordinal = featureOrdinals[f];
                    if ((present & (1L << ordinal)) != 0) {
                        vectors[f].set(first + i, result.featureValueAt(ordinal));
                    }
                }
            }
        }

        @Override
        public long bytesRead() {
            return 0;
        }

        @Override
        protected void closeReadSource() {}

        @Override
        protected Schema readSchema() {
            return schema;
        }
    }

    /** The cells of one row of a batch, column after column. */
    private static final class Cells implements SqlRuns.Cells {
        private final FieldVector[] vectors;
        int row;
        int column;

        Cells(FieldVector[] vectors) {
            this.vectors = vectors;
        }

        @Override
        public void append(long value) {
            ((BigIntVector) vectors[column++]).setSafe(row, value);
        }

        @Override
        public void append(int value) {
            ((IntVector) vectors[column++]).setSafe(row, value);
        }

        @Override
        public void append(double value) {
            ((Float8Vector) vectors[column++]).setSafe(row, value);
        }

        @Override
        public void append(boolean value) {
            ((BitVector) vectors[column++]).setSafe(row, value ? 1 : 0);
        }

        @Override
        @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): exact for ASCII, checked first
        public void append(String value) {
            VarCharVector vector = (VarCharVector) vectors[column++];
            if (value == null) {
                vector.setNull(row);
                return;
            }
            // customer ids, one per stored row: without a new array per cell when the id is ASCII, as ids mostly are
            int length = value.length();
            if (length <= codes.length && isAscii(value)) {
                value.getBytes(0, length, codes, 0);
                vector.setSafe(row, codes, 0, length);
            } else {
                vector.setSafe(row, value.getBytes(StandardCharsets.UTF_8));
            }
        }

        private static boolean isAscii(String value) {
            for (int i = 0; i < value.length(); i++) {
                if (value.charAt(i) >= 0x80) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void appendCode(Enum<?> value) {
            byte[] code = RunsSql.codeBytes(value);
            ((VarCharVector) vectors[column++]).setSafe(row, code, 0, code.length);
        }

        @Override
        public void appendReasons(List<ReasonCode> reasons) {
            VarCharVector vector = (VarCharVector) vectors[column++];
            grow(RunsSql.reasonsCapacity(reasons.size()));
            int length = RunsSql.joinReasonsInto(reasons, codes);
            vector.setSafe(row, codes, 0, length);
        }

        @Override
        public void appendNull() {
            vectors[column++].setNull(row);
        }

        /** Reused for every cell made of bytes: ids, codes and multi-valued cells. */
        private byte[] codes = new byte[1024];

        private void grow(int length) {
            if (codes.length < length) {
                codes = new byte[Math.max(length, 2 * codes.length)];
            }
        }

        @Override
        public void appendCodes(List<? extends Enum<?>> values) {
            VarCharVector vector = (VarCharVector) vectors[column++];
            int length = RunsSql.joinedLength(values);
            grow(length);
            RunsSql.joinInto(values, codes);
            vector.setSafe(row, codes, 0, length);
        }
    }
}
