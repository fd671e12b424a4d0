package io.fidelis.spark;

import io.fidelis.core.policy.Policy;
import io.fidelis.store.policy.PolicyException;
import io.fidelis.store.policy.PolicyYaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The policy as the CLI loads it (a YAML file, or a shipped policy by name), kept as its text so that it travels to
 * the executors, where each partition parses it with {@link PolicyYaml}.
 *
 * @param source the file or {@code shipped NAME}
 * @param yaml the policy's text
 * @param sha256 SHA-256 of the bytes read, written {@code sha256:<hex>} as in a run's provenance
 */
record JobPolicy(String source, String yaml, String sha256) implements Serializable {

    /** Reads {@code fileOrName}; a file that exists wins over a shipped name, as in the CLI. */
    static JobPolicy load(String fileOrName) throws IOException {
        Path file = Path.of(fileOrName);
        if (Files.isRegularFile(file)) {
            return of(file.toString(), Files.readAllBytes(file));
        }
        if (PolicyYaml.SHIPPED.contains(fileOrName)) {
            try (InputStream in = PolicyYaml.class.getResourceAsStream("/policies/" + fileOrName + ".yaml")) {
                if (in == null) {
                    throw new IOException("the shipped policy " + fileOrName + " is missing from the jar");
                }
                return of("shipped " + fileOrName, in.readAllBytes());
            }
        }
        throw new IllegalArgumentException("--policy " + fileOrName + " is neither a file nor a shipped policy ("
                + String.join(", ", PolicyYaml.SHIPPED) + ")");
    }

    private static JobPolicy of(String source, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try {
            return new JobPolicy(
                    source,
                    text,
                    "sha256:"
                            + HexFormat.of()
                                    .formatHex(
                                            MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The parsed, validated policy. */
    Policy policy() throws PolicyException {
        return PolicyYaml.parse(yaml, source);
    }
}
