package io.fidelis.store.duckdb;

import io.fidelis.store.sql.Histories;
import io.fidelis.store.sql.StoredTable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBResultSet;

/**
 * A DuckDB result read as Arrow record batches ({@link DuckDBResultSet#arrowExportStream}): the columns of a batch
 * are read in place, and a text column is decoded only where it differs from the previous row's. The leading {@code
 * repeated} columns are given only where they change (as {@link Histories.Query#windowed} does with a window in SQL),
 * and where one changes while those before it do not, its bytes must be greater than the previous row's (UTF-8 bytes
 * sort as code points): a result out of order fails instead of giving records to the wrong customer or loan.
 */
final class ArrowRows implements Histories.Rows {

    /** Reading a query's Arrow form as Arrow record batches, repeated ids recognised by their bytes. */
    static final Histories.Reading READING = new Histories.Reading() {
        @Override
        public String sql(Histories.Query query) {
            return query.arrow();
        }

        @Override
        public Histories.Rows rows(ResultSet result, Histories.Query query, String sql) throws SQLException {
            return new ArrowRows(result, query.repeated(), sql);
        }
    };

    /** Rows per Arrow batch. */
    private static final int BATCH_ROWS = 4096;

    private static final BufferAllocator ALLOCATOR = ArrowMemory.allocatorUnless("fidelis.histories.reading", "jdbc");

    private final ResultSet result;
    private final ArrowReader reader;
    private final VectorSchemaRoot root;
    private final String query;
    private final int repeated;
    /** The previous row's bytes of each repeated column, and their length. */
    private final byte[][] previous;

    private final int[] previousLength;
    private final boolean[] changed;
    private FieldVector[] vectors;
    private int rows;
    private int row = -1;
    private boolean lastNull;

    /** Whether this JVM can read Arrow (and the property {@code fidelis.histories.reading} is not {@code jdbc}). */
    static boolean available() {
        return ALLOCATOR != null;
    }

    ArrowRows(ResultSet result, int repeated, String query) throws SQLException {
        this.result = result;
        this.query = query;
        this.repeated = repeated;
        this.reader = (ArrowReader) ((DuckDBResultSet) result).arrowExportStream(ALLOCATOR, BATCH_ROWS);
        try {
            this.root = reader.getVectorSchemaRoot();
        } catch (java.io.IOException e) {
            throw new SQLException("cannot read the result as Arrow: " + e.getMessage(), e);
        }
        this.previous = new byte[repeated][];
        this.previousLength = new int[repeated];
        this.changed = new boolean[repeated];
        Arrays.fill(previousLength, -1);
    }

    @Override
    public boolean next() throws SQLException {
        row++;
        while (row >= rows) {
            try {
                if (!reader.loadNextBatch()) {
                    return false;
                }
            } catch (java.io.IOException e) {
                throw new SQLException("cannot read the result as Arrow: " + e.getMessage(), e);
            }
            rows = root.getRowCount();
            row = 0;
            vectors = root.getFieldVectors().toArray(FieldVector[]::new);
        }
        boolean earlierChanged = false;
        for (int c = 0; c < repeated; c++) {
            int order = compareWithPrevious(c);
            changed[c] = order != 0;
            if (order < 0 && !earlierChanged) {
                throw new IllegalStateException("the store returned rows out of their order: " + query);
            }
            earlierChanged |= changed[c];
        }
        return true;
    }

    /**
     * Compares column c's bytes (unsigned, NULL first) with the previous row's, and keeps them when they differ;
     * 0 when equal.
     */
    private int compareWithPrevious(int c) {
        VarCharVector vector = (VarCharVector) vectors[c];
        int length;
        long start;
        if (vector.isNull(row)) {
            length = -2;
            start = 0;
        } else {
            start = vector.getStartOffset(row);
            length = (int) (vector.getEndOffset(row) - start);
        }
        int before = previousLength[c];
        if (before == -1) {
            keep(c, vector, start, length);
            return 1;
        }
        if (length == -2 || before == -2) {
            if (length == before) {
                return 0;
            }
            keep(c, vector, start, length);
            return length == -2 ? -1 : 1;
        }
        ArrowBuf data = vector.getDataBuffer();
        byte[] bytes = previous[c];
        int common = Math.min(length, before);
        for (int i = 0; i < common; i++) {
            int x = data.getByte(start + i) & 0xff;
            int y = bytes[i] & 0xff;
            if (x != y) {
                keep(c, vector, start, length);
                return x < y ? -1 : 1;
            }
        }
        if (length == before) {
            return 0;
        }
        keep(c, vector, start, length);
        return length < before ? -1 : 1;
    }

    private void keep(int c, VarCharVector vector, long start, int length) {
        previousLength[c] = length;
        if (length > 0) {
            if (previous[c] == null || previous[c].length < length) {
                previous[c] = new byte[Math.max(length, 32)];
            }
            vector.getDataBuffer().getBytes(start, previous[c], 0, length);
        }
    }

    @Override
    public String getString(int column) {
        int c = column - 1;
        if (c < repeated) {
            lastNull = previousLength[c] == -2;
            if (!changed[c] || lastNull) {
                return null;
            }
            return new String(previous[c], 0, previousLength[c], StandardCharsets.UTF_8);
        }
        VarCharVector vector = (VarCharVector) vectors[c];
        lastNull = vector.isNull(row);
        if (lastNull) {
            return null;
        }
        long start = vector.getStartOffset(row);
        int length = (int) (vector.getEndOffset(row) - start);
        byte[] bytes = new byte[length];
        vector.getDataBuffer().getBytes(start, bytes, 0, length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public int getInt(int column) {
        IntVector vector = (IntVector) vectors[column - 1];
        lastNull = vector.isNull(row);
        return lastNull ? 0 : vector.get(row);
    }

    @Override
    public boolean getBoolean(int column) {
        BitVector vector = (BitVector) vectors[column - 1];
        lastNull = vector.isNull(row);
        return !lastNull && vector.get(row) != 0;
    }

    @Override
    public BigDecimal getBigDecimal(int column) {
        DecimalVector vector = (DecimalVector) vectors[column - 1];
        lastNull = vector.isNull(row);
        return lastNull ? null : vector.getObject(row);
    }

    @Override
    public BigDecimal amount(int column) {
        DecimalVector vector = (DecimalVector) vectors[column - 1];
        lastNull = vector.isNull(row);
        if (lastNull) {
            return null;
        }
        if (vector.getScale() != StoredTable.AMOUNT_SCALE || vector.getPrecision() > 18) {
            throw new IllegalStateException("the store holds amounts as DECIMAL(" + vector.getPrecision() + ","
                    + vector.getScale() + "), not with " + StoredTable.AMOUNT_SCALE + " decimals in 18 digits");
        }
        // a DECIMAL of 18 digits or fewer fits the low 8 bytes (little-endian) of the 16 Arrow keeps
        return Histories.amount(vector.getDataBuffer().getLong((long) row * DecimalVector.TYPE_WIDTH));
    }

    @Override
    public boolean wasNull() {
        return lastNull;
    }

    @Override
    public void close() throws SQLException {
        try (result) {
            reader.close();
        } catch (java.io.IOException e) {
            throw new SQLException("cannot close the Arrow reader: " + e.getMessage(), e);
        }
    }
}
