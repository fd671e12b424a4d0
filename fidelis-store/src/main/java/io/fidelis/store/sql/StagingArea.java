package io.fidelis.store.sql;

import io.fidelis.store.ImportListener;
import io.fidelis.store.SourceFile;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Where an import stages its rows before the cross-row rules: the store-specific half of {@link ImportRun}. The
 * staging tables hold every good row with its arrival number ({@code seq}: the file's place in the import times
 * {@link #FILE_STRIDE}, then the row's place in the file, so rows sort in reading order whichever thread read them)
 * and source file and line; {@code stg_rejects} holds every reject. They are made anew at each import and dropped
 * after it.
 */
public abstract class StagingArea {

    /** Rows of one file fit below this; a file's seq numbers start at its index times this. */
    public static final long FILE_STRIDE = 1L << 40;

    /** The rejects' table, without its qualifier. */
    public static final String REJECTS_TABLE = "stg_rejects";

    private static final int MAX_WARNINGS = 100;

    private final String qualifier;
    private final List<String> warnings = new ArrayList<>();

    /** @param qualifier what precedes a staging table's name, e.g. {@code pg_temp.} */
    protected StagingArea(String qualifier) {
        this.qualifier = qualifier;
    }

    /** A staging table's qualified name. */
    public final String table(String name) {
        return qualifier + name;
    }

    /** The staging table of {@code table}, qualified. */
    public final String of(StoredTable table) {
        return table(table.stagingTable());
    }

    /** The rejects' table, qualified. */
    public final String rejects() {
        return table(REJECTS_TABLE);
    }

    /** Drops what an earlier (perhaps interrupted) import left and creates empty staging tables. */
    public abstract void create(Connection connection) throws SQLException;

    /** Drops the staging tables. */
    public abstract void drop(Connection connection) throws SQLException;

    /** How many files may be staged at once, each on its own connection. */
    public abstract int threads();

    /**
     * The connection a staging thread uses: {@code importConnection} itself when {@link #threads()} is 1, else a new
     * one the caller closes.
     */
    public abstract Connection connectionForThread(Connection importConnection) throws SQLException;

    /**
     * A sink for the rows of the {@code index}-th file of the import, writing through {@code connection};
     * {@code linesRead} hears the line reached now and then. Close it to write what it staged.
     */
    public abstract StagingSink sinkFor(Connection connection, SourceFile file, int index, LongConsumer linesRead)
            throws SQLException;

    /**
     * Called once the files are staged (before the cross-row rules) and again once those have run (before the merge):
     * where a store tells its planner what the staging tables now hold.
     */
    public void staged(Connection connection) throws SQLException {}

    /**
     * Called inside the import's transaction once its rows are written to the book (not when it rolls back): where a
     * store tidies the book, telling {@code listener} of any step that takes time.
     */
    public void merged(Connection connection, ImportListener listener) throws SQLException {}

    /**
     * Whether the import writes each table's rows in the order histories read them ({@link StoredTable#historyOrder}):
     * where the store finds a customer's rows by where they lie (DuckDB's zone maps) rather than by an index.
     */
    public boolean writesInHistoryOrder() {
        return true;
    }

    /** The DDL of every staging table, text columns followed by {@code collate}. */
    protected final List<String> createTables(String collate) {
        List<String> ddl = new ArrayList<>();
        for (StoredTable table : StoredTable.values()) {
            ddl.add(table.createStaging(of(table), collate));
        }
        ddl.add("CREATE TABLE " + rejects() + " (seq BIGINT, table_ord INTEGER NOT NULL, file VARCHAR" + collate
                + " NOT NULL, line BIGINT NOT NULL, col VARCHAR" + collate + ", value VARCHAR" + collate
                + ", rule VARCHAR NOT NULL, message VARCHAR NOT NULL, arrival BIGINT)");
        return ddl;
    }

    synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Keeps a warning for the import's result (the first hundred). */
    public synchronized void warn(String warning) {
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(warning);
        }
    }
}
