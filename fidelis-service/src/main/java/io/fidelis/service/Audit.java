package io.fidelis.service;

import io.fidelis.store.AuditEntry;
import java.time.Clock;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Appends what the signed-in user did to the workspace's audit log. */
@Component
class Audit {

    private final Workspace workspace;
    private final Clock clock;

    Audit(Workspace workspace, Clock clock) {
        this.workspace = workspace;
        this.clock = clock;
    }

    void record(String action, String target, String detail) {
        workspace.audit.append(AuditEntry.of(clock.instant(), actor(), action, target, detail));
    }

    static String actor() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who == null ? "anonymous" : who.getName();
    }

    /** Whether the signed-in user sees contact data unmasked (analysts and admins; viewers do not). */
    static boolean seesContactData() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who != null
                && who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ANALYST"));
    }

    /**
     * A company name as a viewer sees it: its first character and asterisks. The contract holds no personal data of
     * contacts; the name is the one field that identifies a customer to someone who reads over a shoulder.
     */
    static String mask(String name) {
        if (name == null || name.isEmpty() || seesContactData()) {
            return name;
        }
        return name.codePoints()
                        .limit(1)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                + "***";
    }
}
