package io.fidelis.store.duckdb;

import io.fidelis.core.domain.Coded;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import io.fidelis.store.RunClasses;
import io.fidelis.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import org.duckdb.DuckDBConnection;

/** {@link RunClasses} of the runs in the workspace's DuckDB database. */
public final class DuckDbRunClasses implements RunClasses {

    private static final String SELECT_PLACED = "SELECT customer_id, tier, stage FROM run_results WHERE run_id = ?";

    private final DuckDbRuns runs;
    private final DuckDBConnection database;

    private DuckDbRunClasses(DuckDbRuns runs, DuckDBConnection database) {
        this.runs = runs;
        this.database = database;
    }

    /** The classes of the runs kept in {@code book}'s database. */
    public static DuckDbRunClasses of(DuckDbBookStore book) {
        return new DuckDbRunClasses(DuckDbRuns.of(book), book.connection());
    }

    @Override
    public void forEachPlaced(long runId, Consumer<Placed> consumer) {
        if (runs.run(runId).isEmpty()) {
            throw new NoSuchElementException("no run " + runId + " in the workspace");
        }
        try (DuckDBConnection connection = database.duplicate();
                PreparedStatement sql = connection.prepareStatement(SELECT_PLACED)) {
            sql.setLong(1, runId);
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(new Placed(
                            rows.getString(1),
                            Coded.parse(Tier.class, rows.getString(2)),
                            Coded.parse(Stage.class, rows.getString(3))));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the classes of run " + runId + ": " + e.getMessage(), e);
        }
    }
}
