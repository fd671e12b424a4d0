package io.fidelis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small generated book with the worked case's experiment ({@code assignments.csv}), imported into fresh
 * workspaces, for the assign and evaluate tests.
 */
final class ExperimentBook {

    /** The strategy's start in the generated book: a year before its end. */
    static final String START = "2025-09-30";

    static final String STRATEGY = "worked-case";

    private final Path folder;
    private final Path book;
    private int workspaces;

    private ExperimentBook(Path folder) {
        this.folder = folder;
        this.book = folder.resolve("book");
    }

    /** Generates {@code customers} customers with the worked case's effects into {@code folder}/book. */
    static ExperimentBook generate(Path folder, int customers, long seed) {
        ExperimentBook experiment = new ExperimentBook(folder);
        Cli.Result generated = Cli.run(
                "generate",
                "--customers",
                Integer.toString(customers),
                "--seed",
                Long.toString(seed),
                "--out",
                experiment.book.toString(),
                "--strategy-start",
                START,
                "--effects",
                "churn=-0.30,high_default=-0.20,medium_satisfaction=+0.3");
        assertThat(generated.exit()).as(generated.err()).isEqualTo(Main.OK);
        return experiment;
    }

    Path book() {
        return book;
    }

    Path assignmentsFile() {
        return book.resolve("assignments.csv");
    }

    /** A new workspace with the book imported. */
    Path freshWorkspace() {
        Path workspace = folder.resolve("workspace-" + ++workspaces);
        Cli.Result imported = Cli.run("import", book.toString(), "--workspace", workspace.toString());
        assertThat(imported.exit()).as(imported.out()).isEqualTo(Main.OK);
        return workspace;
    }

    /** Runs fidelis with {@code --workspace workspace} appended. */
    static Cli.Result fidelis(Path workspace, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--workspace");
        all.add(workspace.toString());
        return Cli.run(all.toArray(String[]::new));
    }
}
