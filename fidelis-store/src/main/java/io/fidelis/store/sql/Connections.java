package io.fidelis.store.sql;

import java.sql.Connection;
import java.sql.SQLException;

/** Where a store's shared code gets a connection of its own for one task; the caller closes it. */
@FunctionalInterface
public interface Connections {

    /** A new connection (or one from a pool), in auto-commit mode. */
    Connection open() throws SQLException;
}
