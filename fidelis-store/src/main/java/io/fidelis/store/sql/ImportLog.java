package io.fidelis.store.sql;

import io.fidelis.store.ImportLogEntry;
import io.fidelis.store.ImportResult;
import io.fidelis.store.ImportStatus;
import io.fidelis.store.SourceFile;
import io.fidelis.store.TableImport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The import log tables: one row per import, per file read (with its SHA-256) and per table. */
public final class ImportLog {

    /** The fingerprint of an empty book: the SHA-256 of nothing. */
    public static final String EMPTY_FINGERPRINT = "sha256:" + sha256Hex(new byte[0]);

    private ImportLog() {}

    public static void createTables(Statement sql) throws SQLException {
        sql.execute("CREATE TABLE IF NOT EXISTS import_log (import_id BIGINT NOT NULL, imported_at TIMESTAMP NOT NULL,"
                + " source VARCHAR NOT NULL, status VARCHAR NOT NULL, max_errors BIGINT NOT NULL,"
                + " rows_read BIGINT NOT NULL, rows_rejected BIGINT NOT NULL, rows_inserted BIGINT NOT NULL,"
                + " rows_updated BIGINT NOT NULL, rejects_file VARCHAR, fingerprint VARCHAR NOT NULL)");
        sql.execute("CREATE TABLE IF NOT EXISTS import_files (import_id BIGINT NOT NULL, table_name VARCHAR NOT NULL,"
                + " file VARCHAR NOT NULL, bytes BIGINT NOT NULL, sha256 VARCHAR NOT NULL, rows_read BIGINT NOT NULL,"
                + " encoding VARCHAR, delimiter VARCHAR)");
        sql.execute("CREATE TABLE IF NOT EXISTS import_tables (import_id BIGINT NOT NULL, table_name VARCHAR NOT NULL,"
                + " files INTEGER NOT NULL, rows_read BIGINT NOT NULL, rows_rejected BIGINT NOT NULL,"
                + " rows_accepted BIGINT NOT NULL, rows_inserted BIGINT NOT NULL, rows_updated BIGINT NOT NULL)");
    }

    static long nextId(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("SELECT COALESCE(MAX(import_id), 0) + 1 FROM import_log")) {
            row.next();
            return row.getLong(1);
        }
    }

    public static String latestFingerprint(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet row =
                        sql.executeQuery("SELECT fingerprint FROM import_log ORDER BY import_id DESC LIMIT 1")) {
            return row.next() ? row.getString(1) : EMPTY_FINGERPRINT;
        }
    }

    /** The imports attempted, oldest first. */
    public static List<ImportLogEntry> entries(Connection connection) throws SQLException {
        List<ImportLogEntry> entries = new ArrayList<>();
        try (Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery(
                        "SELECT import_id, imported_at, source, status, rows_read, rows_rejected, rows_inserted,"
                                + " rows_updated, fingerprint FROM import_log ORDER BY import_id")) {
            while (rows.next()) {
                entries.add(new ImportLogEntry(
                        rows.getLong(1),
                        rows.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        rows.getString(3),
                        ImportStatus.valueOf(rows.getString(4)),
                        rows.getLong(5),
                        rows.getLong(6),
                        rows.getLong(7),
                        rows.getLong(8),
                        rows.getString(9)));
            }
        }
        return entries;
    }

    /** One file as read and hashed. */
    record FileEntry(SourceFile file, String sha256, long rowsRead, String encoding, Character delimiter) {}

    /**
     * The fingerprint after an import that changed the book: the previous one chained with the content hashes of
     * the files read, by table, and the rows accepted per table (which depend on the allowance of errors).
     */
    static String chain(String previous, List<FileEntry> files, List<TableImport> tables) {
        StringBuilder text = new StringBuilder(previous).append('\n');
        for (FileEntry file : files) {
            text.append(file.file().table().code())
                    .append('\t')
                    .append(file.sha256())
                    .append('\n');
        }
        for (TableImport table : tables) {
            text.append(table.table().code())
                    .append('\t')
                    .append(table.accepted())
                    .append('\n');
        }
        return "sha256:" + sha256Hex(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    static void record(
            Connection connection,
            ImportResult result,
            String source,
            long maxErrors,
            Instant at,
            List<FileEntry> files)
            throws SQLException {
        try (PreparedStatement log =
                connection.prepareStatement("INSERT INTO import_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            log.setLong(1, result.importId());
            log.setObject(2, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
            log.setString(3, source);
            log.setString(4, result.status().name());
            log.setLong(5, maxErrors);
            log.setLong(6, result.rowsRead());
            log.setLong(7, result.rejectCount());
            log.setLong(
                    8, result.tables().stream().mapToLong(TableImport::inserted).sum());
            log.setLong(
                    9, result.tables().stream().mapToLong(TableImport::updated).sum());
            log.setString(10, result.rejectsFile().map(Object::toString).orElse(null));
            log.setString(11, result.fingerprint());
            log.executeUpdate();
        }
        try (PreparedStatement log =
                connection.prepareStatement("INSERT INTO import_files VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (FileEntry file : files) {
                log.setLong(1, result.importId());
                log.setString(2, file.file().table().code());
                log.setString(3, file.file().name());
                log.setLong(4, file.file().bytes());
                log.setString(5, file.sha256());
                log.setLong(6, file.rowsRead());
                log.setString(7, file.encoding());
                log.setString(
                        8, file.delimiter() == null ? null : file.delimiter().toString());
                log.addBatch();
            }
            log.executeBatch();
        }
        try (PreparedStatement log =
                connection.prepareStatement("INSERT INTO import_tables VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (TableImport table : result.tables()) {
                log.setLong(1, result.importId());
                log.setString(2, table.table().code());
                log.setInt(3, table.files());
                log.setLong(4, table.read());
                log.setLong(5, table.rejected());
                log.setLong(6, table.accepted());
                log.setLong(7, table.inserted());
                log.setLong(8, table.updated());
                log.addBatch();
            }
            log.executeBatch();
        }
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
