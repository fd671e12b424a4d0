package io.fidelis.generator;

import io.fidelis.generator.BookCsvWriter.BookFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Writes a synthetic corporate loan book: {@code customers.csv}, {@code loans.csv}, {@code installments.csv},
 * {@code complaints.csv}, {@code surveys.csv} and {@code interactions.csv} in the input contract's format, covering
 * the settings' period; {@code truth.csv} with the archetype and intended tier and stage of every customer (see
 * {@link Archetype}); and {@code generation.json} with the settings and the generator version.
 *
 * <p>Everything is as of the end date: loan statuses and payments are those known on that day, nothing dated after it
 * is written, and installments due after it are not written (the schedule stops at the end date). Records dated
 * before the period are left out, except the onboarding date of customers and the start of loans still running in
 * it.
 *
 * <p>Customers are generated one after the other, each from its own random stream seeded by (seed, index), and
 * streamed to the files, so memory stays flat whatever the number of customers and the same settings give the same
 * bytes.
 */
public final class BookGenerator {

    /** The name of the file recording the settings. */
    public static final String PARAMETERS_FILE = "generation.json";

    private static final int PROGRESS_EVERY = 500;

    private final GeneratorSettings settings;
    private final Experiment experiment;

    public BookGenerator(GeneratorSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.experiment = null;
    }

    /**
     * A generator that also simulates {@code experiment}: {@code assignments.csv} is written and the treated
     * customers' records carry the strategy's effects.
     *
     * @throws IllegalArgumentException when the experiment's start is not within the period, as {@link
     *     Experiment#checkWithin} says
     */
    public BookGenerator(GeneratorSettings settings, Experiment experiment) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.experiment = Objects.requireNonNull(experiment, "experiment");
        experiment.checkWithin(settings);
    }

    /**
     * Writes the book into {@code directory} (created if needed; files of the same names are replaced, and an {@code
     * assignments.csv} of an earlier book is removed when this one has no experiment).
     *
     * @param progress told the number of customers written so far, now and then and once at the end
     */
    public GenerationSummary writeTo(Path directory, IntConsumer progress) throws IOException {
        Objects.requireNonNull(progress, "progress");
        Files.createDirectories(directory);
        CustomerSimulation simulation = new CustomerSimulation(settings);
        Trial trial = experiment == null ? null : Trial.prepare(settings, experiment, simulation);
        Path assignments = directory.resolve(Experiment.ASSIGNMENTS_FILE);
        if (trial == null) {
            Files.deleteIfExists(assignments);
        } else {
            trial.writeAssignments(directory);
        }
        Ids ids = new Ids();
        int[] byArchetype = new int[Archetype.values().length];
        List<GenerationSummary.WrittenFile> files = new ArrayList<>();
        try (BookCsvWriter writer = new BookCsvWriter(directory)) {
            for (int index = 0; index < settings.customers(); index++) {
                CustomerStory story = trial == null ? simulation.simulate(index, ids) : trial.story(index, ids);
                writer.write(story);
                byArchetype[story.archetype().ordinal()]++;
                int done = index + 1;
                if (done % PROGRESS_EVERY == 0 || done == settings.customers()) {
                    progress.accept(done);
                }
            }
            for (BookFile file : BookFile.values()) {
                files.add(new GenerationSummary.WrittenFile(directory.resolve(file.fileName), writer.rows(file)));
            }
        }
        Map<Archetype, Integer> mix = new EnumMap<>(Archetype.class);
        for (Archetype archetype : Archetype.values()) {
            mix.put(archetype, byArchetype[archetype.ordinal()]);
        }
        ExperimentSummary experimentSummary = trial == null ? null : trial.summary(assignments);
        Path parameters = directory.resolve(PARAMETERS_FILE);
        Files.writeString(
                parameters,
                parametersJson(mix, files, trial == null ? null : trial.json(experimentSummary)),
                StandardCharsets.UTF_8);
        return new GenerationSummary(settings, files, parameters, mix, experimentSummary);
    }

    private String parametersJson(
            Map<Archetype, Integer> mix, List<GenerationSummary.WrittenFile> files, String experimentJson) {
        StringBuilder json = new StringBuilder(1024);
        json.append("{\n");
        json.append("  \"generator\": \"fidelis-generator\",\n");
        json.append("  \"generator_version\": \"")
                .append(GeneratorSettings.GENERATOR_VERSION)
                .append("\",\n");
        json.append("  \"customers\": ").append(settings.customers()).append(",\n");
        json.append("  \"seed\": ").append(settings.seed()).append(",\n");
        json.append("  \"end\": \"").append(settings.end()).append("\",\n");
        json.append("  \"years\": ").append(settings.years()).append(",\n");
        json.append("  \"window_start\": \"").append(settings.windowStart()).append("\",\n");
        json.append("  \"installments_after_end\": \"not written\",\n");
        json.append("  \"archetype_shares_percent\": {");
        String separator = "";
        for (Archetype archetype : Archetype.values()) {
            json.append(separator).append("\"").append(archetype.code()).append("\": ");
            json.append(archetype.sharePercent());
            separator = ", ";
        }
        json.append("},\n  \"customers_by_archetype\": {");
        separator = "";
        for (Map.Entry<Archetype, Integer> entry : mix.entrySet()) {
            json.append(separator).append("\"").append(entry.getKey().code()).append("\": ");
            json.append(entry.getValue());
            separator = ", ";
        }
        json.append("},\n  \"background_exits_per_year\": {");
        separator = "";
        for (Archetype archetype : Archetype.values()) {
            double leaving = BackgroundExits.leavingPerYear(archetype);
            double stopping = BackgroundExits.stoppingPerYear(archetype);
            if (leaving > 0 || stopping > 0) {
                json.append(separator)
                        .append("\"")
                        .append(archetype.code())
                        .append("\": {\"leaves\": ")
                        .append(leaving)
                        .append(", \"stops_paying\": ")
                        .append(stopping)
                        .append('}');
                separator = ", ";
            }
        }
        json.append("},\n  \"rows\": {");
        separator = "";
        for (GenerationSummary.WrittenFile file : files) {
            json.append(separator)
                    .append("\"")
                    .append(file.name())
                    .append("\": ")
                    .append(file.rows());
            separator = ", ";
        }
        json.append('}');
        if (experimentJson != null) {
            json.append(",\n  \"experiment\": ").append(experimentJson);
        }
        json.append("\n}\n");
        return json.toString();
    }
}
