package io.fidelis.store;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Which store to open, as the command line and the service choose it: each setting from what was given (an option),
 * else the configuration file ({@code db.url}, {@code db.user}, {@code db.password}), else the environment ({@code
 * FIDELIS_DB}, {@code FIDELIS_DB_USER}, {@code FIDELIS_DB_PASSWORD}). The password is never given as an option.
 *
 * @param url a PostgreSQL JDBC URL, or null for the workspace's embedded database
 * @param user the database user, or null
 * @param password the password, or null
 */
public record DatabaseChoice(String url, String user, String password) {

    /**
     * Resolves the settings.
     *
     * @param url the URL given as an option, or null
     * @param user the user given as an option, or null
     * @param config the configuration file, or null
     * @throws StoreException when the configuration file cannot be read
     */
    public static DatabaseChoice resolve(String url, String user, Path config) {
        Properties configured = read(config);
        return new DatabaseChoice(
                setting(url, configured, "db.url", "FIDELIS_DB"),
                setting(user, configured, "db.user", "FIDELIS_DB_USER"),
                setting(null, configured, "db.password", "FIDELIS_DB_PASSWORD"));
    }

    /** Whether the store is a database server rather than the workspace's own. */
    public boolean isServer() {
        return Stores.isServer(url);
    }

    /** Opens the chosen store; the workspace holds the rejects files either way. */
    public Store open(Path workspace) {
        return Stores.open(workspace, url, user, password);
    }

    @Override
    public String toString() {
        return "DatabaseChoice[" + (isServer() ? url + ", user " + user : "the workspace's own") + "]";
    }

    private static String setting(String given, Properties configured, String key, String variable) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        String value = configured.getProperty(key);
        if (value != null && !value.isBlank()) {
            return value.strip();
        }
        String environment = System.getenv(variable);
        return environment == null || environment.isBlank() ? null : environment;
    }

    private static Properties read(Path config) {
        Properties properties = new Properties();
        if (config == null) {
            return properties;
        }
        try (Reader in = Files.newBufferedReader(config)) {
            properties.load(in);
        } catch (IOException e) {
            throw new StoreException(
                    "cannot read the database configuration " + config + ": " + e.getMessage()
                            + "; give a properties file with db.url, db.user and db.password",
                    e);
        }
        return properties;
    }
}
