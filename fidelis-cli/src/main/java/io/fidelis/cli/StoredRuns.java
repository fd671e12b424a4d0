package io.fidelis.cli;

import io.fidelis.store.RunHeader;
import io.fidelis.store.Runs;
import java.nio.file.Path;
import java.time.LocalDate;

/** Finding the stored runs a command reads, by id or by date, with a hint to classify when there is none. */
final class StoredRuns {

    private StoredRuns() {}

    /** The run {@code runId}; a data error naming the workspace when it is not stored. */
    static RunHeader byId(Runs runs, Path workspace, long runId) {
        return runs.run(runId)
                .orElseThrow(() -> CommandFailure.data("no run " + runId + " in " + workspace
                        + "; the runs are numbered as classify prints them, or classify first:"
                        + " fidelis classify --as-of DATE"));
    }

    /** The latest run as of {@code date}, whatever its policy; a data error with a hint when there is none. */
    static RunHeader asOf(Runs runs, Path workspace, LocalDate date) {
        return runs.latest(date)
                .orElseThrow(() -> CommandFailure.data("no run as of " + date + " in " + workspace
                        + "; classify first: fidelis classify --as-of " + date
                        + " (or a series of month-ends: fidelis classify --from DATE --to DATE --every month)"));
    }

    /** A run's short description: {@code run 12 (as of 2026-09-30, default@2026.1)}. */
    static String describe(RunHeader run) {
        return "run " + run.runId() + " (as of " + run.provenance().asOf() + ", "
                + run.provenance().policyLabel() + ")";
    }
}
