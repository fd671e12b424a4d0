package io.fidelis.service;

import static io.fidelis.service.TestDatabase.password;
import static io.fidelis.service.TestDatabase.run;
import static io.fidelis.service.TestDatabase.schemaUrl;
import static io.fidelis.service.TestDatabase.url;
import static io.fidelis.service.TestDatabase.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.store.Store;
import io.fidelis.store.StoredUser;
import io.fidelis.store.Stores;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Two services on one PostgreSQL store, as behind a load balancer (two Spring contexts on their own ports and
 * workspace folders, one schema): a dashboard session begun on one works on the other and ends on both, at once;
 * wrong passwords count on both; and a name of nobody is answered as a user's, try by try. Neither service looks for
 * changes in the store ({@code fidelis.store-refresh-ms=0}): what they share, they share through the store itself.
 * Skipped without a test database, failed under {@code CI=true}.
 */
@ExtendWith(PostgresServiceTest.RequiresTestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedSessionsTest {

    private static final AtomicInteger unique = new AtomicInteger();

    private String schema;
    private Path root;
    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;
    private int portA;
    private int portB;

    @BeforeAll
    void startTwoServices() throws Exception {
        root = Files.createTempDirectory("fidelis-shared-sessions");
        schema = "fidelis_shared_" + ProcessHandle.current().pid();
        run("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        run("CREATE SCHEMA " + schema);
        String url = schemaUrl(schema);
        try (Store store = Stores.open(root.resolve("setup"), url, user(), password())) {
            String hash =
                    PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(TestWorkspace.PASSWORD);
            store.serviceStores().users().add(new StoredUser("adam", "admin", hash, Instant.now()));
        }
        TestDatabase.config(root, url);
        a = service("a", "--fidelis.sessions.cleanup-cron=* * * * * *");
        b = service("b");
        portA = a.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        portB = b.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private ConfigurableApplicationContext service(String name, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--fidelis.workspace=" + root.resolve(name),
                "--fidelis.db.config=" + root.resolve("db.properties"),
                "--fidelis.store-refresh-ms=0"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(FidelisService.class).run(args.toArray(String[]::new));
    }

    @AfterAll
    void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        if (schema != null) {
            run("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void aSessionBegunOnOneServiceWorksOnTheOtherAndSigningOutThereEndsItOnBoth() throws SQLException {
        String user = newUser();
        String token = signIn(portA, user);
        assertThat(count("SELECT COUNT(*) FROM service_sessions WHERE principal_name = '" + user + "'"))
                .isEqualTo(1);
        String secret = token.substring(token.indexOf('.') + 1);
        assertThat(count("SELECT COUNT(*) FROM service_sessions_attributes WHERE position(convert_to('" + secret
                        + "', 'UTF8') in attribute_bytes) > 0"))
                .as("the token's secret is not kept, only its hash")
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM service_sessions_attributes WHERE position(convert_to('"
                        + Accounts.sha256(secret).substring(7) + "', 'UTF8') in attribute_bytes) > 0"))
                .isEqualTo(1);

        assertThat(bearer(portB, token, "GET", "/api/me").body()).contains("\"user\":\"" + user + "\"");
        assertThat(bearer(portB, token, "POST", "/api/session/end").statusCode())
                .isEqualTo(200);

        assertThat(bearer(portA, token, "GET", "/api/me").statusCode()).isEqualTo(401);
        assertThat(bearer(portB, token, "GET", "/api/me").statusCode()).isEqualTo(401);
        assertThat(count("SELECT COUNT(*) FROM service_sessions WHERE principal_name = '" + user + "'"))
                .isZero();
    }

    @Test
    void expiredSessionsAreDeletedFromTheStore() throws Exception {
        String user = newUser();
        String token = signIn(portB, user);
        run("UPDATE " + schema + ".service_sessions SET expiry_time = 0 WHERE principal_name = '" + user + "'");

        // service a deletes expired sessions every second here (every minute by default)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (count("SELECT COUNT(*) FROM service_sessions WHERE principal_name = '" + user + "'") > 0) {
            assertThat(System.nanoTime())
                    .as("the expired session is still there")
                    .isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(100);
        }
        assertThat(count("SELECT COUNT(*) FROM service_sessions_attributes a WHERE NOT EXISTS (SELECT 1 FROM"
                        + " service_sessions s WHERE s.primary_id = a.session_primary_id)"))
                .isZero();
        assertThat(bearer(portB, token, "GET", "/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenWithTheRightSessionButAWrongSecretIsRefused() {
        String token = signIn(portA, newUser());

        String forged = token.substring(0, token.indexOf('.') + 1) + "0".repeat(48);

        assertThat(bearer(portB, forged, "GET", "/api/me").statusCode()).isEqualTo(401);
        assertThat(bearer(portB, token, "GET", "/api/me").statusCode()).isEqualTo(200);
    }

    @Test
    void aPasswordResetByAnAdminOnOneServiceEndsTheUsersSessionsOnTheOtherAtOnce() {
        String user = newUser();
        String there = signIn(portB, user);
        String adam = signIn(portA, "adam");

        HttpResponse<String> reset = bearer(portA, adam, "POST", "/api/users/" + user + "/password");

        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        assertThat(reset.body()).contains("\"password\":");
        assertThat(bearer(portB, there, "GET", "/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void changingOnesPasswordOnOneServiceEndsOnesOtherSessionsOnTheOtherButNotTheOneThatChangedIt() {
        String user = newUser();
        String here = signIn(portA, user);
        String there = signIn(portB, user);

        HttpResponse<String> changed = send(
                portA,
                "Bearer " + here,
                "POST",
                "/api/me/password",
                "{\"current\":\"" + TestWorkspace.PASSWORD + "\",\"new\":\"a new Pass phrase 7\"}");

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(bearer(portB, there, "GET", "/api/me").statusCode()).isEqualTo(401);
        assertThat(bearer(portB, here, "GET", "/api/me").statusCode()).isEqualTo(200);
    }

    @Test
    void wrongPasswordsSplitOverTwoServicesLockTheUserOnBoth() {
        String user = newUser();
        for (int i = 1; i <= 5; i++) {
            assertThat(signInAnswer(i % 2 == 0 ? portB : portA, user, "guess number " + i)
                            .statusCode())
                    .as("wrong password %d", i)
                    .isEqualTo(401);
        }

        HttpResponse<String> onA = signInAnswer(portA, user, TestWorkspace.PASSWORD);
        HttpResponse<String> onB = signInAnswer(portB, user, TestWorkspace.PASSWORD);

        assertThat(onA.statusCode()).isEqualTo(429);
        assertThat(onB.statusCode()).isEqualTo(429);
        assertThat(onB.body()).contains("too many wrong passwords for '" + user + "'");
        assertThat(basic(portB, user, TestWorkspace.PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void aRightPasswordOnOneServiceClearsTheCountOnTheOther() {
        String user = newUser();
        for (int i = 1; i <= 4; i++) {
            signInAnswer(portA, user, "guess number " + i);
        }
        signIn(portB, user);
        for (int i = 1; i <= 4; i++) {
            assertThat(signInAnswer(portA, user, "guess again " + i).statusCode())
                    .isEqualTo(401);
        }

        assertThat(signInAnswer(portB, user, TestWorkspace.PASSWORD).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aNameOfNobodyIsAnsweredAsAUsersNameTryByTryOnBothServices() {
        String user = newUser();
        String nobody = "nobody" + unique.incrementAndGet();
        for (int i = 1; i <= 7; i++) {
            int port = i % 2 == 0 ? portB : portA;
            HttpResponse<String> known = signInAnswer(port, user, "guess number " + i);
            HttpResponse<String> unknown = signInAnswer(port, nobody, "guess number " + i);

            assertThat(known.statusCode()).as("try %d", i).isEqualTo(i <= 5 ? 401 : 429);
            assertThat(unknown.statusCode()).as("try %d", i).isEqualTo(known.statusCode());
            assertThat(comparable(unknown.body(), nobody)).as("try %d", i).isEqualTo(comparable(known.body(), user));
        }
        assertThat(signInAnswer(portB, nobody, TestWorkspace.PASSWORD).statusCode())
                .isEqualTo(429);
    }

    @Test
    void aNameOfNobodyIsAnsweredAsAUsersNameOverHttpBasicAndThenLockedAlike() {
        String user = newUser();
        String nobody = "nobody" + unique.incrementAndGet();
        for (int i = 1; i <= 6; i++) {
            int port = i % 2 == 0 ? portB : portA;
            HttpResponse<String> known = basic(port, user, "guess number " + i);
            HttpResponse<String> unknown = basic(port, nobody, "guess number " + i);

            assertThat(known.statusCode()).as("try %d", i).isEqualTo(401);
            assertThat(unknown.statusCode()).as("try %d", i).isEqualTo(401);
            assertThat(unknown.body()).as("try %d", i).isEqualTo(known.body());
        }

        HttpResponse<String> known = signInAnswer(portA, user, TestWorkspace.PASSWORD);
        HttpResponse<String> unknown = signInAnswer(portA, nobody, TestWorkspace.PASSWORD);
        assertThat(known.statusCode()).isEqualTo(429);
        assertThat(unknown.statusCode()).isEqualTo(429);
        assertThat(comparable(unknown.body(), nobody)).isEqualTo(comparable(known.body(), user));
    }

    /** An answer with the name and the lock's end (a few milliseconds apart for two names) taken out. */
    private static String comparable(String body, String name) {
        return body.replace("'" + name + "'", "'NAME'").replaceAll("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z", "TIME");
    }

    private String newUser() {
        String name = "shared" + unique.incrementAndGet();
        HttpResponse<String> added = send(
                portA,
                basicHeader("adam", TestWorkspace.PASSWORD),
                "POST",
                "/api/users",
                "{\"name\":\"" + name + "\",\"role\":\"viewer\",\"password\":\"" + TestWorkspace.PASSWORD + "\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        return name;
    }

    private static String signIn(int port, String user) {
        HttpResponse<String> answer = signInAnswer(port, user, TestWorkspace.PASSWORD);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    private static HttpResponse<String> signInAnswer(int port, String user, String password) {
        return send(
                port, null, "POST", "/api/session", "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}");
    }

    private static HttpResponse<String> bearer(int port, String token, String method, String path) {
        return send(port, "Bearer " + token, method, path, null);
    }

    private static HttpResponse<String> basic(int port, String user, String password) {
        return send(port, basicHeader(user, password), "GET", "/api/me", null);
    }

    private static String basicHeader(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(int port, String authorization, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return ServiceTest.send(request, method, body);
    }

    private long count(String sql) throws SQLException {
        return TestDatabase.count(schema, sql);
    }
}
