package io.fidelis.service;

import io.fidelis.store.AssignmentSet;
import io.fidelis.store.AuditEntry;
import io.fidelis.store.duckdb.DuckDbStrategyAssignments;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
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

    record Evaluation(String strategyId, LocalDate assignedOn, long treatment, long control, String source) {}

    private final Workspace workspace;
    private final Accounts accounts;

    AdminApi(Workspace workspace, Accounts accounts) {
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

    @Operation(summary = "Make an API token acting as a user; the token is shown only in this answer")
    @PostMapping("/api/tokens")
    Map<String, String> addToken(@RequestBody NewToken body) {
        if (body == null || body.user() == null) {
            throw new IllegalArgumentException("give the user the token acts as");
        }
        return Map.of("token", accounts.newToken(body.user(), body.label(), Audit.actor()), "user", body.user());
    }

    @Operation(summary = "The latest audit entries, newest first")
    @GetMapping("/api/audit")
    List<AuditEntry> audit(@RequestParam(defaultValue = "200") int limit) {
        return workspace.audit.latest(Math.min(Math.max(limit, 1), 10_000));
    }

    @Operation(summary = "The strategies with stored assignments (evaluate them with fidelis evaluate)")
    @GetMapping("/api/evaluations")
    List<Evaluation> evaluations() {
        return DuckDbStrategyAssignments.of(workspace.book).sets().stream()
                .map((AssignmentSet s) -> new Evaluation(
                        s.strategyId(),
                        s.assignedOn(),
                        s.treatment(),
                        s.control(),
                        s.source().name().toLowerCase()))
                .toList();
    }
}
