package io.fidelis.store.sql;

import io.fidelis.core.domain.Coded;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import io.fidelis.store.RunClasses;
import io.fidelis.store.Runs;
import io.fidelis.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/** {@link RunClasses} of the runs in a store's database. */
public class SqlRunClasses implements RunClasses {

    private static final String SELECT_PLACED = "SELECT customer_id, tier, stage FROM run_results WHERE run_id = ?";

    private final Runs runs;
    private final Connections database;

    /** The classes of {@code runs}, kept in the database {@code database} connects to. */
    public SqlRunClasses(Runs runs, Connections database) {
        this.runs = runs;
        this.database = database;
    }

    @Override
    public void forEachPlaced(long runId, Consumer<Placed> consumer) {
        if (runs.run(runId).isEmpty()) {
            throw new NoSuchElementException("no run " + runId + " in the workspace");
        }
        try (Connection connection = database.open();
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
