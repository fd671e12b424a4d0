package io.fidelis.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.store.StoreException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The options of {@code fidelis serve} in Spring's terms, and a store that cannot be opened told without a trace. */
class ServeOptionsTest {

    @Test
    void theDatabaseOptionsAreTheCommandLinesNames() {
        assertThat(FidelisService.springArguments(new String[] {
                    "serve",
                    "--port",
                    "8081",
                    "--db",
                    "jdbc:postgresql://db:5432/fidelis",
                    "--db-user=fidelis",
                    "--db-config",
                    "/etc/fidelis/db.properties",
                    "--fidelis.histories=memory"
                }))
                .containsExactly(
                        "--server.port=8081",
                        "--fidelis.db.url=jdbc:postgresql://db:5432/fidelis",
                        "--fidelis.db.user=fidelis",
                        "--fidelis.db.config=/etc/fidelis/db.properties",
                        "--fidelis.histories=memory");
    }

    @Test
    void aStoreThatCannotBeOpenedSaysWhatToCheck() {
        StoreException cause = new StoreException("cannot connect to PostgreSQL at jdbc:postgresql://db/x", null);
        FailureAnalysis analysis =
                new StoreFailureAnalyzer().analyze(new IllegalStateException("bean creation", cause));

        assertThat(analysis.getDescription()).contains("cannot connect to PostgreSQL at jdbc:postgresql://db/x");
        assertThat(analysis.getAction()).contains("--db-user", "FIDELIS_DB_PASSWORD");
    }
}
