package io.fidelis.service;

import io.fidelis.core.policy.Policy;
import io.fidelis.store.PolicyVersion;
import io.fidelis.store.policy.PolicyException;
import io.fidelis.store.policy.PolicyYaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The policy in force: the latest approved version, or the shipped {@code default} until one is approved; and the
 * maker-checker steps around it.
 */
@Component
class Policies {

    /** The policy in force with the text and hash it was read from. */
    record InForce(Policy policy, String yaml, String sha256, long versionId) {}

    private final Workspace workspace;
    private final Audit audit;
    private final Clock clock;
    private final InForce shipped;
    private volatile InForce inForce;

    Policies(Workspace workspace, Audit audit, Clock clock) {
        this.workspace = workspace;
        this.audit = audit;
        this.clock = clock;
        String yaml = shippedText("default");
        this.shipped = new InForce(parse(yaml, "default.yaml"), yaml, Accounts.sha256Bytes(yaml), 0);
        this.inForce = load();
    }

    InForce inForce() {
        return inForce;
    }

    /** Reads the policy in force again (another process may have approved a version). */
    void reload() {
        inForce = load();
    }

    InForce shipped() {
        return shipped;
    }

    PolicyVersion propose(String yaml) {
        Policy policy = parse(yaml, "proposal");
        PolicyVersion version = workspace.policies.propose(
                policy.id(), policy.version(), Accounts.sha256Bytes(yaml), yaml, Audit.actor(), clock.instant());
        audit.record("policy.propose", "version " + version.versionId(), policy.label());
        return version;
    }

    PolicyVersion decide(long versionId, boolean approve) {
        PolicyVersion decided = workspace.policies.decide(versionId, approve, Audit.actor(), clock.instant());
        audit.record(
                approve ? "policy.approve" : "policy.reject",
                "version " + versionId,
                decided.policyId() + "@" + decided.version());
        inForce = load();
        return decided;
    }

    /** The text of a version; 0 is the shipped default. */
    String text(long versionId) {
        if (versionId == 0) {
            return shipped.yaml();
        }
        return workspace
                .policies
                .get(versionId)
                .orElseThrow(() -> new java.util.NoSuchElementException("no policy version " + versionId))
                .yaml();
    }

    private InForce load() {
        return workspace
                .policies
                .active()
                .map(v -> new InForce(parse(v.yaml(), "version " + v.versionId()), v.yaml(), v.sha256(), v.versionId()))
                .orElse(shipped);
    }

    static Policy parse(String yaml, String source) {
        try {
            return PolicyYaml.parse(yaml, source);
        } catch (PolicyException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private static String shippedText(String name) {
        try (InputStream in = PolicyYaml.class.getResourceAsStream("/policies/" + name + ".yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line diff of two texts (longest common subsequence): lines kept {@code " "}, removed "-", added "+". */
    static List<String> diff(String from, String to) {
        String[] a = from.split("\n", -1);
        String[] b = to.split("\n", -1);
        if ((long) a.length * b.length > 4_000_000L) {
            throw new IllegalArgumentException("the policies are too long to compare line by line");
        }
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] =
                        a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                lines.add("  " + a[i++]);
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                lines.add("- " + a[i++]);
            } else {
                lines.add("+ " + b[j++]);
            }
        }
        while (i < a.length) {
            lines.add("- " + a[i++]);
        }
        while (j < b.length) {
            lines.add("+ " + b[j++]);
        }
        return lines;
    }
}
