package io.fidelis.service;

import static io.fidelis.service.TestDatabase.password;
import static io.fidelis.service.TestDatabase.run;
import static io.fidelis.service.TestDatabase.schemaUrl;
import static io.fidelis.service.TestDatabase.url;
import static io.fidelis.service.TestDatabase.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.store.CsvBookFolder;
import io.fidelis.store.ImportRequest;
import io.fidelis.store.Store;
import io.fidelis.store.StoredUser;
import io.fidelis.store.Stores;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on PostgreSQL (book, runs, overrides, users, audit, policies in one schema of the test database
 * named by {@code FIDELIS_TEST_PG_URL}), chosen by a configuration file as {@code fidelis serve --db-config} does, with
 * viewers, analysts and admins calling it at once. Skipped without a test database, failed under {@code CI=true}.
 */
@ExtendWith(PostgresServiceTest.RequiresTestDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresServiceTest {

    private static final int ROUNDS = 10;

    private static String schema;
    private static Path root;

    @LocalServerPort
    int port;

    @Autowired
    StoreChanges changes;

    /**
     * Decides before the Spring context is made: with {@code PER_CLASS} the test instance (and with it the context,
     * which needs the database) is created before any {@code @BeforeAll} could skip the class.
     */
    static final class RequiresTestDatabase implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (url() != null) {
                return ConditionEvaluationResult.enabled("FIDELIS_TEST_PG_URL is set");
            }
            String why = "FIDELIS_TEST_PG_URL is not set, so the service on PostgreSQL is not tested;"
                    + " start a test cluster with: eval \"$(scripts/postgres-test.sh start)\"";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(why + " (CI must test it: .ci/run starts one)");
            }
            return ConditionEvaluationResult.disabled(why);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("fidelis.workspace", () -> prepared().resolve("workspace").toString());
        registry.add(
                "fidelis.db.config", () -> prepared().resolve("db.properties").toString());
        registry.add("fidelis.store-refresh-ms", () -> "200");
    }

    /** A new schema holding the test book, two runs and the users; the settings in an owner-only properties file. */
    private static synchronized Path prepared() {
        if (root != null) {
            return root;
        }
        try {
            root = Files.createTempDirectory("fidelis-service-pg");
            schema = "fidelis_service_" + ProcessHandle.current().pid();
            run("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            run("CREATE SCHEMA " + schema);
            String url = schemaUrl();
            try (Store store = Stores.open(root.resolve("workspace"), url, user(), password())) {
                TestWorkspace.fill(store, TestWorkspace.writeBook(root));
                store.serviceStores()
                        .users()
                        .add(new StoredUser(
                                "alan",
                                "analyst",
                                PasswordEncoderFactories.createDelegatingPasswordEncoder()
                                        .encode(TestWorkspace.PASSWORD),
                                Instant.now()));
            }
            TestDatabase.config(root, url);
            return root;
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare the service's test schema", e);
        }
    }

    @AfterAll
    static void dropSchema() {
        if (schema != null) {
            run("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void viewersAnalystsAndAdminsAtOnceLoseNothingAndMakerCheckerHolds() throws Exception {
        Map<String, String> token = Map.of(
                "vera", signIn("vera"),
                "anna", signIn("anna"),
                "alan", signIn("alan"),
                "adam", signIn("adam"),
                "ada", signIn("ada"));
        String yaml = policyText(token.get("vera"));
        // the class's other test may have run first in the same schema: count what this one adds (reading the audit
        // log first waits for every entry this service has journaled to be committed)
        expect(new ConcurrentLinkedQueue<>(), 200, call(token.get("adam"), "GET", "/api/audit", null));
        long overridesBefore = count("SELECT COUNT(*) FROM overrides");
        long makerCheckedBefore =
                count("SELECT COUNT(*) FROM policy_versions WHERE state = 'approved' AND decided_by <> proposed_by");
        Map<String, Long> audited = new java.util.HashMap<>();
        for (String action : List.of("customer.classify", "override.record", "policy.propose", "policy.approve")) {
            audited.put(action, audited(action));
        }
        Queue<String> unexpected = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(7);
        List<Future<?>> done = new ArrayList<>();
        for (int viewer = 0; viewer < 2; viewer++) {
            done.add(clients.submit(() -> {
                for (int i = 0; i < ROUNDS; i++) {
                    expect(unexpected, 200, call(token.get("vera"), "GET", "/api/customers?size=50&page=" + i, null));
                    expect(unexpected, 200, call(token.get("vera"), "GET", "/api/overview", null));
                }
            }));
        }
        for (String analyst : List.of("anna", "alan")) {
            done.add(clients.submit(() -> {
                for (int i = 1; i <= ROUNDS; i++) {
                    String customer = String.format("C%07d", i + (analyst.equals("anna") ? 0 : 100));
                    expect(
                            unexpected,
                            200,
                            call(token.get(analyst), "POST", "/api/classify", "{\"customerId\":\"" + customer + "\"}"));
                    expect(
                            unexpected,
                            200,
                            call(
                                    token.get(analyst),
                                    "POST",
                                    "/api/overrides",
                                    "{\"customerId\":\"" + customer + "\",\"stage\":\"dormant\",\"reason\":\"load "
                                            + analyst + " " + i + "\",\"expiresOn\":\"2099-01-01\"}"));
                }
            }));
        }
        for (String[] admins : List.of(new String[] {"adam", "ada"}, new String[] {"ada", "adam"})) {
            done.add(clients.submit(() -> {
                for (int i = 0; i < 3; i++) {
                    String mine = yaml.replace("version: \\\"2026.1\\\"", "version: \\\"pg-" + admins[0] + i + "\\\"")
                            .replace("version: 2026.1", "version: pg-" + admins[0] + i);
                    HttpResponse<String> proposed =
                            call(token.get(admins[0]), "POST", "/api/policies", "{\"yaml\":" + mine + "}");
                    expect(unexpected, 200, proposed);
                    String id = proposed.body().replaceAll(".*\"versionId\":(\\d+).*", "$1");
                    expect(
                            unexpected,
                            409,
                            call(token.get(admins[0]), "POST", "/api/policies/" + id + "/approve", null));
                    expect(
                            unexpected,
                            200,
                            call(token.get(admins[1]), "POST", "/api/policies/" + id + "/approve", null));
                }
            }));
        }
        clients.shutdown();
        for (Future<?> client : done) {
            client.get(2, TimeUnit.MINUTES);
        }

        assertThat(unexpected).isEmpty();
        // answered entries reach the database by group commit (at most 50 ms later); reading the log waits for them
        expect(unexpected, 200, call(token.get("adam"), "GET", "/api/audit", null));
        assertThat(unexpected).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM overrides") - overridesBefore).isEqualTo(2 * ROUNDS);
        assertThat(audited("customer.classify") - audited.get("customer.classify"))
                .isEqualTo(2 * ROUNDS);
        assertThat(audited("override.record") - audited.get("override.record")).isEqualTo(2 * ROUNDS);
        assertThat(audited("policy.propose") - audited.get("policy.propose")).isEqualTo(6);
        assertThat(audited("policy.approve") - audited.get("policy.approve")).isEqualTo(6);
        assertThat(count("SELECT COUNT(*) FROM policy_versions WHERE state = 'approved' AND decided_by <> proposed_by")
                        - makerCheckedBefore)
                .isEqualTo(6);
        assertThat(count("SELECT COUNT(DISTINCT entry_id) FROM audit_log"))
                .isEqualTo(count("SELECT COUNT(*) FROM audit_log"));
        String overrides =
                call(token.get("vera"), "GET", "/api/overrides", null).body();
        assertThat(overrides).contains("\"reason\":\"load anna 10\"", "\"reason\":\"load alan 10\"");
    }

    /**
     * Two services on one store (behind a load balancer), each with its own workspace folder: what one changes, and
     * what another process writes into the store directly (an import), reaches the other without a restart.
     */
    @Test
    void aSecondServiceOnTheSameStoreSeesPoliciesOverridesRunsAndImportsOfOthers() throws Exception {
        Path folder = Files.createTempDirectory("fidelis-second-service");
        try (ConfigurableApplicationContext second = secondService(folder)) {
            int secondPort = port(second);
            String adam = signIn("adam");
            String ada = signIn("ada");
            String anna = signIn("anna");
            String annaThere = signIn(secondPort, "anna");
            String classifyNow = "{\"customerId\":\"C0000050\",\"asOf\":\"2026-09-30\"}";
            assertThat(call(secondPort, annaThere, "POST", "/api/classify", classifyNow)
                            .body())
                    .contains("\"overridden\":false")
                    .doesNotContain("second-instance");

            String yaml = policyText(adam)
                    .replace("version: \\\"2026.1\\\"", "version: \\\"second-instance\\\"")
                    .replace("version: 2026.1", "version: second-instance");
            HttpResponse<String> proposed = call(adam, "POST", "/api/policies", "{\"yaml\":" + yaml + "}");
            assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(200);
            String id = proposed.body().replaceAll(".*\"versionId\":(\\d+).*", "$1");
            assertThat(call(ada, "POST", "/api/policies/" + id + "/approve", null)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(call(
                                    anna,
                                    "POST",
                                    "/api/overrides",
                                    "{\"customerId\":\"C0000050\",\"tier\":\"high\",\"reason\":\"seen by the other"
                                            + " service\",\"expiresOn\":\"2099-01-01\"}")
                            .statusCode())
                    .isEqualTo(200);
            String classified = eventually(
                    () -> call(secondPort, annaThere, "POST", "/api/classify", classifyNow)
                            .body(),
                    body -> body.contains("second-instance") && body.contains("\"overridden\":true"));
            assertThat(classified).contains("\"tier\":\"high\"");

            String runsBefore =
                    call(secondPort, annaThere, "GET", "/api/runs", null).body();
            HttpResponse<String> run = call(adam, "POST", "/api/runs", "{\"asOf\":\"2026-08-31\"}");
            assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
            String runId = run.body().replaceAll(".*\"runId\":(\\d+).*", "$1");
            assertThat(runsBefore).doesNotContain("\"runId\":" + runId + ",");
            eventually(
                    () -> call(secondPort, annaThere, "GET", "/api/runs", null).body(),
                    body -> body.contains("\"runId\":" + runId + ","));

            Histories histories = second.getBean(Histories.class);
            eventually(() -> histories.inMemory(), Boolean::booleanValue);
            String newcomer = "{\"customerId\":\"C0999999\",\"asOf\":\"2026-09-30\"}";
            assertThat(call(secondPort, annaThere, "POST", "/api/classify", newcomer)
                            .statusCode())
                    .isEqualTo(404);
            try (Store store = Stores.open(folder.resolve("importer"), schemaUrl(), user(), password())) {
                store.importBook(ImportRequest.strict(CsvBookFolder.of(oneNewCustomer(folder))));
            }
            eventually(
                    () -> call(secondPort, annaThere, "POST", "/api/classify", newcomer)
                            .statusCode(),
                    status -> status == 200);
        }
    }

    @Test
    void aSecondServiceRefusesARevokedTokenAndEndsTheSessionsOfAChangedPassword() throws Exception {
        Path folder = Files.createTempDirectory("fidelis-second-service");
        try (ConfigurableApplicationContext second = secondService(folder)) {
            int secondPort = port(second);
            String adam = signIn("adam");
            HttpResponse<String> made = call(adam, "POST", "/api/tokens", "{\"user\":\"vera\",\"label\":\"leaked\"}");
            String token = made.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
            String id = made.body().replaceAll(".*\"id\":(\\d+).*", "$1");
            assertThat(call(secondPort, token, "GET", "/api/me", null).statusCode())
                    .as("used there, so kept there")
                    .isEqualTo(200);
            assertThat(call(
                                    adam,
                                    "POST",
                                    "/api/users",
                                    "{\"name\":\"pg-changer\",\"role\":\"viewer\",\"password\":\""
                                            + TestWorkspace.PASSWORD + "\"}")
                            .statusCode())
                    .isEqualTo(200);
            String here = signIn(port, "pg-changer");
            String there = signIn(secondPort, "pg-changer");

            assertThat(call(adam, "POST", "/api/tokens/" + id + "/revoke", null).statusCode())
                    .isEqualTo(200);
            assertThat(call(token, "GET", "/api/me", null).statusCode()).isEqualTo(401);
            eventually(() -> call(secondPort, token, "GET", "/api/me", null).statusCode(), status -> status == 401);

            HttpResponse<String> changed = call(
                    here,
                    "POST",
                    "/api/me/password",
                    "{\"current\":\"" + TestWorkspace.PASSWORD + "\",\"new\":\"a new Pass phrase 7\"}");
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
            eventually(() -> call(secondPort, there, "GET", "/api/me", null).statusCode(), status -> status == 401);
            assertThat(changes.look().lastPasswordChange()).isNotNull();
            assertThat(call(here, "GET", "/api/me", null).statusCode())
                    .as("the session that changed it, after this service too saw the change in the store")
                    .isEqualTo(200);
            call(adam, "GET", "/api/audit?limit=1", null); // waits for the entries to be committed
            assertThat(audited("token.revoke")).isEqualTo(1);
            assertThat(audited("user.password")).isEqualTo(1);
        }
    }

    /** Another service on this class's database, with its own workspace folder in {@code folder}. */
    private static int port(ConfigurableApplicationContext service) {
        return service.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private static ConfigurableApplicationContext secondService(Path folder) {
        return new SpringApplicationBuilder(FidelisService.class)
                .run(
                        "--server.port=0",
                        "--fidelis.workspace=" + folder.resolve("workspace"),
                        "--fidelis.db.config=" + prepared().resolve("db.properties"),
                        "--fidelis.store-refresh-ms=200");
    }

    /** A book folder holding only one customer not yet in the book (every other table empty). */
    private static Path oneNewCustomer(Path folder) throws IOException {
        Path book = prepared().resolve("book");
        Path extra = Files.createDirectories(folder.resolve("extra-book"));
        try (var files = Files.list(book)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                String header = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
                Files.writeString(extra.resolve(file.getFileName()), header + "\n", StandardCharsets.UTF_8);
            }
        }
        Files.writeString(
                extra.resolve("customers.csv"),
                "C0999999,Newcomer Ltd,technology,Fujian,small,,2025-01-05,,\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        return extra;
    }

    /** Asks until the answer passes (another service looks at the store every 200 ms), at most 30 s. */
    private static <T> T eventually(Supplier<T> ask, Predicate<T> passes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        T answer = ask.get();
        while (!passes.test(answer)) {
            assertThat(System.nanoTime()).as("still not seen: %s", answer).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(100);
            answer = ask.get();
        }
        return answer;
    }

    private static void expect(Queue<String> unexpected, int status, HttpResponse<String> answer) {
        if (answer.statusCode() != status) {
            unexpected.add(answer.request().method() + " " + answer.uri().getPath() + ": " + answer.statusCode()
                    + " (expected " + status + ") " + answer.body());
        }
    }

    private String signIn(String user) {
        return signIn(port, user);
    }

    private String signIn(int servicePort, String user) {
        HttpResponse<String> answer = call(
                servicePort,
                null,
                "POST",
                "/api/session",
                "{\"user\":\"" + user + "\",\"password\":\"" + TestWorkspace.PASSWORD + "\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    private String policyText(String token) {
        String body = call(token, "GET", "/api/policies/0", null).body();
        return body.substring(body.indexOf("\"yaml\":") + 7, body.lastIndexOf('}'));
    }

    private HttpResponse<String> call(String token, String method, String path, String body) {
        return call(port, token, method, path, body);
    }

    private static HttpResponse<String> call(int servicePort, String token, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + servicePort + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return ServiceTest.send(request, method, body);
    }

    /** The audit log's entries of an action. */
    private long audited(String action) throws SQLException {
        return count("SELECT COUNT(*) FROM audit_log WHERE action = '" + action + "'");
    }

    private static long count(String sql) throws SQLException {
        return TestDatabase.count(schema, sql);
    }

    private static String schemaUrl() {
        return TestDatabase.schemaUrl(schema);
    }
}
