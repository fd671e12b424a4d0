package io.fidelis.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Revoking API tokens, changing one's own password and an admin's reset: what stops working at once, what is audited,
 * and that no password reaches the audit log or the service's output. Each test works on users of its own, so the
 * shared users' passwords stay as they are.
 */
@ExtendWith(OutputCaptureExtension.class)
class CredentialsTest extends ServiceTest {

    private static final AtomicInteger unique = new AtomicInteger();
    private static final String NEW_PASSWORD = "a new Pass phrase 7";

    @Test
    void aRevokedTokenIsRefusedAtOnceAndRevokedOnce() {
        HttpResponse<String> made = post("adam", "/api/tokens", "{\"user\":\"vera\",\"label\":\"leaked\"}");
        String token = made.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        String id = made.body().replaceAll(".*\"id\":(\\d+).*", "$1");
        assertThat(bearer(token, "GET", "/api/me", null).statusCode())
                .as("used once, so kept in memory")
                .isEqualTo(200);

        HttpResponse<String> revoked = post("ada", "/api/tokens/" + id + "/revoke", null);

        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.body()).contains("\"id\":" + id, "\"revokedBy\":\"ada\"", "\"label\":\"leaked\"");
        assertThat(bearer(token, "GET", "/api/me", null).statusCode()).isEqualTo(401);
        HttpResponse<String> again = post("adam", "/api/tokens/" + id + "/revoke", null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("already revoked by ada");
        assertThat(get("adam", "/api/audit").body())
                .contains("\"actor\":\"ada\",\"action\":\"token.revoke\",\"target\":\"token " + id + "\"");
    }

    @Test
    void revokingOneTokenLeavesTheOthersWorking() {
        String kept = tokenFor("vera", "kept");
        String leaked = post("adam", "/api/tokens", "{\"user\":\"vera\",\"label\":\"other\"}")
                .body();
        bearer(kept, "GET", "/api/me", null);

        post("adam", "/api/tokens/" + leaked.replaceAll(".*\"id\":(\\d+).*", "$1") + "/revoke", null);

        assertThat(bearer(kept, "GET", "/api/me", null).statusCode()).isEqualTo(200);
    }

    @Test
    void tokensAreListedWithoutTheTokenOrItsHash() {
        String token = tokenFor("anna", "listed");

        String list = get("adam", "/api/tokens").body();

        assertThat(list)
                .contains("\"user\":\"anna\",\"label\":\"listed\"", "\"created\":", "\"revokedAt\":")
                .doesNotContain(token, token.substring(4), Accounts.sha256(token), "sha256:");
    }

    @Test
    void anUnknownTokenNumberIsNotFoundAndAnInjectedOneIsRefused() {
        assertThat(post("adam", "/api/tokens/999999/revoke", null).statusCode()).isEqualTo(404);
        assertThat(post("adam", "/api/tokens/1%20OR%201=1/revoke", null).statusCode())
                .isEqualTo(400);
        assertThat(post("adam", "/api/tokens/x'--/revoke", null).statusCode()).isEqualTo(400);
    }

    @Test
    void aChangedPasswordRefusesTheOldOneAndEndsTheOtherSessions(CapturedOutput output) {
        String user = newUser();
        String here = signIn(user, TestWorkspace.PASSWORD);
        String elsewhere = signIn(user, TestWorkspace.PASSWORD);

        HttpResponse<String> changed = bearer(here, "POST", "/api/me/password", change(TestWorkspace.PASSWORD));

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(basic(user, TestWorkspace.PASSWORD, "/api/me").statusCode()).isEqualTo(401);
        assertThat(basic(user, NEW_PASSWORD, "/api/me").statusCode()).isEqualTo(200);
        assertThat(bearer(here, "GET", "/api/me", null).statusCode())
                .as("the session that changed it")
                .isEqualTo(200);
        assertThat(bearer(elsewhere, "GET", "/api/me", null).statusCode()).isEqualTo(401);
        assertThat(signInAnswer(user, TestWorkspace.PASSWORD).statusCode()).isEqualTo(401);
        String audit = get("adam", "/api/audit?limit=1000").body();
        assertThat(audit)
                .contains("\"actor\":\"" + user + "\",\"action\":\"user.password\",\"target\":\"" + user + "\"")
                .doesNotContain(NEW_PASSWORD);
        assertThat(output.getAll()).doesNotContain(NEW_PASSWORD);
    }

    @Test
    void aWrongCurrentPasswordChangesNothingAndIsAudited() {
        String user = newUser();

        HttpResponse<String> answer =
                basicPost(user, TestWorkspace.PASSWORD, "/api/me/password", change("not it at all"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("the current password is not right");
        assertThat(basic(user, TestWorkspace.PASSWORD, "/api/me").statusCode()).isEqualTo(200);
        assertThat(get("adam", "/api/audit?limit=1000").body())
                .contains("\"actor\":\"" + user + "\",\"action\":\"user.password.refused\"")
                .doesNotContain("not it at all");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "short1A        | at least 12 characters",
                "aaaaaaaaaaaaaa | at least 5 different characters",
                "abababababab12 | at least 5 different characters",
                "USER-is-my-pass| does not contain the user's name",
                "the current    | the new password is the current one"
            })
    void aWeakNewPasswordIsRefusedWithTheRuleItBreaks(String next, String problem) {
        String user = newUser();
        String password = next.replace("USER", user).replace("the current", TestWorkspace.PASSWORD);

        HttpResponse<String> answer = basicPost(
                user,
                TestWorkspace.PASSWORD,
                "/api/me/password",
                "{\"current\":\"" + TestWorkspace.PASSWORD + "\",\"new\":\"" + password + "\"}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains(problem);
        assertThat(basic(user, TestWorkspace.PASSWORD, "/api/me").statusCode()).isEqualTo(200);
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRefused() {
        String user = newUser();
        HttpResponse<String> answer = basicPost(
                user,
                TestWorkspace.PASSWORD,
                "/api/me/password",
                "{\"current\":\"" + TestWorkspace.PASSWORD + "\",\"new\":\"" + "长".repeat(25) + "abcdef\"}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("at most 72 bytes");
    }

    @Test
    void aChangeWithoutTheCurrentPasswordIsRefused() {
        String user = newUser();
        assertThat(basicPost(user, TestWorkspace.PASSWORD, "/api/me/password", "{\"new\":\"" + NEW_PASSWORD + "\"}")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void anAdminResetGivesAOneTimeSecretOnceAndEndsTheSessions(CapturedOutput output) {
        String user = newUser();
        String session = signIn(user, TestWorkspace.PASSWORD);

        HttpResponse<String> reset = post("adam", "/api/users/" + user + "/password", null);

        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        String secret = reset.body().replaceAll(".*\"password\":\"([^\"]+)\".*", "$1");
        assertThat(secret).hasSize(48);
        assertThat(bearer(session, "GET", "/api/me", null).statusCode()).isEqualTo(401);
        assertThat(basic(user, TestWorkspace.PASSWORD, "/api/me").statusCode()).isEqualTo(401);
        assertThat(basic(user, secret, "/api/me").statusCode()).isEqualTo(200);
        assertThat(basicPost(
                                user,
                                secret,
                                "/api/me/password",
                                "{\"current\":\"" + secret + "\",\"new\":\"" + NEW_PASSWORD + "\"}")
                        .statusCode())
                .as("the user then chooses their own")
                .isEqualTo(200);
        String audit = get("adam", "/api/audit?limit=1000").body();
        assertThat(audit)
                .contains("\"actor\":\"adam\",\"action\":\"user.password.reset\",\"target\":\"" + user + "\"")
                .doesNotContain(secret);
        assertThat(output.getAll()).doesNotContain(secret).doesNotContain(NEW_PASSWORD);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/users/adam'%20OR%20'1'='1/password",
                "/api/users/%3Cscript%3Ealert(1)%3C%2Fscript%3E/password",
                "/api/users/adam'%3B%20DROP%20TABLE%20service_users%3B--/password",
                "/api/users/..%2F..%2Fetc%2Fpasswd/password",
                "/api/users/adam%00/password"
            })
    void aResetOfAnInjectedNameResetsNobody(String path) {
        HttpResponse<String> answer = post("ada", path, null);

        assertThat(answer.statusCode()).isIn(400, 404);
        assertThat(answer.body()).doesNotContain("\"password\":");
        if (answer.statusCode() == 404) {
            assertThat(answer.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        }
        assertThat(get("adam", "/api/me").statusCode())
                .as("adam's password still works")
                .isEqualTo(200);
        assertThat(get("adam", "/api/users").body()).contains("\"name\":\"vera\"");
    }

    @Test
    void aScriptAsNewPasswordIsJustAPassword() {
        String user = newUser();
        String script = "<script>alert(1)</script>";
        assertThat(basicPost(
                                user,
                                TestWorkspace.PASSWORD,
                                "/api/me/password",
                                "{\"current\":\"" + TestWorkspace.PASSWORD + "\",\"new\":\"" + script + "\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(basic(user, script, "/api/me").statusCode()).isEqualTo(200);
    }

    @Test
    void fiveWrongPasswordsInARowLockSigningInEvenWithTheRightOneAndAreAudited() {
        String user = newUser();
        for (int i = 1; i <= 5; i++) {
            assertThat(signInAnswer(user, "guess number " + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> locked = signInAnswer(user, TestWorkspace.PASSWORD);

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.body()).contains("too many wrong passwords for '" + user + "'", "ask an admin");
        assertThat(basic(user, TestWorkspace.PASSWORD, "/api/me").statusCode()).isEqualTo(401);
        assertThat(get("adam", "/api/audit?limit=1000").body())
                .contains("\"actor\":\"" + user + "\",\"action\":\"user.signin.locked\"")
                .doesNotContain("guess number");
    }

    @Test
    void wrongPasswordsOverHttpBasicCountAndARightOneBeforeTheFifthClearsThem() {
        String user = newUser();
        for (int i = 1; i <= 4; i++) {
            assertThat(basic(user, "guess number " + i, "/api/me").statusCode()).isEqualTo(401);
        }
        assertThat(basic(user, TestWorkspace.PASSWORD, "/api/me").statusCode()).isEqualTo(200);
        for (int i = 1; i <= 4; i++) {
            assertThat(basic(user, "guess again " + i, "/api/me").statusCode()).isEqualTo(401);
        }
        assertThat(signInAnswer(user, TestWorkspace.PASSWORD).statusCode()).isEqualTo(200);

        for (int i = 1; i <= 5; i++) {
            basic(user, "and again " + i, "/api/me");
        }
        assertThat(signInAnswer(user, TestWorkspace.PASSWORD).statusCode()).isEqualTo(429);
    }

    @Test
    void aNameOfNobodyIsAnsweredAsAUsersNameTryByTryAndLockedAfterAsManyWrongPasswords() {
        String user = newUser();
        String nobody = "nobody" + unique.incrementAndGet();
        for (int i = 1; i <= 6; i++) {
            HttpResponse<String> known = signInAnswer(user, "guess number " + i);
            HttpResponse<String> unknown = signInAnswer(nobody, "guess number " + i);

            assertThat(known.statusCode()).as("try %d", i).isEqualTo(i <= 5 ? 401 : 429);
            assertThat(unknown.statusCode()).as("try %d", i).isEqualTo(known.statusCode());
            assertThat(unknown.body()
                            .replace("'" + nobody + "'", "'NAME'")
                            .replaceAll("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z", "TIME"))
                    .as("try %d", i)
                    .isEqualTo(known.body()
                            .replace("'" + user + "'", "'NAME'")
                            .replaceAll("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z", "TIME"));
        }
        assertThat(basic(nobody, "guess again", "/api/me").body())
                .isEqualTo(basic(user, "guess again", "/api/me").body());
    }

    private String newUser() {
        String name = "cred" + unique.incrementAndGet();
        HttpResponse<String> added = post(
                "adam",
                "/api/users",
                "{\"name\":\"" + name + "\",\"role\":\"viewer\",\"password\":\"" + TestWorkspace.PASSWORD + "\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        return name;
    }

    private String tokenFor(String user, String label) {
        return post("adam", "/api/tokens", "{\"user\":\"" + user + "\",\"label\":\"" + label + "\"}")
                .body()
                .replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    private static String change(String current) {
        return "{\"current\":\"" + current + "\",\"new\":\"" + NEW_PASSWORD + "\"}";
    }

    private HttpResponse<String> signInAnswer(String user, String password) {
        return call(null, "POST", "/api/session", "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}");
    }

    private String signIn(String user, String password) {
        HttpResponse<String> answer = signInAnswer(user, password);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    private HttpResponse<String> basic(String user, String password, String path) {
        return send(withBasic(user, password, path), "GET", null);
    }

    private HttpResponse<String> basicPost(String user, String password, String path, String body) {
        return send(withBasic(user, password, path), "POST", body);
    }

    private HttpRequest.Builder withBasic(String user, String password, String path) {
        return HttpRequest.newBuilder(URI.create(base() + path))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
}
