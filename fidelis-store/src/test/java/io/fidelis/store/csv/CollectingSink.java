package io.fidelis.store.csv;

import io.fidelis.store.Reject;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a reader sent, in order: records with their lines, rejects, warnings, and all of it as text. */
final class CollectingSink implements RowSink {

    final List<Record> records = new ArrayList<>();
    final List<Long> lines = new ArrayList<>();
    final List<Reject> rejects = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final List<String> transcript = new ArrayList<>();

    @Override
    public void row(Record record, long line) {
        records.add(record);
        lines.add(line);
        transcript.add(line + ": " + record);
    }

    @Override
    public void reject(Reject reject) {
        rejects.add(reject);
        transcript.add("reject " + reject.describe());
    }

    @Override
    public void warning(String file, String message) {
        warnings.add(message);
        transcript.add("warning " + file + ": " + message);
    }
}
