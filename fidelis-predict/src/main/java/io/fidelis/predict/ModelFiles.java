package io.fidelis.predict;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The models of a workspace: one JSON file per model under {@code models/}, named by its id; a stored model is never
 * rewritten (a refit gets the next id of its kind).
 */
public final class ModelFiles {

    /** The folder under the workspace. */
    public static final String FOLDER = "models";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path folder;

    public ModelFiles(Path workspace) {
        this.folder = workspace.resolve(FOLDER);
    }

    /** Stores the model under the next id of its kind and returns it with that id. */
    public StoredModel save(StoredModel model) throws IOException {
        Files.createDirectories(folder);
        String kind = model.provenance().kind();
        int next = list().stream()
                        .filter(m -> m.provenance().kind().equals(kind))
                        .mapToInt(ModelFiles::number)
                        .max()
                        .orElse(0)
                + 1;
        StoredModel stored = model.withId(kind + "-" + next);
        Path file = folder.resolve(stored.id() + ".json");
        JSON.writeValue(file.toFile(), stored);
        return stored;
    }

    public Optional<StoredModel> load(String id) {
        Path file = folder.resolve(id + ".json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(read(file));
    }

    /** Every stored model, oldest first within a kind. */
    public List<StoredModel> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<StoredModel> models = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(f -> f.getFileName().toString().endsWith(".json")).forEach(f -> models.add(read(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        models.sort(
                Comparator.comparing((StoredModel m) -> m.provenance().kind()).thenComparingInt(ModelFiles::number));
        return models;
    }

    /** The newest model of a kind. */
    public Optional<StoredModel> latest(String kind) {
        return list().stream().filter(m -> m.provenance().kind().equals(kind)).reduce((first, second) -> second);
    }

    /** The model as the text it is stored as. */
    public static String json(StoredModel model) {
        try {
            return JSON.writeValueAsString(model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StoredModel read(Path file) {
        try {
            return JSON.readValue(file.toFile(), StoredModel.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model " + file + ": " + e.getMessage(), e);
        }
    }

    private static int number(StoredModel model) {
        String id = model.id();
        return Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
    }
}
