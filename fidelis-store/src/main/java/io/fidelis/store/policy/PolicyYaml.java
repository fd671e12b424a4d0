package io.fidelis.store.policy;

import io.fidelis.core.policy.InvalidPolicyException;
import io.fidelis.core.policy.Policy;
import io.fidelis.core.policy.PolicyProblem;
import io.fidelis.core.policy.PolicyTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a {@link Policy} from YAML (UTF-8). The schema is {@link PolicyTree}'s; the shipped policies are
 * {@code default}, {@code seed-case} and {@code activity-model} (the default with BG/NBD in the lifecycle). Either a valid policy comes back or a {@link PolicyException} listing every
 * problem with its key path and line; no other exception escapes for bad input.
 */
public final class PolicyYaml {

    /** The policies shipped on the classpath under {@code /policies/}. */
    public static final List<String> SHIPPED = List.of("default", "seed-case", "activity-model");

    private static final int MAX_CHARACTERS = 1_000_000;

    private PolicyYaml() {}

    /** The policy in {@code file}. */
    public static Policy load(Path file) throws PolicyException {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw single(name, "cannot read the file (" + e.getMessage() + "); check the path and permissions");
        }
        return parse(decode(bytes, name), name);
    }

    /** A shipped policy by name, e.g. {@code default} or {@code seed-case}. */
    public static Policy shipped(String name) throws PolicyException {
        String resource = "/policies/" + name + ".yaml";
        try (InputStream in = PolicyYaml.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw single(
                        name, "no shipped policy named '" + name + "' (shipped: " + String.join(", ", SHIPPED) + ")");
            }
            return parse(decode(in.readAllBytes(), resource), name + ".yaml");
        } catch (IOException e) {
            throw single(name, "cannot read the shipped policy: " + e.getMessage());
        }
    }

    /**
     * The policy in {@code text}.
     *
     * @param sourceName the name problems are reported under, e.g. the file name
     */
    public static Policy parse(String text, String sourceName) throws PolicyException {
        if (text.length() > MAX_CHARACTERS) {
            throw single(sourceName, "the file is larger than " + MAX_CHARACTERS + " characters; a policy is small");
        }
        Node root;
        try {
            root = yaml().compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() == null ? e.getMessage() : e.getProblem();
            String context = e.getContext() == null ? "" : " " + e.getContext();
            throw new PolicyException(List.of(new PolicyException.Problem(
                    sourceName,
                    mark == null ? 0 : mark.getLine() + 1,
                    mark == null ? 0 : mark.getColumn() + 1,
                    "",
                    "not valid YAML: " + what + context)));
        } catch (YAMLException e) {
            throw single(sourceName, "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw single(sourceName, "the file is empty; a policy needs id, version, factors, tiers, ...");
        }
        YamlTree.Result tree = YamlTree.of(root, sourceName);
        List<PolicyException.Problem> problems = new ArrayList<>(tree.problems());
        if (!(tree.root() instanceof Map<?, ?> map)) {
            problems.add(new PolicyException.Problem(
                    sourceName, 1, 0, "", "a policy is a mapping of keys (id, version, factors, ...) to values"));
            throw new PolicyException(problems);
        }
        try {
            Policy policy = PolicyTree.read(stringKeys(map));
            if (problems.isEmpty()) {
                return policy;
            }
        } catch (InvalidPolicyException e) {
            for (PolicyProblem problem : e.problems()) {
                problems.add(new PolicyException.Problem(
                        sourceName, lineOf(problem.path(), tree.lines()), 0, problem.path(), problem.message()));
            }
        }
        problems.sort(Comparator.comparingInt(PolicyException.Problem::line));
        throw new PolicyException(problems);
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(40);
        options.setCodePointLimit(MAX_CHARACTERS);
        return new Yaml(new SafeConstructor(options));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> stringKeys(Map<?, ?> map) {
        return (Map<String, ?>) map; // YamlTree only makes string keys
    }

    /** The line of {@code path}, or of its nearest ancestor with one (a missing key is reported at its parent). */
    static int lineOf(String path, Map<String, Integer> lines) {
        String at = path;
        while (true) {
            Integer line = lines.get(at);
            if (line != null) {
                return line;
            }
            if (at.isEmpty()) {
                return 0;
            }
            int cut = Math.max(at.lastIndexOf('.'), at.lastIndexOf('['));
            at = cut < 0 ? "" : at.substring(0, cut);
        }
    }

    private static String decode(byte[] bytes, String name) throws PolicyException {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw single(name, "not UTF-8 text; save the policy as UTF-8");
        }
    }

    private static PolicyException single(String source, String message) {
        return new PolicyException(List.of(new PolicyException.Problem(source, 0, 0, "", message)));
    }
}
