package io.fidelis.store.postgres;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Rows sent to PostgreSQL with {@code COPY ... FROM STDIN (FORMAT csv)}: every text cell quoted (so an empty string
 * stays one), NULL as an unquoted empty cell. One COPY at a time per connection.
 */
final class CopyRows implements AutoCloseable {

    private static final int BUFFER = 1 << 16;

    private final PGCopyOutputStream copy;
    private final Writer out;
    private boolean first = true;

    /** Starts {@code COPY table (columns) FROM STDIN}. */
    CopyRows(Connection connection, String table, String columns) throws SQLException {
        this.copy = new PGCopyOutputStream(
                connection.unwrap(PGConnection.class),
                "COPY " + table + " (" + columns + ") FROM STDIN (FORMAT csv)",
                BUFFER);
        this.out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), BUFFER);
    }

    /** A cell as it is written (a number, a date, a boolean); null for NULL. */
    void plain(Object value) throws SQLException {
        separate();
        if (value != null) {
            write(value.toString());
        }
    }

    /** A text cell; null for NULL. */
    void text(String value) throws SQLException {
        separate();
        if (value != null) {
            StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"') {
                    quoted.append('"');
                }
                quoted.append(c);
            }
            write(quoted.append('"').toString());
        }
    }

    /** Ends the row. */
    void endRow() throws SQLException {
        write("\n");
        first = true;
    }

    /** Ends the COPY: the rows are in the table (in the connection's transaction). */
    @Override
    public void close() throws SQLException {
        try {
            out.close();
        } catch (IOException e) {
            throw new SQLException("COPY failed: " + e.getMessage(), e);
        }
    }

    private void separate() throws SQLException {
        if (!first) {
            write(",");
        }
        first = false;
    }

    private void write(String text) throws SQLException {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new SQLException("COPY failed: " + e.getMessage(), e);
        }
    }
}
