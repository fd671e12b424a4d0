package io.fidelis.cli;

import io.fidelis.core.domain.Table;
import io.fidelis.store.BookStore;
import io.fidelis.store.Store;
import io.fidelis.store.StoreException;
import io.fidelis.store.duckdb.DuckDbBookStore;
import io.fidelis.store.policy.PolicyException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What the commands that work on an imported book share: the {@code --workspace} and database options, opening the book, and
 * turning user errors into a one-line message and an exit code.
 */
abstract class BookCommand implements Callable<Integer> {

    /** What to do when the workspace holds no book yet. */
    static final String IMPORT_FIRST = "import a book first: fidelis import DIR";

    @Option(
            names = "--workspace",
            paramLabel = "W",
            defaultValue = "fidelis-workspace",
            description = "where the book is kept (default: ${DEFAULT-VALUE} in the current folder)")
    Path workspace;

    @Mixin
    DatabaseOptions database;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String name = "fidelis " + spec.name() + ": ";
        try {
            return execute(out, err);
        } catch (CommandFailure e) {
            err.println(name + e.getMessage());
            return e.exitCode();
        } catch (PolicyException e) {
            err.println(name + "the policy cannot be used:");
            e.problems().forEach(p -> err.println("  " + p.describe()));
            return Main.DATA_ERRORS;
        } catch (StoreException e) {
            err.println(name + e.getMessage());
            return Main.DATA_ERRORS;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Runs the command; throws {@link CommandFailure} for user errors. */
    abstract int execute(PrintWriter out, PrintWriter err) throws PolicyException;

    /** Opens the book (the workspace's, or the database's), which must hold customers; never creates a workspace. */
    Store openBook() {
        if (!database.isServer() && !Files.isRegularFile(workspace.resolve(DuckDbBookStore.DATABASE_FILE))) {
            throw CommandFailure.data("the workspace " + workspace + " holds no book; " + IMPORT_FIRST);
        }
        Store book = database.open(workspace);
        if (customers(book) == 0) {
            book.close();
            throw CommandFailure.data("the book in " + where(book) + " has no customers; " + IMPORT_FIRST);
        }
        return book;
    }

    /** Where the book is, for messages: the workspace, or the database's URL. */
    Object where(Store book) {
        return database.isServer() ? book.location() : workspace;
    }

    static long customers(BookStore book) {
        return book.counts().get(Table.CUSTOMERS);
    }
}
