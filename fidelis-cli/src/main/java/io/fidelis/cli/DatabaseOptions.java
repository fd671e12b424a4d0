package io.fidelis.cli;

import io.fidelis.store.Store;
import io.fidelis.store.StoreException;
import io.fidelis.store.Stores;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * The options that choose the store: the workspace's embedded database (the default), or a PostgreSQL database. Each
 * setting is taken from the command line, else the configuration file, else the environment; the password never
 * from the command line.
 */
final class DatabaseOptions {

    @Option(
            names = "--db",
            paramLabel = "URL",
            description = "a PostgreSQL database to use instead of the workspace's own:"
                    + " jdbc:postgresql://host:port/database (else db.url of --db-config, else $FIDELIS_DB)")
    String url;

    @Option(
            names = "--db-user",
            paramLabel = "USER",
            description = "the PostgreSQL user (else db.user of --db-config, else $FIDELIS_DB_USER);"
                    + " the password is db.password of --db-config, else $FIDELIS_DB_PASSWORD")
    String user;

    @Option(
            names = "--db-config",
            paramLabel = "FILE",
            description = "a properties file with db.url, db.user and db.password (readable by you only)")
    Path config;

    /** Whether the store is a database server rather than the workspace's own. */
    boolean isServer() {
        return Stores.isServer(setting(url, "db.url", "FIDELIS_DB"));
    }

    /** Opens the chosen store; the workspace holds the rejects files either way. */
    Store open(Path workspace) {
        return Stores.open(
                workspace,
                setting(url, "db.url", "FIDELIS_DB"),
                setting(user, "db.user", "FIDELIS_DB_USER"),
                setting(null, "db.password", "FIDELIS_DB_PASSWORD"));
    }

    private String setting(String given, String key, String variable) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        String configured = configured().getProperty(key);
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        String environment = System.getenv(variable);
        return environment == null || environment.isBlank() ? null : environment;
    }

    private Properties configured() {
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
