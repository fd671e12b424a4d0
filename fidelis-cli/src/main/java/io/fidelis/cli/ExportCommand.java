package io.fidelis.cli;

import io.fidelis.store.RunHeader;
import io.fidelis.store.Runs;
import io.fidelis.store.Store;
import io.fidelis.store.policy.PolicyException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fidelis export --as-of DATE --format csv|json --out FILE}: a run's results for other systems. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Writes one record per customer (tier, score, stage, reason codes, actions and every feature value;"
                    + " empty when missing, never 0) to a CSV (RFC 4180, UTF-8) or JSON file, atomically.",
            "The results come from --run, or from the latest stored run as of --as-of with the same policy content"
                    + " and input; when there is none, the book is classified now and stored as a new run first.",
            "Exit codes: 0 written, 1 no book, no such run, a bad policy or the file cannot be written,"
                    + " 2 wrong command line."
        })
final class ExportCommand extends BookCommand {

    enum Format {
        CSV,
        JSON
    }

    /** {@code csv} or {@code json}, in any case. */
    static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> Format.CSV;
                case "json" -> Format.JSON;
                default -> throw new CommandLine.TypeConversionException("'" + value + "' is not one of csv, json");
            };
        }
    }

    @Option(
            names = "--as-of",
            paramLabel = "yyyy-MM-dd",
            converter = GenerateCommand.IsoDate.class,
            description = "the as-of date of the results (required unless --run is given)")
    LocalDate asOf;

    @Option(
            names = "--format",
            required = true,
            paramLabel = "csv|json",
            converter = FormatConverter.class,
            description = "csv or json")
    Format format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the file to write (replaced whole)")
    Path out;

    @Option(
            names = "--run",
            paramLabel = "ID",
            description = "export this stored run (its own policy and as-of date; do not give --policy)")
    Long runId;

    @Mixin
    PolicyOption policy;

    @Override
    int execute(PrintWriter stdout, PrintWriter err) throws PolicyException {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        if (runId == null && asOf == null) {
            throw CommandFailure.usage("give --as-of DATE (or --run ID)");
        }
        if (runId != null && parsed.hasMatchedOption("--policy")) {
            throw CommandFailure.usage("--run exports a stored run under its own policy: leave out --policy");
        }
        if (Files.isDirectory(out)) {
            throw CommandFailure.usage("--out " + out + " is a folder; give a file name");
        }
        PolicyOption.Loaded loaded = runId == null ? policy.load() : null;
        try (Store book = openBook()) {
            Runs runs = book.runs();
            RunHeader run = runId != null ? stored(runs) : latestOrNew(book, runs, loaded, err);
            RunExport export = new RunExport(runs, run);
            long customers;
            try {
                customers = format == Format.CSV ? export.csv(out) : export.json(out);
            } catch (IOException e) {
                throw CommandFailure.data("cannot write " + out + ": " + e.getMessage()
                        + "; check that the folder is writable and the disk has space");
            }
            stdout.printf(
                    Locale.ROOT,
                    "Exported %,d customers of run %d (%s, as of %s) to %s%n",
                    customers,
                    run.runId(),
                    run.provenance().policyLabel(),
                    run.provenance().asOf(),
                    out);
            return Main.OK;
        }
    }

    private RunHeader stored(Runs runs) {
        RunHeader run = runs.run(runId)
                .orElseThrow(() -> CommandFailure.data(
                        "no run " + runId + " in " + workspace + "; classify first: fidelis classify --as-of DATE"));
        if (asOf != null && !asOf.equals(run.provenance().asOf())) {
            throw CommandFailure.usage(
                    "run " + runId + " is as of " + run.provenance().asOf() + ", not " + asOf + "; leave out --as-of");
        }
        return run;
    }

    private RunHeader latestOrNew(Store book, Runs runs, PolicyOption.Loaded loaded, PrintWriter err) {
        Optional<RunHeader> latest = runs.latest(asOf, loaded.sha256(), book.inputFingerprint());
        if (latest.isPresent()) {
            return latest.get();
        }
        err.printf(
                "No stored run as of %s with policy %s and this input: classifying the book now.%n",
                asOf, loaded.policy().label());
        err.flush();
        return ClassifyCommand.classify(book, loaded, asOf);
    }
}
