package io.fidelis.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fidelis.store.AuditEntry;
import io.fidelis.store.AuditLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit's write-ahead journal: nothing lost on a normal stop or after a kill, the log's order kept. */
class AuditJournalTest {

    @TempDir
    Path folder;

    @Test
    void aSecondServiceIsRefusedTheJournalOfARunningOneAndTakesItOnceThatStopped() {
        ListLog log = new ListLog();
        AuditJournal running = new AuditJournal(log, folder.resolve(Audit.JOURNAL));
        running.append(Clock.systemUTC(), "ana", "customer.classify", "C1", "");

        assertThatThrownBy(() -> new AuditJournal(log, folder.resolve(Audit.JOURNAL)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another service is using the audit journal")
                .hasMessageContaining("its own --workspace folder");
        running.close();
        assertThat(log.entries).hasSize(1);

        new AuditJournal(log, folder.resolve(Audit.JOURNAL)).close();
        assertThat(log.entries).hasSize(1);
    }

    @Test
    void aNormalStopCommitsEveryEntryInTheOrderTheyWereJournaled() throws Exception {
        ListLog log = new ListLog();
        AuditJournal journal = new AuditJournal(log, folder.resolve(Audit.JOURNAL));
        ExecutorService requests = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 2000; i++) {
            int n = i;
            requests.submit(() -> journal.append(Clock.systemUTC(), "ana", "customer.classify", "C" + n, ""));
        }
        requests.shutdown();
        assertThat(requests.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        journal.close();

        assertThat(log.entries).hasSize(2000);
        assertThat(log.entries.stream().map(AuditEntry::target).distinct()).hasSize(2000);
        assertThat(log.entries).isSortedAccordingTo((a, b) -> a.at().compareTo(b.at()));
        assertThat(Files.size(folder.resolve(Audit.JOURNAL))).isZero();
    }

    @Test
    void entriesRecordedBeforeANormalStopAreInTheWorkspacesLogAfterIt() {
        Workspace workspace = new Workspace(folder.toString(), "", "", "");
        Audit audit = new Audit(workspace, Clock.systemUTC());
        for (int i = 1; i <= 50; i++) {
            audit.recordAs("ana", "customer.classify", "C" + i, "");
        }
        audit.destroy();
        workspace.destroy();

        Workspace reopened = new Workspace(folder.toString(), "", "", "");
        try {
            List<AuditEntry> newestFirst = reopened.audit.latest(100);
            assertThat(newestFirst).hasSize(50);
            assertThat(newestFirst.get(0).target()).isEqualTo("C50");
            assertThat(newestFirst.get(49).target()).isEqualTo("C1");
            assertThat(newestFirst).isSortedAccordingTo((a, b) -> Long.compare(b.entryId(), a.entryId()));
        } finally {
            reopened.destroy();
        }
    }

    @Test
    void entriesAreKeptWhileTheLogFailsAndCommittedWhenItRecovers() {
        ListLog log = new ListLog();
        log.failures.set(3);
        AuditJournal journal = new AuditJournal(log, folder.resolve(Audit.JOURNAL));
        journal.append(Clock.systemUTC(), "ana", "override.record", "C1", "first");
        journal.append(Clock.systemUTC(), "ana", "override.record", "C2", "second");
        journal.awaitCommitted();
        journal.close();

        assertThat(log.entries).extracting(AuditEntry::detail).containsExactly("first", "second");
    }

    @Test
    void aStartAfterAKillCommitsWhatTheJournalHoldsButTheLogDoesNot() throws Exception {
        Instant t = Instant.parse("2026-11-28T20:00:00.123456789Z");
        AuditEntry committed = AuditEntry.of(t, "ana", "customer.classify", "C1", "");
        AuditEntry lost = AuditEntry.of(t.plusMillis(1), "bob", "policy.propose", "3", "tab\there\nand a line");
        ListLog log = new ListLog();
        log.appendAll(List.of(AuditEntry.of(t.minusSeconds(60), "ana", "run.classify", "", ""), committed));
        Files.writeString(
                folder.resolve(Audit.JOURNAL),
                AuditJournal.line(committed) + AuditJournal.line(lost),
                StandardCharsets.UTF_8);

        new AuditJournal(log, folder.resolve(Audit.JOURNAL)).close();

        assertThat(log.entries)
                .extracting(AuditEntry::action)
                .containsExactly("run.classify", "customer.classify", "policy.propose");
        assertThat(log.entries.get(2).detail()).isEqualTo("tab\there\nand a line");
        assertThat(Files.size(folder.resolve(Audit.JOURNAL))).isZero();
    }

    @Test
    void aStartAfterAKillRecognisesItsCommittedEntriesAmongThoseOfOtherServices() throws Exception {
        Instant t = Instant.parse("2026-11-28T20:00:00.123456789Z");
        AuditEntry first = AuditEntry.of(t, "ana", "customer.classify", "C1", "");
        AuditEntry second = AuditEntry.of(t.plusMillis(1), "ana", "override.record", "C1", "tier low");
        AuditEntry lost = AuditEntry.of(t.plusMillis(2), "ana", "customer.classify", "C2", "");
        ListLog log = new ListLog();
        List<AuditEntry> others = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            others.add(
                    AuditEntry.of(t.plusMillis(1).plusNanos(1000 * (i + 1)), "bob", "customer.classify", "B" + i, ""));
        }
        // this service committed two entries, the other service fifty after them; then this one was killed
        log.appendAll(List.of(first, second));
        log.appendAll(others);
        Files.writeString(
                folder.resolve(Audit.JOURNAL),
                AuditJournal.line(first) + AuditJournal.line(second) + AuditJournal.line(lost),
                StandardCharsets.UTF_8);

        new AuditJournal(log, folder.resolve(Audit.JOURNAL)).close();

        assertThat(log.entries).hasSize(53);
        assertThat(log.entries.stream().filter(e -> e.actor().equals("ana")))
                .extracting(AuditEntry::target)
                .containsExactly("C1", "C1", "C2");
    }

    @Test
    void aStoppedJournalRefusesNewEntries() {
        AuditJournal journal = new AuditJournal(new ListLog(), folder.resolve(Audit.JOURNAL));
        journal.close();

        assertThatThrownBy(() -> journal.append(
                        Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), "ana", "customer.classify", "C1", ""))
                .hasMessageContaining("stopping");
    }

    /** An audit log in a list, failing its next {@code failures} appends. */
    private static final class ListLog implements AuditLog {
        final List<AuditEntry> entries = new ArrayList<>();
        final AtomicInteger failures = new AtomicInteger();

        @Override
        public AuditEntry append(AuditEntry entry) {
            return appendAll(List.of(entry)).get(0);
        }

        @Override
        public synchronized List<AuditEntry> appendAll(List<AuditEntry> batch) {
            if (failures.getAndDecrement() > 0) {
                throw new IllegalStateException("database unavailable");
            }
            List<AuditEntry> numbered = new ArrayList<>();
            for (AuditEntry entry : batch) {
                AuditEntry e = new AuditEntry(
                        entries.size() + 1, entry.at(), entry.actor(), entry.action(), entry.target(), entry.detail());
                entries.add(e);
                numbered.add(e);
            }
            return numbered;
        }

        @Override
        public synchronized List<AuditEntry> latest(int limit) {
            List<AuditEntry> newest = new ArrayList<>(entries);
            java.util.Collections.reverse(newest);
            return newest.subList(0, Math.min(limit, newest.size()));
        }
    }
}
