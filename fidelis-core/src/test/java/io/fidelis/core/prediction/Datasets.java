package io.fidelis.core.prediction;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the public data sets with published numbers are: the system property {@code fidelis.datasets}, else the
 * environment variable {@code FIDELIS_DATASETS}, else {@code ../shared/datasets} next to the repository (found from
 * the working directory upwards), else {@code /work/shared/datasets}. Shared with other modules' tests (the core's
 * test jar). Missing data fails the test when {@code CI=true} and skips it otherwise.
 */
public final class Datasets {

    private Datasets() {}

    public static Path file(String relative) {
        Path root = root();
        Path file = root == null ? null : root.resolve(relative);
        if (file == null || !Files.isRegularFile(file)) {
            String message = "data set file " + relative + " not found (looked in " + root
                    + "); set -Dfidelis.datasets=DIR or FIDELIS_DATASETS";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return file;
    }

    private static Path root() {
        String configured = System.getProperty("fidelis.datasets", System.getenv("FIDELIS_DATASETS"));
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured);
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("datasets");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        // a clone checked out elsewhere (a CI scratch folder) still finds the workplace's shared folder
        Path workplace = Paths.get("/work/shared/datasets");
        return Files.isDirectory(workplace) ? workplace : null;
    }
}
