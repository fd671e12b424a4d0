package io.fidelis.cli;

import io.fidelis.core.classification.ManualOverride;
import io.fidelis.core.domain.Coded;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import io.fidelis.store.RecordedOverride;
import io.fidelis.store.Store;
import io.fidelis.store.csv.OverridesCsv;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fidelis override}: records a manual override of a customer's tier or stage, or lists them. */
@Command(
        name = "override",
        mixinStandardHelpOptions = true,
        description = {
            "Records a person's decision to set a customer's tier and/or stage by hand, from --from (or any date)"
                    + " until --expires (exclusive). Classify, explain and export apply the overrides in force on"
                    + " their as-of date and show them; the guardrail still applies. Overrides are never changed or"
                    + " deleted: a later one for the same customer wins while both are in force.",
            "With --list, prints the overrides (of CUSTOMER_ID, if given) and whether each is in force on --as-of.",
            "With --export FILE, writes every override recorded, in force or not, in the order recorded, to FILE as"
                    + " CSV (customer_id,tier,stage,reason,author,effective_from,expires_on), which the Spark job"
                    + " reads with --overrides.",
            "Exit codes: 0 done, 1 unknown customer, no book or a file that cannot be written, 2 wrong command line."
        })
final class OverrideCommand extends BookCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "CUSTOMER_ID", description = "the customer's id")
    String customerId;

    @Option(names = "--list", description = "list the overrides recorded instead of recording one")
    boolean list;

    @Option(
            names = "--export",
            paramLabel = "FILE",
            description = "write every override recorded to FILE (CSV, for the Spark job's --overrides)")
    Path export;

    @Option(
            names = "--tier",
            paramLabel = "high|medium|low",
            converter = TierConverter.class,
            description = "the tier to set")
    Tier tier;

    @Option(
            names = "--stage",
            paramLabel = "new|active|dormant|churned",
            converter = StageConverter.class,
            description = "the stage to set")
    Stage stage;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why, in your words (required)")
    String reason;

    @Option(names = "--author", paramLabel = "NAME", description = "who decides (required)")
    String author;

    @Option(
            names = "--expires",
            paramLabel = "yyyy-MM-dd",
            converter = GenerateCommand.IsoDate.class,
            description = "the first as-of date it no longer applies to (required)")
    LocalDate expires;

    @Option(
            names = "--from",
            paramLabel = "yyyy-MM-dd",
            converter = GenerateCommand.IsoDate.class,
            description = "the first as-of date it applies to (default: any date before --expires)")
    LocalDate from;

    @Option(
            names = "--as-of",
            paramLabel = "yyyy-MM-dd",
            converter = GenerateCommand.IsoDate.class,
            description = "with --list: the date to tell in force against (default: today)")
    LocalDate asOf;

    @Override
    int execute(PrintWriter out, PrintWriter err) {
        if (export != null) {
            if (list
                    || customerId != null
                    || tier != null
                    || stage != null
                    || reason != null
                    || author != null
                    || expires != null
                    || from != null
                    || asOf != null) {
                throw CommandFailure.usage("--export takes only FILE and --workspace: it writes every override");
            }
            return export(out);
        }
        if (list) {
            if (tier != null || stage != null || reason != null || author != null || expires != null || from != null) {
                throw CommandFailure.usage("--list takes only CUSTOMER_ID, --as-of and --workspace");
            }
            return list(out);
        }
        ManualOverride override = override();
        try (Store book = openBook()) {
            if (book.history(customerId).isEmpty()) {
                throw CommandFailure.data(
                        "no customer '" + customerId + "' in the book in " + where(book) + " (ids are case-sensitive)");
            }
            RecordedOverride recorded = book.overrides().record(override, Instant.now());
            out.printf(
                    "Override %d recorded: %s %s, %s until %s (exclusive), by %s: %s%n",
                    recorded.overrideId(),
                    customerId,
                    what(override),
                    from == null ? "from any date" : "from " + from,
                    expires,
                    author,
                    reason);
            return Main.OK;
        }
    }

    private ManualOverride override() {
        if (customerId == null) {
            throw CommandFailure.usage("give the CUSTOMER_ID to override, or --list");
        }
        if (tier == null && stage == null) {
            throw CommandFailure.usage("give --tier or --stage (or both): what the override sets");
        }
        if (reason == null || reason.isBlank() || author == null || author.isBlank() || expires == null) {
            throw CommandFailure.usage("an override needs --reason, --author and --expires");
        }
        if (from != null && !expires.isAfter(from)) {
            throw CommandFailure.usage("--expires " + expires + " must be after --from " + from);
        }
        return new ManualOverride(customerId, tier, stage, reason.strip(), author.strip(), from, expires);
    }

    private int export(PrintWriter out) {
        if (Files.isDirectory(export)) {
            throw CommandFailure.usage("--export " + export + " is a folder; give a file name");
        }
        try (Store book = openBook()) {
            List<ManualOverride> all = book.overrides().all().stream()
                    .map(RecordedOverride::override)
                    .toList();
            try {
                OverridesCsv.write(all, export);
            } catch (IOException e) {
                throw CommandFailure.data("cannot write " + export + ": " + e.getMessage()
                        + "; check that the folder is writable and the disk has space");
            }
            out.printf("Exported %d overrides (every one recorded, in force or not) to %s%n", all.size(), export);
            return Main.OK;
        }
    }

    private int list(PrintWriter out) {
        LocalDate on = asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC);
        try (Store book = openBook()) {
            List<RecordedOverride> all = book.overrides().all();
            List<RecordedOverride> shown = customerId == null
                    ? all
                    : all.stream()
                            .filter(r -> r.override().customerId().equals(customerId))
                            .toList();
            if (shown.isEmpty()) {
                out.println("No overrides recorded" + (customerId == null ? "." : " for " + customerId + "."));
                return Main.OK;
            }
            out.printf(
                    "%4s  %-12s  %-7s  %-8s  %-10s  %-10s  %-16s  %-16s  %s%n",
                    "id", "customer", "tier", "stage", "from", "expires", "on " + on, "author", "reason");
            for (RecordedOverride recorded : shown) {
                ManualOverride o = recorded.override();
                out.printf(
                        "%4d  %-12s  %-7s  %-8s  %-10s  %-10s  %-16s  %-16s  %s%n",
                        recorded.overrideId(),
                        o.customerId(),
                        o.tier() == null ? "-" : o.tier().code(),
                        o.stage() == null ? "-" : o.stage().code(),
                        o.effectiveFrom() == null ? "any" : o.effectiveFrom(),
                        o.expiresOn(),
                        status(o, on),
                        o.author(),
                        o.reason());
            }
            return Main.OK;
        }
    }

    private static String status(ManualOverride override, LocalDate on) {
        if (override.inForceOn(on)) {
            return "in force";
        }
        return on.isBefore(override.expiresOn()) ? "not yet" : "expired";
    }

    private static String what(ManualOverride override) {
        StringBuilder text = new StringBuilder();
        if (override.tier() != null) {
            text.append("tier ").append(override.tier().code());
        }
        if (override.stage() != null) {
            text.append(text.length() > 0 ? " and " : "")
                    .append("stage ")
                    .append(override.stage().code());
        }
        return text.toString();
    }

    static final class TierConverter implements CommandLine.ITypeConverter<Tier> {
        @Override
        public Tier convert(String value) {
            try {
                return Coded.parse(Tier.class, value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class StageConverter implements CommandLine.ITypeConverter<Stage> {
        @Override
        public Stage convert(String value) {
            try {
                return Coded.parse(Stage.class, value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
