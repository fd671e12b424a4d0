package io.fidelis.store.postgres;

import io.fidelis.store.sql.Connections;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One read-only REPEATABLE READ transaction on one pooled connection, handed to every query of a history scan: all
 * of them see the book as it was when the scan began, whatever imports commit meanwhile, and their results stream
 * (the driver fetches rows in chunks inside a transaction), several open at once on the one connection.
 */
final class Snapshot implements Connections, AutoCloseable {

    private final Connection connection;
    private final Connection shared;

    Snapshot(DataSource pool) throws SQLException {
        this.connection = pool.getConnection();
        try {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        this.shared = (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("close")) {
                        return null; // the scan's queries close their connection; the snapshot closes it once
                    }
                    try {
                        return method.invoke(connection, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The snapshot's connection, which its users may close (it stays open until the snapshot closes). */
    @Override
    public Connection open() {
        return shared;
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}
