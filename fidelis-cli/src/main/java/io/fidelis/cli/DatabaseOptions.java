package io.fidelis.cli;

import io.fidelis.store.DatabaseChoice;
import io.fidelis.store.Store;
import java.nio.file.Path;
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
        return choice().isServer();
    }

    /** Opens the chosen store; the workspace holds the rejects files either way. */
    Store open(Path workspace) {
        return choice().open(workspace);
    }

    private DatabaseChoice choice() {
        return DatabaseChoice.resolve(url, user, config);
    }
}
