package io.fidelis.core.policy;

import io.fidelis.core.domain.Coded;
import io.fidelis.core.features.FeatureId;
import io.fidelis.core.strategy.Actions;
import io.fidelis.core.strategy.ApprovalRoute;
import io.fidelis.core.strategy.CreditLineAction;
import io.fidelis.core.strategy.Guardrail;
import io.fidelis.core.strategy.Outreach;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link Policy} from a document tree, the shape any text format parses into: maps with string keys, lists,
 * and scalars (strings, numbers, booleans, dates). Reports every problem with its key path, type problems and rule
 * problems together. Keys are snake_case; codes (features, tiers, stages, actions) are the lower-case codes.
 *
 * <pre>
 * id, version, effective_from, author, description (optional)
 * window_months, activity_window_months, grace_days
 * factors: [{feature, weight, curve: {type: linear, worst, best} | {type: steps, steps: [{from, score}]}}]
 * monotone: {feature: increasing | decreasing}                       (optional)
 * tiers: {bands: [{tier, min}],
 *         caps: {credit_event, insufficient_evidence: {min_installments_due, min_surveys}, left_for_competitor?},
 *         hysteresis: {enabled, margin, months}}                     (hysteresis optional: off)
 * stages: {new_months, dormant_months, churn_after_maturity_months, churn_after_exit_months,
 *          activity_model: {features: [p_alive | expected_activity_26w],  (optional: off)
 *                           dormant_when: [{feature, below}], churned_when: [{feature, below}]}}
 * guardrails: {max_arrears_days}
 * strategies: {tier: {stage: {pricing_bps, rating_notch, approval_route, credit_line, outreach: [..]}}}
 * </pre>
 */
public final class PolicyTree {

    private static final Set<String> TOP = keys(
            "id",
            "version",
            "effective_from",
            "author",
            "description",
            "window_months",
            "activity_window_months",
            "grace_days",
            "factors",
            "monotone",
            "tiers",
            "stages",
            "guardrails",
            "strategies");

    private final List<PolicyProblem> problems = new ArrayList<>();

    private PolicyTree() {}

    /**
     * The policy the tree describes.
     *
     * @throws InvalidPolicyException listing every problem found
     */
    public static Policy read(Map<String, ?> root) {
        PolicyTree tree = new PolicyTree();
        Object[] parts = tree.parts(root);
        List<PolicyProblem> all = new ArrayList<>(tree.problems);
        List<PolicyProblem> rules = PolicyChecks.check(
                (String) parts[0],
                (String) parts[1],
                (LocalDate) parts[2],
                (String) parts[3],
                (Integer) parts[5],
                (Integer) parts[6],
                (Integer) parts[7],
                cast(parts[8]),
                cast(parts[9]),
                (TierPolicy) parts[10],
                (StagePolicy) parts[11],
                (Guardrail) parts[12],
                (Strategies) parts[13]);
        for (PolicyProblem rule : rules) {
            if (!followsFrom(rule, tree.problems)) {
                all.add(rule);
            }
        }
        if (!all.isEmpty()) {
            throw new InvalidPolicyException(all);
        }
        return new Policy(
                (String) parts[0],
                (String) parts[1],
                (LocalDate) parts[2],
                (String) parts[3],
                (String) parts[4],
                (Integer) parts[5],
                (Integer) parts[6],
                (Integer) parts[7],
                cast(parts[8]),
                cast(parts[9]),
                (TierPolicy) parts[10],
                (StagePolicy) parts[11],
                (Guardrail) parts[12],
                (Strategies) parts[13]);
    }

    /** Every problem of the policy the tree describes; empty when it is valid. */
    public static List<PolicyProblem> problems(Map<String, ?> root) {
        try {
            read(root);
            return List.of();
        } catch (InvalidPolicyException e) {
            return e.problems();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    /** Whether a rule problem is only a consequence of a problem the reader reported already. */
    private static boolean followsFrom(PolicyProblem rule, List<PolicyProblem> readerProblems) {
        for (PolicyProblem reported : readerProblems) {
            if (within(rule.path(), reported.path())
                    || (rule.message().startsWith("required") && within(reported.path(), rule.path()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean within(String path, String ancestor) {
        return path.equals(ancestor)
                || ancestor.isEmpty()
                || (path.startsWith(ancestor)
                        && (path.charAt(ancestor.length()) == '.' || path.charAt(ancestor.length()) == '['));
    }

    private Object[] parts(Map<String, ?> root) {
        Object[] parts = new Object[14];
        if (root == null) {
            problem("", "the policy document is empty");
            return parts;
        }
        unknownKeys(root, "", TOP);
        parts[0] = text(root, "id", "");
        parts[1] = text(root, "version", "");
        parts[2] = date(root, "effective_from", "");
        parts[3] = text(root, "author", "");
        parts[4] = optionalText(root, "description", "");
        parts[5] = integer(root, "window_months", "");
        parts[6] = integer(root, "activity_window_months", "");
        parts[7] = integer(root, "grace_days", "");
        parts[8] = factors(root.get("factors"), "factors");
        parts[9] = monotone(root.get("monotone"), "monotone");
        parts[10] = tiers(root.get("tiers"), "tiers");
        parts[11] = stages(root.get("stages"), "stages");
        Map<String, ?> guardrails = map(root.get("guardrails"), "guardrails", true);
        if (guardrails != null) {
            unknownKeys(guardrails, "guardrails", keys("max_arrears_days"));
            parts[12] = new Guardrail(integer(guardrails, "max_arrears_days", "guardrails"));
        }
        parts[13] = strategies(root.get("strategies"), "strategies");
        return parts;
    }

    // ---- structure

    private List<Factor> factors(Object node, String path) {
        List<?> list = list(node, path, true);
        if (list == null) {
            return null;
        }
        List<Factor> factors = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String at = path + "[" + i + "]";
            Map<String, ?> factor = map(list.get(i), at, true);
            if (factor == null) {
                factors.add(null);
                continue;
            }
            unknownKeys(factor, at, keys("feature", "weight", "curve"));
            FeatureId feature = code(factor, "feature", at, FeatureId.class, "feature");
            Double weight = number(factor, "weight", at);
            Curve curve = curve(factor.get("curve"), at + ".curve");
            factors.add(new Factor(feature, weight == null ? Double.NaN : weight, curve));
        }
        return factors;
    }

    private Curve curve(Object node, String path) {
        Map<String, ?> curve = map(node, path, true);
        if (curve == null) {
            return null;
        }
        String type = text(curve, "type", path);
        if (type == null) {
            return null;
        }
        switch (type.strip().toLowerCase(Locale.ROOT)) {
            case "linear" -> {
                unknownKeys(curve, path, keys("type", "worst", "best"));
                Double worst = number(curve, "worst", path);
                Double best = number(curve, "best", path);
                return worst == null || best == null ? null : new Curve.Linear(worst, best);
            }
            case "steps" -> {
                unknownKeys(curve, path, keys("type", "steps"));
                List<?> list = list(curve.get("steps"), path + ".steps", true);
                if (list == null) {
                    return null;
                }
                List<Curve.Step> steps = new ArrayList<>(list.size());
                boolean complete = true;
                for (int k = 0; k < list.size(); k++) {
                    String at = path + ".steps[" + k + "]";
                    Map<String, ?> step = map(list.get(k), at, true);
                    if (step == null) {
                        complete = false;
                        continue;
                    }
                    unknownKeys(step, at, keys("from", "score"));
                    Double from = number(step, "from", at);
                    Double score = number(step, "score", at);
                    if (from == null || score == null) {
                        complete = false;
                    } else {
                        steps.add(new Curve.Step(from, score));
                    }
                }
                return complete ? new Curve.Steps(steps) : null;
            }
            default -> {
                problem(path + ".type", "unknown curve type '" + type + "' (known: linear, steps)");
                return null;
            }
        }
    }

    private Map<FeatureId, Direction> monotone(Object node, String path) {
        Map<FeatureId, Direction> monotone = new EnumMap<>(FeatureId.class);
        Map<String, ?> map = map(node, path, false);
        if (map == null) {
            return monotone;
        }
        for (Map.Entry<String, ?> entry : map.entrySet()) {
            String at = path + "." + entry.getKey();
            FeatureId feature = parse(FeatureId.class, entry.getKey());
            if (feature == null) {
                problem(at, "unknown feature '" + entry.getKey() + "' (known: " + Coded.codes(FeatureId.class) + ")");
                continue;
            }
            Direction direction = codeValue(entry.getValue(), at, Direction.class, "direction");
            if (direction != null) {
                monotone.put(feature, direction);
            }
        }
        return monotone;
    }

    private TierPolicy tiers(Object node, String path) {
        Map<String, ?> tiers = map(node, path, true);
        if (tiers == null) {
            return null;
        }
        unknownKeys(tiers, path, keys("bands", "caps", "hysteresis"));
        List<TierBand> bands = null;
        List<?> list = list(tiers.get("bands"), path + ".bands", true);
        if (list != null) {
            bands = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                String at = path + ".bands[" + i + "]";
                Map<String, ?> band = map(list.get(i), at, true);
                if (band == null) {
                    bands.add(null);
                    continue;
                }
                unknownKeys(band, at, keys("tier", "min"));
                Tier tier = code(band, "tier", at, Tier.class, "tier");
                Double min = number(band, "min", at);
                bands.add(new TierBand(tier, min == null ? Double.NaN : min));
            }
        }
        Caps caps = null;
        String capsPath = path + ".caps";
        Map<String, ?> capsMap = map(tiers.get("caps"), capsPath, true);
        if (capsMap != null) {
            unknownKeys(capsMap, capsPath, keys("credit_event", "insufficient_evidence", "left_for_competitor"));
            Boolean creditEvent = bool(capsMap, "credit_event", capsPath);
            String evidencePath = capsPath + ".insufficient_evidence";
            Map<String, ?> evidence = map(capsMap.get("insufficient_evidence"), evidencePath, true);
            EvidenceThreshold threshold = null;
            if (evidence != null) {
                unknownKeys(evidence, evidencePath, keys("min_installments_due", "min_surveys"));
                threshold = new EvidenceThreshold(
                        integer(evidence, "min_installments_due", evidencePath),
                        integer(evidence, "min_surveys", evidencePath));
            }
            Boolean leftForCompetitor = capsMap.containsKey("left_for_competitor")
                    ? bool(capsMap, "left_for_competitor", capsPath)
                    : Boolean.FALSE;
            caps = new Caps(Boolean.TRUE.equals(creditEvent), threshold, Boolean.TRUE.equals(leftForCompetitor));
        }
        Hysteresis hysteresis = Hysteresis.OFF;
        String hysteresisPath = path + ".hysteresis";
        Map<String, ?> hysteresisMap = map(tiers.get("hysteresis"), hysteresisPath, false);
        if (hysteresisMap != null) {
            unknownKeys(hysteresisMap, hysteresisPath, keys("enabled", "margin", "months"));
            Boolean enabled = bool(hysteresisMap, "enabled", hysteresisPath);
            Double margin = number(hysteresisMap, "margin", hysteresisPath);
            int months = integer(hysteresisMap, "months", hysteresisPath);
            hysteresis = new Hysteresis(Boolean.TRUE.equals(enabled), margin == null ? 0 : margin, months);
        }
        return new TierPolicy(bands, caps, hysteresis);
    }

    private StagePolicy stages(Object node, String path) {
        Map<String, ?> stages = map(node, path, true);
        if (stages == null) {
            return null;
        }
        unknownKeys(
                stages,
                path,
                keys(
                        "new_months",
                        "dormant_months",
                        "churn_after_maturity_months",
                        "churn_after_exit_months",
                        "activity_model"));
        return new StagePolicy(
                integer(stages, "new_months", path),
                integer(stages, "dormant_months", path),
                integer(stages, "churn_after_maturity_months", path),
                integer(stages, "churn_after_exit_months", path),
                activityModel(stages.get("activity_model"), path + ".activity_model"));
    }

    private ActivityModel activityModel(Object node, String path) {
        Map<String, ?> model = map(node, path, false);
        if (model == null) {
            return ActivityModel.OFF;
        }
        unknownKeys(model, path, keys("features", "dormant_when", "churned_when"));
        List<FeatureId> features = new ArrayList<>();
        List<?> list = list(model.get("features"), path + ".features", true);
        if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                features.add(populationFeature(list.get(i), path + ".features[" + i + "]"));
            }
        }
        return new ActivityModel(
                features,
                conditions(model.get("dormant_when"), path + ".dormant_when"),
                conditions(model.get("churned_when"), path + ".churned_when"));
    }

    private List<StageCondition> conditions(Object node, String path) {
        List<?> list = list(node, path, false);
        if (list == null) {
            return List.of();
        }
        List<StageCondition> conditions = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String at = path + "[" + i + "]";
            Map<String, ?> condition = map(list.get(i), at, true);
            if (condition == null) {
                conditions.add(null);
                continue;
            }
            unknownKeys(condition, at, keys("feature", "below"));
            FeatureId feature = populationFeature(condition.get("feature"), at + ".feature");
            Double below = number(condition, "below", at);
            conditions.add(new StageCondition(feature, below == null ? Double.NaN : below));
        }
        return conditions;
    }

    private FeatureId populationFeature(Object node, String path) {
        String known = String.join(", ", populationCodes());
        if (node == null || node instanceof Map<?, ?> || node instanceof List<?>) {
            problem(path, "must be one population feature (" + known + ")");
            return null;
        }
        FeatureId feature = parse(FeatureId.class, String.valueOf(node));
        if (feature == null || !feature.population()) {
            problem(
                    path,
                    (feature == null ? "unknown" : "not a") + " population feature '"
                            + String.valueOf(node).strip() + "' (known: " + known + ")");
            return null;
        }
        return feature;
    }

    /** The codes of the features the activity model computes. */
    static List<String> populationCodes() {
        List<String> codes = new ArrayList<>();
        for (FeatureId feature : FeatureId.values()) {
            if (feature.population()) {
                codes.add(feature.code());
            }
        }
        return codes;
    }

    private Strategies strategies(Object node, String path) {
        Map<String, ?> strategies = map(node, path, true);
        if (strategies == null) {
            return null;
        }
        Map<Tier, Map<Stage, Actions>> table = new EnumMap<>(Tier.class);
        for (Map.Entry<String, ?> byTier : strategies.entrySet()) {
            String tierPath = path + "." + byTier.getKey();
            Tier tier = parse(Tier.class, byTier.getKey());
            if (tier == null) {
                problem(tierPath, "unknown tier '" + byTier.getKey() + "' (known: " + Coded.codes(Tier.class) + ")");
                continue;
            }
            Map<String, ?> stages = map(byTier.getValue(), tierPath, true);
            if (stages == null) {
                continue;
            }
            Map<Stage, Actions> byStage = new EnumMap<>(Stage.class);
            for (Map.Entry<String, ?> entry : stages.entrySet()) {
                String at = tierPath + "." + entry.getKey();
                Stage stage = parse(Stage.class, entry.getKey());
                if (stage == null) {
                    problem(at, "unknown stage '" + entry.getKey() + "' (known: " + Coded.codes(Stage.class) + ")");
                    continue;
                }
                Actions actions = actions(entry.getValue(), at);
                if (actions != null) {
                    byStage.put(stage, actions);
                }
            }
            table.put(tier, byStage);
        }
        return new Strategies(table);
    }

    private Actions actions(Object node, String path) {
        Map<String, ?> actions = map(node, path, true);
        if (actions == null) {
            return null;
        }
        unknownKeys(actions, path, keys("pricing_bps", "rating_notch", "approval_route", "credit_line", "outreach"));
        int pricing = integer(actions, "pricing_bps", path);
        int notch = integer(actions, "rating_notch", path);
        ApprovalRoute route = code(actions, "approval_route", path, ApprovalRoute.class, "approval route");
        CreditLineAction line = code(actions, "credit_line", path, CreditLineAction.class, "credit line action");
        List<Outreach> outreach = new ArrayList<>();
        List<?> list = list(actions.get("outreach"), path + ".outreach", false);
        if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                Outreach one = codeValue(list.get(i), path + ".outreach[" + i + "]", Outreach.class, "outreach");
                if (one != null) {
                    outreach.add(one);
                }
            }
        }
        return new Actions(pricing, notch, route, line, outreach);
    }

    // ---- scalars and shapes

    private void problem(String path, String message) {
        problems.add(new PolicyProblem(path, message));
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static Set<String> keys(String... names) {
        return Set.of(names);
    }

    private void unknownKeys(Map<String, ?> map, String path, Set<String> known) {
        for (String key : map.keySet()) {
            if (!known.contains(key)) {
                List<String> sorted = new ArrayList<>(known);
                sorted.sort(null);
                problem(join(path, key), "unknown key '" + key + "' (known: " + String.join(", ", sorted) + ")");
            }
        }
    }

    private Map<String, ?> map(Object node, String path, boolean required) {
        if (node == null) {
            if (required) {
                problem(path, "required");
            }
            return null;
        }
        if (!(node instanceof Map<?, ?> raw)) {
            problem(path, "must be a mapping of keys to values, was " + describe(node));
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        raw.forEach((key, value) -> map.put(String.valueOf(key), value));
        return map;
    }

    private List<?> list(Object node, String path, boolean required) {
        if (node == null) {
            if (required) {
                problem(path, "required");
            }
            return null;
        }
        if (!(node instanceof List<?> list)) {
            problem(path, "must be a list, was " + describe(node));
            return null;
        }
        return list;
    }

    private static String describe(Object node) {
        if (node instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (node instanceof List<?>) {
            return "a list";
        }
        return "'" + node + "'";
    }

    private String scalar(Map<String, ?> map, String key, String path, boolean required) {
        Object node = map.get(key);
        String at = join(path, key);
        if (node == null) {
            if (required) {
                problem(at, "required");
            }
            return null;
        }
        if (node instanceof Map<?, ?> || node instanceof List<?>) {
            problem(at, "must be a single value, was " + describe(node));
            return null;
        }
        return String.valueOf(node).strip();
    }

    private String text(Map<String, ?> map, String key, String path) {
        String text = scalar(map, key, path, true);
        if (text != null && text.isEmpty()) {
            problem(join(path, key), "required, must not be blank");
            return null;
        }
        return text;
    }

    private String optionalText(Map<String, ?> map, String key, String path) {
        return scalar(map, key, path, false);
    }

    private Double number(Map<String, ?> map, String key, String path) {
        String text = scalar(map, key, path, true);
        if (text == null) {
            return null;
        }
        try {
            double value = new BigDecimal(text).doubleValue();
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(join(path, key), "must be a number, was '" + text + "'");
        return null;
    }

    /** A whole number; {@code Integer.MIN_VALUE} stands for a reported problem, which the rules then ignore. */
    private int integer(Map<String, ?> map, String key, String path) {
        String text = scalar(map, key, path, true);
        if (text == null) {
            return Integer.MIN_VALUE;
        }
        try {
            return new BigDecimal(text).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            problem(join(path, key), "must be a whole number, was '" + text + "'");
            return Integer.MIN_VALUE;
        }
    }

    private Boolean bool(Map<String, ?> map, String key, String path) {
        String text = scalar(map, key, path, true);
        if (text == null) {
            return null;
        }
        switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> {
                return true;
            }
            case "false", "no", "off" -> {
                return false;
            }
            default -> {
                problem(join(path, key), "must be true or false, was '" + text + "'");
                return null;
            }
        }
    }

    private LocalDate date(Map<String, ?> map, String key, String path) {
        Object node = map.get(key);
        if (node instanceof LocalDate date) {
            return date;
        }
        String text = scalar(map, key, path, true);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problem(join(path, key), "must be a date like 2026-01-31, was '" + text + "'");
            return null;
        }
    }

    private <E extends Enum<E> & Coded> E code(
            Map<String, ?> map, String key, String path, Class<E> type, String what) {
        String text = scalar(map, key, path, true);
        if (text == null) {
            return null;
        }
        E value = parse(type, text);
        if (value == null) {
            problem(join(path, key), "unknown " + what + " '" + text + "' (known: " + Coded.codes(type) + ")");
        }
        return value;
    }

    private <E extends Enum<E> & Coded> E codeValue(Object node, String path, Class<E> type, String what) {
        if (node == null || node instanceof Map<?, ?> || node instanceof List<?>) {
            problem(path, "must be one " + what + " (" + Coded.codes(type) + ")");
            return null;
        }
        String text = String.valueOf(node).strip();
        E value = parse(type, text);
        if (value == null) {
            problem(path, "unknown " + what + " '" + text + "' (known: " + Coded.codes(type) + ")");
        }
        return value;
    }

    private static <E extends Enum<E> & Coded> E parse(Class<E> type, String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (E value : type.getEnumConstants()) {
            if (value.code().equals(wanted)) {
                return value;
            }
        }
        return null;
    }
}
