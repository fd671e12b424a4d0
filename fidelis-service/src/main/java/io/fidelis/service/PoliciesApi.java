package io.fidelis.service;

import io.fidelis.store.PolicyVersion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "policies", description = "Policy versions, differences, proposals and maker-checker approval")
class PoliciesApi {

    record VersionView(
            long versionId,
            String policy,
            String sha256,
            String state,
            boolean inForce,
            String proposedBy,
            Instant proposedAt,
            String decidedBy,
            Instant decidedAt) {}

    record Text(long versionId, String yaml) {}

    record Proposal(String yaml) {}

    record Diff(long from, long to, List<String> lines) {}

    private final Workspace workspace;
    private final Policies policies;

    PoliciesApi(Workspace workspace, Policies policies) {
        this.workspace = workspace;
        this.policies = policies;
    }

    @Operation(summary = "Every version; 0 is the shipped default, in force until a version is approved")
    @GetMapping("/api/policies")
    List<VersionView> versions() {
        long inForce = policies.inForce().versionId();
        Policies.InForce shipped = policies.shipped();
        List<VersionView> views = new ArrayList<>();
        views.add(new VersionView(
                0, shipped.policy().label(), shipped.sha256(), "shipped", inForce == 0, "fidelis", null, null, null));
        for (PolicyVersion v : workspace.policies.all()) {
            views.add(new VersionView(
                    v.versionId(),
                    v.policyId() + "@" + v.version(),
                    v.sha256(),
                    v.state(),
                    v.versionId() == inForce,
                    v.proposedBy(),
                    v.proposedAt(),
                    v.decidedBy(),
                    v.decidedAt()));
        }
        return views;
    }

    @Operation(summary = "One version's YAML")
    @GetMapping("/api/policies/{versionId}")
    Text text(@PathVariable long versionId) {
        return new Text(versionId, policies.text(versionId));
    }

    @Operation(summary = "The line differences between two versions")
    @GetMapping("/api/policies/{from}/diff/{to}")
    Diff diff(@PathVariable long from, @PathVariable long to) {
        return new Diff(from, to, Policies.diff(policies.text(from), policies.text(to)));
    }

    @Operation(summary = "Propose a policy (YAML, validated); another person must approve it")
    @PostMapping("/api/policies")
    VersionView propose(@RequestBody Proposal body) {
        if (body == null || body.yaml() == null) {
            throw new IllegalArgumentException("give the policy's yaml");
        }
        return view(policies.propose(body.yaml()));
    }

    @Operation(summary = "Approve a proposal (admin, not its proposer); it comes into force")
    @PostMapping("/api/policies/{versionId}/approve")
    VersionView approve(@PathVariable long versionId) {
        return view(policies.decide(versionId, true));
    }

    @Operation(summary = "Reject a proposal (admin, not its proposer)")
    @PostMapping("/api/policies/{versionId}/reject")
    VersionView reject(@PathVariable long versionId) {
        return view(policies.decide(versionId, false));
    }

    private VersionView view(PolicyVersion v) {
        return new VersionView(
                v.versionId(),
                v.policyId() + "@" + v.version(),
                v.sha256(),
                v.state(),
                v.versionId() == policies.inForce().versionId(),
                v.proposedBy(),
                v.proposedAt(),
                v.decidedBy(),
                v.decidedAt());
    }
}
