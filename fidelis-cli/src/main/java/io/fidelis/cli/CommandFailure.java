package io.fidelis.cli;

/** A user error a command reports in one line, without a stack trace, and ends with {@link #exitCode()}. */
final class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    private CommandFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** Something about the data or the workspace is wrong: exit code 1. */
    static CommandFailure data(String message) {
        return new CommandFailure(Main.DATA_ERRORS, message);
    }

    /** The command line is wrong: exit code 2. */
    static CommandFailure usage(String message) {
        return new CommandFailure(Main.USAGE, message);
    }

    int exitCode() {
        return exitCode;
    }
}
