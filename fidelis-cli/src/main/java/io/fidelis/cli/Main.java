package io.fidelis.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code fidelis} command. Exit codes: 0 ok, 1 data errors, 2 usage. */
@Command(
        name = "fidelis",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Customer loyalty classification for lenders.",
        subcommands = {
            CommandLine.HelpCommand.class,
            GenerateCommand.class,
            ImportCommand.class,
            DemoCommand.class,
            ClassifyCommand.class,
            ExplainCommand.class,
            ExportCommand.class,
            ExportBookCommand.class,
            OverrideCommand.class,
            AssignCommand.class,
            EvaluateCommand.class,
            MigrateCommand.class,
            CohortCommand.class,
            ConsistencyCommand.class,
            ReportCommand.class,
            ModelCommand.class,
            WatchCommand.class
        })
public final class Main implements Runnable {

    /** Exit code for success. */
    public static final int OK = 0;
    /** Exit code when the data broke a rule of the contract. */
    public static final int DATA_ERRORS = 1;
    /** Exit code for a wrong command line. */
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Chinese labels must survive a terminal or pipe whose locale is C or POSIX: always write UTF-8.
        CommandLine cli = commandLine();
        cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        System.exit(cli.execute(args));
    }

    /** Runs the command line and returns its exit code, without exiting: for tests and the demo. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? USAGE : DATA_ERRORS);
        cli.getCommandSpec().exitCodeOnInvalidInput(USAGE);
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The code version: the jar's Implementation-Version, or "dev" when run from classes. */
    static String codeVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"fidelis " + codeVersion()};
        }
    }
}
