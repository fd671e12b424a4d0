package io.fidelis.store.duckdb;

import io.fidelis.store.RunResult;
import io.fidelis.store.RunsSql;
import io.fidelis.store.sql.SqlRuns;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
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
            Cells cells = new Cells(vectors.toArray(FieldVector[]::new));
            try {
                for (int k = 0; k < part.size(); k++) {
                    List<SqlRuns.ColumnWriter> run = writers.get(k);
                    for (RunResult result : part.get(k)) {
                        cells.column = 0;
                        for (SqlRuns.ColumnWriter writer : run) {
                            writer.write(cells, result);
                        }
                        cells.row++;
                    }
                }
            } catch (SQLException e) {
                throw new IOException(e.getMessage(), e);
            }
            root.setRowCount(count);
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
        public void append(String value) {
            VarCharVector vector = (VarCharVector) vectors[column++];
            if (value == null) {
                vector.setNull(row);
            } else {
                vector.setSafe(row, value.getBytes(StandardCharsets.UTF_8));
            }
        }

        @Override
        public void appendNull() {
            vectors[column++].setNull(row);
        }

        /** Reused for every multi-valued cell: a run's reason cells hold some 400 bytes each. */
        private byte[] codes = new byte[1024];

        @Override
        public void appendCodes(List<? extends Enum<?>> values) {
            VarCharVector vector = (VarCharVector) vectors[column++];
            int length = RunsSql.joinedLength(values);
            if (codes.length < length) {
                codes = new byte[Math.max(length, 2 * codes.length)];
            }
            RunsSql.joinInto(values, codes);
            vector.setSafe(row, codes, 0, length);
        }
    }
}
