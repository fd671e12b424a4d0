package io.fidelis.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Maker-checker, audit, masking, tokens and probes for injection, scripts and path traversal. */
class SecurityTest extends ServiceTest {

    private static String policyText(ServiceTest test) {
        String body = test.get("vera", "/api/policies/0").body();
        return body.substring(body.indexOf("\"yaml\":") + 7, body.lastIndexOf('}'));
    }

    @Test
    void theProposerCannotApproveAndAnotherAdminCan() {
        String yaml = policyText(this)
                .replace("version: \\\"2026.1\\\"", "version: \\\"2026.1-test\\\"")
                .replace("version: 2026.1", "version: 2026.1-test");
        HttpResponse<String> proposed = post("adam", "/api/policies", "{\"yaml\":" + yaml + "}");
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(200);
        String id = proposed.body().replaceAll(".*\"versionId\":(\\d+).*", "$1");

        assertThat(post("adam", "/api/policies/" + id + "/approve", null).statusCode())
                .isEqualTo(409);
        assertThat(post("anna", "/api/policies/" + id + "/approve", null).statusCode())
                .isEqualTo(403);
        HttpResponse<String> approved = post("ada", "/api/policies/" + id + "/approve", null);

        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(approved.body()).contains("\"state\":\"approved\"", "\"decidedBy\":\"ada\"", "\"inForce\":true");
        assertThat(get("adam", "/api/audit").body())
                .contains("\"actor\":\"adam\",\"action\":\"policy.propose\"")
                .contains("\"actor\":\"ada\",\"action\":\"policy.approve\"");
        assertThat(post("ada", "/api/policies/" + id + "/approve", null).statusCode())
                .as("decided once")
                .isEqualTo(409);
    }

    @Test
    void aSavedEvaluationIsServedByTheNameTheListingGives() {
        assertThat(get("vera", "/api/evaluations").body()).contains("\"results\":[\"worked-case.json\"]");
        assertThat(get("vera", "/api/evaluations/worked-case.json").body()).contains("\"difference_in_differences\"");
        assertThat(get("vera", "/api/evaluations/other.json").statusCode()).isEqualTo(404);
    }

    @Test
    void anInvalidPolicyIsRefusedWithWhatIsWrong() {
        HttpResponse<String> answer = post("anna", "/api/policies", "{\"yaml\":\"id: x\\nweights: [\"}");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("error").doesNotContain("Exception", "at io.");
    }

    @Test
    void classificationsOverridesAndExportsAreAudited() {
        post("anna", "/api/classify", "{\"customerId\":\"C0000003\"}");
        post(
                "anna",
                "/api/overrides",
                "{\"customerId\":\"C0000004\",\"stage\":\"dormant\",\"reason\":\"audit test\",\"expiresOn\":\"2027-03-01\"}");
        get("anna", "/api/runs/1/export.csv");

        String audit = get("adam", "/api/audit?limit=1000").body();
        assertThat(audit)
                .contains("\"actor\":\"anna\",\"action\":\"customer.classify\",\"target\":\"C0000003\"")
                .contains("\"actor\":\"anna\",\"action\":\"override.record\",\"target\":\"C0000004\"")
                .contains("\"actor\":\"anna\",\"action\":\"run.export\",\"target\":\"run 1\"");
    }

    @Test
    void anOverrideChangesClassifyNowAndNamesItsAuthor() {
        post(
                "anna",
                "/api/overrides",
                "{\"customerId\":\"C0000005\",\"tier\":\"low\",\"reason\":\"fraud check\",\"expiresOn\":\"2099-01-01\"}");
        HttpResponse<String> now =
                post("anna", "/api/classify", "{\"customerId\":\"C0000005\",\"asOf\":\"2026-09-30\"}");

        assertThat(now.body()).contains("\"tier\":\"low\"", "\"overridden\":true");
        assertThat(get("vera", "/api/overrides").body()).contains("\"reason\":\"fraud check\",\"author\":\"anna\"");
    }

    @Test
    void viewersSeeCompanyNamesMaskedAndAnalystsInFull() {
        String asViewer =
                get("vera", "/api/customers/" + TestWorkspace.NAMED_ID).body();
        String asAnalyst =
                get("anna", "/api/customers/" + TestWorkspace.NAMED_ID).body();
        String name = asAnalyst.replaceAll(".*?\"name\":\"([^\"]*)\".*", "$1");

        assertThat(name).hasSizeGreaterThan(4).doesNotContain("***");
        assertThat(asViewer)
                .contains("\"name\":\""
                        + name.codePoints()
                                .limit(1)
                                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                        + "***\"")
                .doesNotContain(name);
        assertThat(get("vera", "/api/customers?size=500").body()).doesNotContain(name);
    }

    @Test
    void anApiTokenActsAsItsUserWithItsRole() {
        String answer = post("adam", "/api/tokens", "{\"user\":\"vera\",\"label\":\"crm\"}")
                .body();
        String token = answer.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");

        assertThat(token).startsWith("fid_");
        assertThat(bearer(token, "GET", "/api/me", null).body()).contains("\"user\":\"vera\"", "\"role\":\"viewer\"");
        assertThat(bearer(token, "POST", "/api/classify", "{\"customerId\":\"C0000001\"}")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aDashboardSessionSignsInAndOut() {
        HttpResponse<String> wrong = call(null, "POST", "/api/session", "{\"user\":\"anna\",\"password\":\"nope\"}");
        assertThat(wrong.statusCode()).isEqualTo(401);
        String token = call(
                        null,
                        "POST",
                        "/api/session",
                        "{\"user\":\"anna\",\"password\":\"" + TestWorkspace.PASSWORD + "\"}")
                .body()
                .replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");

        assertThat(bearer(token, "GET", "/api/me", null).body()).contains("\"role\":\"analyst\"");
        bearer(token, "POST", "/api/session/end", null);
        assertThat(bearer(token, "GET", "/api/me", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aCustomerNamedLikeAScriptComesBackAsJsonTextUnderAStrictContentPolicy() {
        HttpResponse<String> answer = get("anna", "/api/customers/" + TestWorkspace.XSS_ID);

        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(answer.body()).contains("\"name\":\"<script>alert(1)</script>\"");
        assertThat(answer.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(
                        csp -> assertThat(csp).contains("default-src 'self'").doesNotContain("unsafe-eval"));
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/customers/x'%20OR%20'1'='1",
                "/api/customers/C0000001'%3B%20DROP%20TABLE%20customers%3B--",
                "/api/customers?q=%27%20OR%201%3D1--"
            })
    void sqlInjectionFindsNothingAndBreaksNothing(String path) {
        HttpResponse<String> answer = get("anna", path);

        // 400: the firewall refuses an encoded semicolon before any code sees it
        assertThat(answer.statusCode()).isIn(200, 400, 404);
        assertThat(answer.body()).doesNotContain("C0000002");
        assertThat(get("anna", "/api/customers/C0000002").statusCode())
                .as("the table is still there")
                .isEqualTo(200);
    }

    @Test
    void anInjectedFilterValueIsRefused() {
        HttpResponse<String> answer = get("anna", "/api/customers?tier=high'%20OR%20'1'='1");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("is not one of high, medium, low");
    }

    @Test
    void aUserNameWithSqlSignsNobodyIn() {
        HttpResponse<String> answer = call(null, "POST", "/api/session", "{\"user\":\"adam' --\",\"password\":\"x\"}");
        assertThat(answer.statusCode()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/app/../../../../etc/passwd",
                "/app/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                "/webjars/..%2f..%2f..%2fetc%2fpasswd",
                "/api/runs/..%2F..%2Fetc%2Fpasswd/export.csv",
                "/api/policies/..%2F..%2Fetc%2Fpasswd",
                "/api/evaluations/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
                "/api/evaluations/..%2Ffidelis.duckdb",
                "/api/evaluations/%2Fetc%2Fpasswd",
                "/app/..%5c..%5c..%5cetc%5cpasswd"
            })
    void pathTraversalReadsNoFile(String path) {
        HttpResponse<String> answer = get("adam", path);

        assertThat(answer.statusCode()).isIn(400, 403, 404);
        assertThat(answer.body()).doesNotContain("root:").doesNotContain("DUCK");
    }
}
