package io.fidelis.generator;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a generation run wrote.
 *
 * @param settings the settings it ran with
 * @param files the CSV files written (the six tables of the contract, then {@code truth.csv}) with their row counts
 * @param parameters the {@code generation.json} file recording the settings
 * @param customersByArchetype how many customers of each archetype, in archetype order
 * @param experiment what the simulated experiment did, or null when the book has none
 */
public record GenerationSummary(
        GeneratorSettings settings,
        List<WrittenFile> files,
        Path parameters,
        Map<Archetype, Integer> customersByArchetype,
        ExperimentSummary experiment) {

    public GenerationSummary {
        files = List.copyOf(files);
        customersByArchetype = Collections.unmodifiableMap(new EnumMap<>(customersByArchetype));
    }

    /** What the simulated experiment did, if the book has one. */
    public Optional<ExperimentSummary> experimentSummary() {
        return Optional.ofNullable(experiment);
    }

    /**
     * One CSV file written.
     *
     * @param path where
     * @param rows data rows, header excluded
     */
    public record WrittenFile(Path path, long rows) {

        /** The file's name, e.g. {@code loans.csv}. */
        public String name() {
            return path.getFileName().toString();
        }
    }
}
