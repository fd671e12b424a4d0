package io.fidelis.service;

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
