package io.fidelis.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint called by nobody and by each role: nobody gets 401, a role below the endpoint's gets 403, a role at
 * or above it gets through (any answer but 401, 403 or a server error). The table is written here, apart from the
 * security configuration, so that a change of either shows.
 */
class RoleMatrixTest extends ServiceTest {

    private static final AtomicInteger unique = new AtomicInteger();

    /** The endpoints with the least role that may call them. */
    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("GET", "/api/me", null, "viewer"),
                Arguments.of("GET", "/api/overview", null, "viewer"),
                Arguments.of("GET", "/api/customers?tier=high&page=0&size=5", null, "viewer"),
                Arguments.of("GET", "/api/customers/" + TestWorkspace.NAMED_ID, null, "viewer"),
                Arguments.of("GET", "/api/runs", null, "viewer"),
                Arguments.of("GET", "/api/runs/1", null, "viewer"),
                Arguments.of("GET", "/api/policies", null, "viewer"),
                Arguments.of("GET", "/api/policies/0", null, "viewer"),
                Arguments.of("GET", "/api/policies/0/diff/0", null, "viewer"),
                Arguments.of("GET", "/api/overrides", null, "viewer"),
                Arguments.of("GET", "/api/evaluations", null, "viewer"),
                Arguments.of("GET", "/api/evaluations/worked-case.json", null, "viewer"),
                Arguments.of("POST", "/api/classify", "{\"customerId\":\"" + TestWorkspace.NAMED_ID + "\"}", "analyst"),
                Arguments.of("POST", "/api/runs", "{\"asOf\":\"2026-09-30\"}", "analyst"),
                Arguments.of(
                        "POST",
                        "/api/overrides",
                        "{\"customerId\":\"C0000002\",\"tier\":\"medium\",\"reason\":\"matrix\","
                                + "\"expiresOn\":\"2027-01-01\"}",
                        "analyst"),
                Arguments.of("POST", "/api/policies", "{\"yaml\":\"id: broken\"}", "analyst"),
                Arguments.of("GET", "/api/runs/1/export.csv", null, "analyst"),
                Arguments.of("POST", "/api/policies/999/approve", null, "admin"),
                Arguments.of("POST", "/api/policies/999/reject", null, "admin"),
                Arguments.of("GET", "/api/audit", null, "admin"),
                Arguments.of("GET", "/api/users", null, "admin"),
                Arguments.of("POST", "/api/users", "NEW_USER", "admin"),
                Arguments.of("POST", "/api/tokens", "{\"user\":\"vera\",\"label\":\"matrix\"}", "admin"),
                Arguments.of("GET", "/api/tokens", null, "admin"),
                Arguments.of("POST", "/api/tokens/999999/revoke", null, "admin"),
                Arguments.of("POST", "/api/users/nobody-of-that-name/password", null, "admin"),
                // a wrong current password: every role reaches the check (400) and nobody's password changes
                Arguments.of(
                        "POST",
                        "/api/me/password",
                        "{\"current\":\"wrong password\",\"new\":\"a new Pass phrase 7\"}",
                        "viewer"));
    }

    private static final List<String> ROLES = List.of("viewer", "analyst", "admin");
    private static final List<String> USERS = List.of("vera", "anna", "adam");

    @ParameterizedTest(name = "{0} {1} needs {3}")
    @MethodSource("endpoints")
    void everyRoleGetsWhatItsRoleAllows(String method, String path, String body, String least) {
        assertThat(call(null, method, path, bodyFor(body)).statusCode())
                .as("nobody: %s %s", method, path)
                .isEqualTo(401);
        for (int i = 0; i < ROLES.size(); i++) {
            HttpResponse<String> answer = call(USERS.get(i), method, path, bodyFor(body));
            if (i < ROLES.indexOf(least)) {
                assertThat(answer.statusCode())
                        .as("%s: %s %s", ROLES.get(i), method, path)
                        .isEqualTo(403);
            } else {
                assertThat(answer.statusCode())
                        .as("%s: %s %s -> %s", ROLES.get(i), method, path, answer.body())
                        .isNotIn(401, 403)
                        .isLessThan(500);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void aWrongPasswordIsRefused(String method, String path, String body) {
        HttpResponse<String> answer = bearer("fid_not-a-token", method, path, bodyFor(body));
        assertThat(answer.statusCode()).isEqualTo(401);
    }

    private static String bodyFor(String body) {
        if ("NEW_USER".equals(body)) {
            return "{\"name\":\"matrix" + unique.incrementAndGet() + "\",\"role\":\"viewer\",\"password\":\""
                    + TestWorkspace.PASSWORD + "\"}";
        }
        return body;
    }
}
