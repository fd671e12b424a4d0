package io.fidelis.store.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns a composed YAML node graph into the plain tree {@code PolicyTree} reads (maps, lists, strings), remembering
 * the line of every key path. Scalars stay text, so that numbers, dates and codes are parsed in one place with
 * messages that name the path. Supports anchors, aliases and {@code <<} merge keys (explicit keys win); rejects
 * duplicate keys, non-text keys and cycles.
 */
final class YamlTree {

    private static final int MAX_DEPTH = 32;

    private final Map<String, Integer> lines = new LinkedHashMap<>();
    private final List<PolicyException.Problem> problems = new ArrayList<>();
    private final String source;
    private final Set<Node> open = new HashSet<>();

    private YamlTree(String source) {
        this.source = source;
    }

    /** The tree, its lines and the problems found while building it. */
    record Result(Object root, Map<String, Integer> lines, List<PolicyException.Problem> problems) {}

    static Result of(Node root, String source) {
        YamlTree tree = new YamlTree(source);
        Object value = tree.value(root, "", 0);
        return new Result(value, tree.lines, tree.problems);
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private void problem(Node node, String path, String message) {
        problems.add(new PolicyException.Problem(source, line(node), 0, path, message));
    }

    private Object value(Node node, String path, int depth) {
        lines.putIfAbsent(path, line(node));
        if (depth > MAX_DEPTH) {
            problem(node, path, "nested deeper than " + MAX_DEPTH + " levels");
            return null;
        }
        if (!open.add(node)) {
            problem(node, path, "an alias refers to a node that contains it");
            return null;
        }
        try {
            if (node instanceof ScalarNode scalar) {
                return Tag.NULL.equals(scalar.getTag()) ? null : scalar.getValue();
            }
            if (node instanceof SequenceNode sequence) {
                List<Object> list = new ArrayList<>(sequence.getValue().size());
                for (Node item : sequence.getValue()) {
                    list.add(value(item, path + "[" + list.size() + "]", depth + 1));
                }
                return list;
            }
            if (node instanceof MappingNode mapping) {
                Map<String, Object> map = new LinkedHashMap<>();
                entries(mapping, path, depth, map, new LinkedHashMap<>(), false);
                return map;
            }
            problem(node, path, "unsupported YAML node");
            return null;
        } finally {
            open.remove(node);
        }
    }

    /**
     * Adds the entries of {@code mapping} to {@code map}. Explicit keys come first; merged ones ({@code <<}) only
     * fill keys not given explicitly.
     */
    private void entries(
            MappingNode mapping,
            String path,
            int depth,
            Map<String, Object> map,
            Map<String, Integer> keyLines,
            boolean merging) {
        List<Node> merges = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (Tag.MERGE.equals(keyNode.getTag())) {
                merges.add(tuple.getValueNode());
                continue;
            }
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                problem(keyNode, path, "keys must be plain text");
                continue;
            }
            String key = scalarKey.getValue();
            String at = path.isEmpty() ? key : path + "." + key;
            if (map.containsKey(key)) {
                if (!merging) {
                    problem(keyNode, at, "duplicate key '" + key + "' (first on line " + keyLines.get(key) + ")");
                }
                continue;
            }
            keyLines.put(key, line(keyNode));
            lines.putIfAbsent(at, line(keyNode));
            map.put(key, value(tuple.getValueNode(), at, depth + 1));
        }
        for (Node merge : merges) {
            if (depth > MAX_DEPTH || !open.add(merge)) {
                problem(merge, path, "a merge key (<<) refers to a mapping that contains it");
                continue;
            }
            try {
                if (merge instanceof MappingNode merged) {
                    entries(merged, path, depth + 1, map, keyLines, true);
                } else if (merge instanceof SequenceNode sequence) {
                    for (Node item : sequence.getValue()) {
                        if (item instanceof MappingNode merged && open.add(item)) {
                            try {
                                entries(merged, path, depth + 1, map, keyLines, true);
                            } finally {
                                open.remove(item);
                            }
                        } else {
                            problem(item, path, "a merge key (<<) takes a mapping or a list of mappings");
                        }
                    }
                } else {
                    problem(merge, path, "a merge key (<<) takes a mapping or a list of mappings");
                }
            } finally {
                open.remove(merge);
            }
        }
    }
}
