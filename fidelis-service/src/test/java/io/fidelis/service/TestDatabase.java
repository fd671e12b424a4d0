package io.fidelis.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The test PostgreSQL of FIDELIS_TEST_PG_URL, _USER and _PASSWORD, for the tests that run the service on it. */
final class TestDatabase {

    private TestDatabase() {}

    /** The server's JDBC URL, or null when none is set. */
    static String url() {
        String url = System.getenv("FIDELIS_TEST_PG_URL");
        return url == null || url.isBlank() ? null : url;
    }

    static String user() {
        return System.getenv("FIDELIS_TEST_PG_USER");
    }

    static String password() {
        return System.getenv("FIDELIS_TEST_PG_PASSWORD");
    }

    /** The URL whose connections work in {@code schema}. */
    static String schemaUrl(String schema) {
        return url() + (url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** A db.properties in {@code folder} for {@code fidelis serve --db-config}: {@code url}, owner-only, as a lender keeps it. */
    static Path config(Path folder, String url) throws IOException {
        Path config = folder.resolve("db.properties");
        Files.writeString(config, "");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(
                config,
                "db.url=" + url + "\ndb.user=" + user() + "\ndb.password=" + password() + "\n",
                StandardCharsets.UTF_8);
        return config;
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), password());
    }

    /** Runs {@code sql} (DDL, or a change behind the service's back). */
    static void run(String sql) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("the test database refused " + sql + ": " + e.getMessage(), e);
        }
    }

    /** The number {@code sql} (a COUNT) gives in {@code schema}. */
    static long count(String schema, String sql) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + schema);
            try (ResultSet row = statement.executeQuery(sql)) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
