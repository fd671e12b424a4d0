package io.fidelis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing the store on the command line: what a user is told when the database cannot be used. */
class DatabaseOptionsTest {

    @TempDir
    Path temp;

    @Test
    void aDatabaseThatIsNotPostgresIsRefusedWithTheFormToWrite() {
        Cli.Result result = Cli.run("classify", "--as-of", Cli.AS_OF, "--db", "jdbc:mysql://db/fidelis");

        assertThat(result.exit()).isEqualTo(Main.DATA_ERRORS);
        assertThat(result.err())
                .contains("'jdbc:mysql://db/fidelis' is not a PostgreSQL JDBC URL")
                .contains("jdbc:postgresql://host:port/database")
                .doesNotContain("\tat ");
    }

    @Test
    void anUnreachableDatabaseIsReportedWithoutItsPasswordOrAStackTrace() throws IOException {
        Path config = temp.resolve("db.properties");
        Files.writeString(config, "db.url=jdbc:postgresql://127.0.0.1:1/fidelis?password=hunter2\ndb.user=fidelis\n");

        Path book = Files.createDirectories(temp.resolve("book"));
        Files.writeString(book.resolve("customers.csv"), "customer_id\nC1\n");

        Cli.Result result =
                Cli.run("import", book.toString(), "--db-config", config.toString(), "--workspace", temp.toString());

        assertThat(result.exit()).as(result.err()).isEqualTo(Main.DATA_ERRORS);
        assertThat(result.err())
                .contains("cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/fidelis:")
                .contains("FIDELIS_DB_PASSWORD")
                .doesNotContain("hunter2")
                .doesNotContain("\tat ");
    }
}
