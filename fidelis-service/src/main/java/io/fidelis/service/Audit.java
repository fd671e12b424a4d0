package io.fidelis.service;

import java.time.Clock;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Appends what the signed-in user did to the workspace's audit log through an {@link AuditJournal}: the entry is in
 * the journal file before the request answers (a failed write fails the request), and a writer thread commits the
 * waiting entries to the log in one transaction (group commit) without the request waiting for it. Stopping the
 * service commits every waiting entry.
 */
@Component
class Audit implements DisposableBean {

    /** The journal's file in the workspace folder. */
    static final String JOURNAL = "audit-journal.log";

    private final Clock clock;
    private final AuditJournal journal;

    Audit(Workspace workspace, Clock clock) {
        this.clock = clock;
        this.journal = new AuditJournal(workspace.audit, workspace.folder.resolve(JOURNAL));
    }

    void record(String action, String target, String detail) {
        recordAs(actor(), action, target, detail);
    }

    /** An entry for an action of {@code actor}, who may not be the signed-in user (e.g. the first start). */
    void recordAs(String actor, String action, String target, String detail) {
        journal.append(clock, actor, action, target, detail);
    }

    /** Waits until the entries of actions done so far are in the log, so that reading it shows them. */
    void awaitCommitted() {
        journal.awaitCommitted();
    }

    @Override
    public void destroy() {
        journal.close();
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
