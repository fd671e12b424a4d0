package io.fidelis.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "session", description = "Sign in for the dashboard")
class SessionApi {

    record SignIn(String user, String password) {}

    record Me(String user, String role) {}

    record NewPassword(String current, @JsonProperty("new") String next) {}

    private final Accounts accounts;
    private final Audit audit;

    SessionApi(Accounts accounts, Audit audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @Operation(summary = "Sign in with a name and password; returns a bearer token for 8 hours")
    @PostMapping("/api/session")
    ResponseEntity<Map<String, String>> signIn(@RequestBody SignIn body) {
        return accounts.signIn(body.user(), body.password())
                .map(token -> ResponseEntity.ok(Map.of("token", token)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                        .body(Map.of("error", "wrong user name or password")));
    }

    @Operation(summary = "Sign out: the session token stops working")
    @PostMapping("/api/session/end")
    void signOut(@RequestHeader("Authorization") String authorization) {
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            accounts.signOut(authorization.substring(7).trim());
        }
    }

    @Operation(
            summary = "Change one's own password, giving the current one (at least 12 characters, 5 different, at most"
                    + " 72 bytes, not containing the user name). One's other dashboard sessions end; this one stays")
    @PostMapping("/api/me/password")
    Map<String, String> changePassword(
            @RequestBody NewPassword body,
            @RequestHeader(value = "Authorization", required = false) String authorization) {
        if (body == null || body.current() == null || body.next() == null) {
            throw new IllegalArgumentException("give the current password and the new one: {\"current\", \"new\"}");
        }
        String bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim()
                : null;
        accounts.changeOwnPassword(Audit.actor(), body.current(), body.next(), bearer);
        return Map.of("user", Audit.actor(), "changed", "password");
    }

    @Operation(summary = "Who is signed in, with which role")
    @GetMapping("/api/me")
    Me me() {
        String role = Audit.seesContactData()
                ? (org.springframework.security.core.context.SecurityContextHolder.getContext()
                                .getAuthentication()
                                .getAuthorities()
                                .stream()
                                .anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"))
                        ? "admin"
                        : "analyst")
                : "viewer";
        return new Me(Audit.actor(), role);
    }
}
