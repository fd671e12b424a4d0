package io.fidelis.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model file format stays readable: a logistic model written before trees were stored (no {@code algorithm}, the
 * golden file is that format) reads as a logistic model and scores as its weights say.
 */
class StoredModelFormatTest {

    private static final String GOLDEN = "/models/churn-1-logistic-before-trees.json";

    @TempDir
    Path workspace;

    @Test
    void aModelFileWrittenBeforeTreesReadsAsALogisticModel() throws IOException {
        StoredModel model = goldenInWorkspace();

        assertThat(model.id()).isEqualTo("churn-1");
        assertThat(model.algorithm()).isEqualTo("logistic");
        assertThat(model.trees()).isNull();
        assertThat(model.scorer()).isInstanceOf(LogisticModel.class);
        assertThat(model.scorer().features()).containsExactly("days_since_last_activity", "stage=new");
        assertThat(model.heldOutAuc()).containsEntry("recency alone", 0.803);
        assertThat(model.provenance().seed()).isEqualTo(42);
    }

    @Test
    void theOldFileScoresAsItsWeightsSay() throws IOException {
        FittedModel scorer = goldenInWorkspace().scorer();
        Observation unit = new Observation("c1", Map.of("days_since_last_activity", 155.5, "stage=new", 1.0), false);
        double logOdds = -1.7 + 0.8 * (155.5 - 95.5) / 60.0 - 0.3 * (1 - 0.25) / 0.4330127018922193;

        assertThat(scorer.probability(unit)).isCloseTo(1 / (1 + Math.exp(-logOdds)), within(1e-12));
        ScoreExplanation explanation = scorer.explain(unit);
        assertThat(explanation.bias()).isEqualTo(-1.7);
        assertThat(explanation.margin()).isCloseTo(logOdds, within(1e-12));
    }

    @Test
    void writingTheOldFileAgainOnlyAddsItsAlgorithm() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode expected;
        try (InputStream in = StoredModelFormatTest.class.getResourceAsStream(GOLDEN)) {
            expected = (ObjectNode) json.readTree(in);
        }
        expected.put("algorithm", "logistic");

        assertThat(json.readTree(ModelFiles.json(goldenInWorkspace()))).isEqualTo(expected);
    }

    @Test
    void aFileWithAnUnknownAlgorithmIsRefusedNamingTheChoices() throws IOException {
        Path folder = Files.createDirectories(workspace.resolve(ModelFiles.FOLDER));
        String text;
        try (InputStream in = StoredModelFormatTest.class.getResourceAsStream(GOLDEN)) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Files.writeString(
                folder.resolve("churn-1.json"),
                text.replace("\"id\" : \"churn-1\",", "\"id\" : \"churn-1\", \"algorithm\" : \"forest\","));

        assertThatThrownBy(() -> new ModelFiles(workspace).load("churn-1")).hasMessageContaining("logistic, trees");
    }

    private StoredModel goldenInWorkspace() throws IOException {
        Path folder = Files.createDirectories(workspace.resolve(ModelFiles.FOLDER));
        try (InputStream in = StoredModelFormatTest.class.getResourceAsStream(GOLDEN)) {
            Files.copy(in, folder.resolve("churn-1.json"));
        }
        return new ModelFiles(workspace).load("churn-1").orElseThrow();
    }
}
