package io.fidelis.cli;

import io.fidelis.core.policy.Policy;
import io.fidelis.store.policy.PolicyException;
import io.fidelis.store.policy.PolicyYaml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import picocli.CommandLine.Option;

/** The {@code --policy} option: a policy file, or the name of a shipped policy. */
final class PolicyOption {

    @Option(
            names = "--policy",
            paramLabel = "FILE|NAME",
            defaultValue = "default",
            description =
                    "a policy YAML file, or a shipped policy: default, seed-case, activity-model (default: ${DEFAULT-VALUE})")
    String policy;

    /** A policy with the SHA-256 of the bytes it was read from. */
    record Loaded(Policy policy, String sha256, String source) {}

    /** Reads the policy; a file that exists wins over a shipped name. */
    Loaded load() throws PolicyException {
        Path file = Path.of(policy);
        if (Files.isRegularFile(file)) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw CommandFailure.usage("--policy " + policy + " cannot be read: " + e.getMessage());
            }
            String text = utf8(bytes);
            // not UTF-8: let the reader report it in its own words
            Policy parsed = text == null ? PolicyYaml.load(file) : PolicyYaml.parse(text, file.toString());
            return new Loaded(parsed, sha256(bytes), file.toString());
        }
        if (PolicyYaml.SHIPPED.contains(policy)) {
            byte[] bytes;
            try (InputStream in = PolicyYaml.class.getResourceAsStream("/policies/" + policy + ".yaml")) {
                if (in == null) {
                    throw CommandFailure.data("the shipped policy " + policy + " is missing from the build");
                }
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw CommandFailure.data("cannot read the shipped policy " + policy + ": " + e.getMessage());
            }
            return new Loaded(PolicyYaml.shipped(policy), sha256(bytes), "shipped " + policy);
        }
        throw CommandFailure.usage("--policy " + policy + " is neither a file nor a shipped policy ("
                + String.join(", ", PolicyYaml.SHIPPED) + ")");
    }

    private static String utf8(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
