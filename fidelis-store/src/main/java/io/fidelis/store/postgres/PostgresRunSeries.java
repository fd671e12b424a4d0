package io.fidelis.store.postgres;

import io.fidelis.store.RunHeader;
import io.fidelis.store.RunProvenance;
import io.fidelis.store.RunSeries;
import io.fidelis.store.StoreException;
import io.fidelis.store.sql.SqlRuns;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.sql.DataSource;

/**
 * A series of runs in PostgreSQL: every run's rows stream into {@code run_results} through one COPY, and the headers
 * follow, all in one transaction.
 */
final class PostgresRunSeries implements RunSeries {

    private final DataSource pool;

    PostgresRunSeries(DataSource pool) {
        this.pool = pool;
    }

    @Override
    public List<RunHeader> save(List<RunProvenance> provenances, Iterator<List<Row>> rows) {
        if (provenances.isEmpty()) {
            throw new IllegalArgumentException("a series of runs needs at least one provenance");
        }
        int runs = provenances.size();
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<String> columns = SqlRuns.tableColumns(connection);
                List<List<SqlRuns.ColumnWriter>> writers = new ArrayList<>(runs);
                long[] runIds = new long[runs];
                for (int k = 0; k < runs; k++) {
                    runIds[k] = SqlRuns.nextRunId(connection);
                    List<SqlRuns.ColumnWriter> run = new ArrayList<>(columns.size());
                    for (String column : columns) {
                        run.add(SqlRuns.writer(column, runIds[k]));
                    }
                    writers.add(run);
                }
                long customers = 0;
                try (CopyRows copy = new CopyRows(connection, "run_results", String.join(", ", columns))) {
                    SqlRuns.Cells cells = PostgresRuns.cells(copy);
                    String previous = null;
                    while (rows.hasNext()) {
                        List<Row> customer = rows.next();
                        previous = SqlRuns.checkSeries(customer, provenances, previous);
                        for (int k = 0; k < runs; k++) {
                            for (SqlRuns.ColumnWriter writer : writers.get(k)) {
                                writer.write(cells, customer.get(k).result());
                            }
                            copy.endRow();
                        }
                        customers++;
                    }
                }
                List<RunHeader> headers = new ArrayList<>(runs);
                for (int k = 0; k < runs; k++) {
                    RunHeader header = new RunHeader(runIds[k], provenances.get(k), customers);
                    SqlRuns.insertHeader(connection, header);
                    headers.add(header);
                }
                connection.commit();
                return List.copyOf(headers);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot store the runs: " + e.getMessage(), e);
        }
    }
}
