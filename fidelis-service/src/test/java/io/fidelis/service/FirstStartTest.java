package io.fidelis.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** There is no default password: the first start makes an admin with a one-time secret, printed once. */
class FirstStartTest {

    @TempDir
    Path folder;

    @Test
    void theFirstStartPrintsAOneTimeSecretThatSignsInAndTheNextStartPrintsNothing() {
        String first = start();
        String secret = first.lines()
                .filter(line -> line.startsWith("  "))
                .findFirst()
                .orElseThrow()
                .strip();

        assertThat(secret).hasSize(48).matches("[0-9a-f]+");
        Workspace workspace = new Workspace(folder.toString(), "", "", "");
        Audit audit = new Audit(workspace, Clock.systemUTC());
        try {
            Accounts accounts = new Accounts(
                    workspace,
                    PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                    Clock.systemUTC(),
                    audit,
                    new SignInGuard(workspace.signInFailures, Clock.systemUTC(), 5, 15),
                    new DashboardSessions(workspace, "-"));
            assertThat(accounts.signIn("admin", secret)).isPresent();
            assertThat(accounts.signIn("admin", "admin")).isEmpty();
            assertThat(workspace.users.find("admin").orElseThrow().passwordHash())
                    .startsWith("{bcrypt}")
                    .doesNotContain(secret);
        } finally {
            audit.destroy();
            workspace.destroy();
        }
        assertThat(start()).doesNotContain("one-time secret");
    }

    private String start() {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        Workspace workspace = new Workspace(folder.toString(), "", "", "");
        Audit audit = new Audit(workspace, Clock.systemUTC());
        try {
            new Accounts(
                    workspace,
                    PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                    Clock.systemUTC(),
                    audit,
                    new SignInGuard(workspace.signInFailures, Clock.systemUTC(), 5, 15),
                    new DashboardSessions(workspace, "-"));
        } finally {
            System.setOut(original);
            audit.destroy();
            workspace.destroy();
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
