package io.fidelis.service;

import io.fidelis.store.ApiToken;
import io.fidelis.store.AssignmentSet;
import io.fidelis.store.AuditEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "admin", description = "Users, API tokens, the audit log; and the strategies under evaluation")
class AdminApi {

    record NewUser(String name, String role, String password) {}

    record UserView(String name, String role) {}

    record NewToken(String user, String label) {}

    /** A token as listed: never the token nor its hash. */
    record TokenView(long id, String user, String label, Instant created, Instant revokedAt, String revokedBy) {

        static TokenView of(ApiToken token) {
            return new TokenView(
                    token.tokenId(),
                    token.user(),
                    token.label(),
                    token.createdAt(),
                    token.revokedAt(),
                    token.revokedBy());
        }
    }

    record MadeToken(String token, long id, String user) {}

    record ResetPassword(String user, String password) {}

    record Evaluation(String strategyId, LocalDate assignedOn, long treatment, long control, String source) {}

    private final Workspace workspace;
    private final Accounts accounts;
    private final Audit audit;

    AdminApi(Workspace workspace, Accounts accounts, Audit audit) {
        this.audit = audit;
        this.workspace = workspace;
        this.accounts = accounts;
    }

    @Operation(summary = "Every user and role")
    @GetMapping("/api/users")
    List<UserView> users() {
        return workspace.users.all().stream()
                .map(u -> new UserView(u.name(), u.role()))
                .toList();
    }

    @Operation(summary = "Add a user with a role (viewer, analyst, admin) and a password of 12 characters or more")
    @PostMapping("/api/users")
    UserView addUser(@RequestBody NewUser body) {
        if (body == null || body.name() == null || body.role() == null) {
            throw new IllegalArgumentException("give name, role and password");
        }
        Role role = Role.of(body.role());
        accounts.add(body.name(), role, body.password(), Audit.actor());
        return new UserView(body.name(), role.code());
    }

    @Operation(
            summary = "Give a user a new random one-time password, shown only in this answer; their sessions end."
                    + " Tell it to them by a safe channel; they sign in with it and change it (POST /api/me/password)")
    @PostMapping("/api/users/{name}/password")
    ResetPassword resetPassword(@PathVariable String name) {
        return new ResetPassword(name, accounts.resetPassword(name, Audit.actor()));
    }

    @Operation(summary = "Make an API token acting as a user; the token is shown only in this answer")
    @PostMapping("/api/tokens")
    MadeToken addToken(@RequestBody NewToken body) {
        if (body == null || body.user() == null) {
            throw new IllegalArgumentException("give the user the token acts as");
        }
        Accounts.NewToken made = accounts.newToken(body.user(), body.label(), Audit.actor());
        return new MadeToken(
                made.token(), made.stored().tokenId(), made.stored().user());
    }

    @Operation(summary = "Every API token, revoked ones included (never the token or its hash)")
    @GetMapping("/api/tokens")
    List<TokenView> tokens() {
        return workspace.tokens.all().stream().map(TokenView::of).toList();
    }

    @Operation(
            summary = "Revoke an API token: refused from now on by this service, by others on the same database"
                    + " within fidelis.store-refresh-ms. Revoking it again is 409 (the first revocation is kept)")
    @PostMapping("/api/tokens/{id}/revoke")
    TokenView revokeToken(@PathVariable long id) {
        return TokenView.of(accounts.revoke(id, Audit.actor()));
    }

    @Operation(summary = "The latest audit entries, newest first")
    @GetMapping("/api/audit")
    List<AuditEntry> audit(@RequestParam(defaultValue = "200") int limit) {
        audit.awaitCommitted();
        return workspace.audit.latest(Math.min(Math.max(limit, 1), 10_000));
    }

    record Evaluations(List<Evaluation> strategies, List<String> results) {}

    private static final java.util.regex.Pattern RESULT =
            java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*\\.json");

    @Operation(
            summary = "The strategies with stored assignments, and the saved results of fidelis evaluate --json"
                    + " (files in the workspace's evaluations folder)")
    @GetMapping("/api/evaluations")
    Evaluations evaluations() {
        return new Evaluations(strategies(), results());
    }

    @Operation(summary = "One saved evaluation result (as fidelis evaluate --json wrote it): effects with intervals")
    @GetMapping(value = "/api/evaluations/{name}", produces = "application/json")
    String evaluation(@PathVariable String name) throws java.io.IOException {
        // only a name the folder listing offers is read: nothing from the request becomes a path
        if (!RESULT.matcher(name).matches() || !results().contains(name)) {
            throw new java.util.NoSuchElementException("no saved evaluation named " + name);
        }
        return java.nio.file.Files.readString(
                evaluationsFolder().resolve(name), java.nio.charset.StandardCharsets.UTF_8);
    }

    private java.nio.file.Path evaluationsFolder() {
        return workspace.folder.resolve("evaluations");
    }

    private List<String> results() {
        java.nio.file.Path folder = evaluationsFolder();
        if (!java.nio.file.Files.isDirectory(folder)) {
            return List.of();
        }
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(folder)) {
            return files.filter(java.nio.file.Files::isRegularFile)
                    .map(f -> f.getFileName().toString())
                    .filter(n -> RESULT.matcher(n).matches())
                    .sorted()
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<Evaluation> strategies() {
        return workspace.book.strategyAssignments().sets().stream()
                .map((AssignmentSet s) -> new Evaluation(
                        s.strategyId(),
                        s.assignedOn(),
                        s.treatment(),
                        s.control(),
                        s.source().name().toLowerCase()))
                .toList();
    }
}
