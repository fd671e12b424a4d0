package io.fidelis.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Where the portable stores get a connection from; each use opens one and closes it. */
@FunctionalInterface
public interface Connections {

    /** A new connection, closed by the caller. */
    Connection open() throws SQLException;
}
