package io.fidelis.core.policy;

import io.fidelis.core.features.FeatureId;
import io.fidelis.core.features.FeatureUnit;
import io.fidelis.core.strategy.Actions;
import io.fidelis.core.strategy.Guardrail;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every rule a policy must satisfy, each reporting a {@link PolicyProblem} at its key path. Runs on the parts of a
 * policy before it exists, tolerating missing parts (reported as required), so that all problems come out at once.
 */
final class PolicyChecks {

    static final int MAX_WINDOW_MONTHS = 240;
    static final int MAX_GRACE_DAYS = 366;
    static final int MAX_PRICING_BPS = 10_000;
    static final double TOTAL_WEIGHT = 100;
    private static final double WEIGHT_TOLERANCE = 1e-6;
    static final int MAX_EXPECTED_EVENTS = 1000;

    private final List<PolicyProblem> problems = new ArrayList<>();

    private PolicyChecks() {}

    static List<PolicyProblem> check(
            String id,
            String version,
            LocalDate effectiveFrom,
            String author,
            int windowMonths,
            int activityWindowMonths,
            int graceDays,
            List<Factor> factors,
            Map<FeatureId, Direction> monotone,
            TierPolicy tiers,
            StagePolicy stages,
            Guardrail guardrail,
            Strategies strategies) {
        PolicyChecks checks = new PolicyChecks();
        checks.text("id", id);
        checks.text("version", version);
        checks.required("effective_from", effectiveFrom);
        checks.text("author", author);
        checks.range("window_months", windowMonths, 1, MAX_WINDOW_MONTHS);
        checks.range(
                "activity_window_months",
                activityWindowMonths,
                1,
                windowMonths >= 1 && windowMonths <= MAX_WINDOW_MONTHS ? windowMonths : MAX_WINDOW_MONTHS);
        checks.range("grace_days", graceDays, 0, MAX_GRACE_DAYS);
        checks.factors(factors, monotone);
        checks.tiers(tiers);
        checks.stages(stages);
        if (checks.required("guardrails", guardrail)) {
            checks.range("guardrails.max_arrears_days", guardrail.maxArrearsDays(), 0, 10_000);
        }
        checks.strategies(strategies);
        return List.copyOf(checks.problems);
    }

    private void problem(String path, String message) {
        problems.add(new PolicyProblem(path, message));
    }

    private boolean required(String path, Object value) {
        if (value == null) {
            problem(path, "required");
            return false;
        }
        return true;
    }

    private void text(String path, String value) {
        if (value == null || value.isBlank()) {
            problem(path, "required, must not be blank");
        }
    }

    private void range(String path, long value, long min, long max) {
        if (value < min || value > max) {
            problem(path, "must be between " + min + " and " + max + ", was " + value);
        }
    }

    private void range(String path, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            problem(path, "must be between " + number(min) + " and " + number(max) + ", was " + number(value));
        }
    }

    private void factors(List<Factor> factors, Map<FeatureId, Direction> monotone) {
        if (factors == null || factors.isEmpty()) {
            problem("factors", "a policy needs at least one factor");
            return;
        }
        Map<FeatureId, Integer> seen = new EnumMap<>(FeatureId.class);
        double total = 0;
        boolean weightsValid = true;
        for (int i = 0; i < factors.size(); i++) {
            String path = "factors[" + i + "]";
            Factor factor = factors.get(i);
            if (factor == null) {
                problem(path, "required");
                weightsValid = false;
                continue;
            }
            FeatureId feature = factor.feature();
            if (feature == null) {
                problem(path + ".feature", "required");
            } else if (feature.population()) {
                problem(
                        path + ".feature",
                        "'" + feature.code() + "' is a population feature (fitted on the whole book): it can drive"
                                + " the lifecycle in stages.activity_model, not the score");
            } else if (seen.containsKey(feature)) {
                problem(
                        path + ".feature",
                        "feature '" + feature.code() + "' is already scored by factors[" + seen.get(feature) + "]");
            } else {
                seen.put(feature, i);
            }
            if (!(factor.weight() > 0) || !Double.isFinite(factor.weight())) {
                problem(path + ".weight", "must be > 0, was " + number(factor.weight()));
                weightsValid = false;
            } else {
                total += factor.weight();
            }
            if (curve(path + ".curve", factor.curve()) && feature != null) {
                Direction direction = monotone == null ? null : monotone.get(feature);
                Curve curve = factor.curve();
                if (direction == Direction.INCREASING && !curve.nonDecreasing()) {
                    problem(
                            path + ".curve",
                            "feature '" + feature.code()
                                    + "' is declared increasing in monotone, but this curve pays less for some higher"
                                    + " values");
                } else if (direction == Direction.DECREASING && !curve.nonIncreasing()) {
                    problem(
                            path + ".curve",
                            "feature '" + feature.code()
                                    + "' is declared decreasing in monotone, but this curve pays more for some higher"
                                    + " values");
                }
            }
        }
        if (weightsValid && Math.abs(total - TOTAL_WEIGHT) > WEIGHT_TOLERANCE) {
            problem("factors", "weights add up to " + number(total) + ", must add up to " + number(TOTAL_WEIGHT));
        }
    }

    private boolean curve(String path, Curve curve) {
        if (!required(path, curve)) {
            return false;
        }
        int before = problems.size();
        if (curve instanceof Curve.Linear linear) {
            if (!Double.isFinite(linear.worst())) {
                problem(path + ".worst", "must be a finite number");
            }
            if (!Double.isFinite(linear.best())) {
                problem(path + ".best", "must be a finite number");
            }
            if (linear.worst() == linear.best()) {
                problem(path, "worst and best are both " + number(linear.best()) + ": the curve has no slope");
            }
        } else if (curve instanceof Curve.Steps steps) {
            List<Curve.Step> list = steps.steps();
            if (list.isEmpty()) {
                problem(path + ".steps", "a steps curve needs at least one step");
            }
            for (int k = 0; k < list.size(); k++) {
                Curve.Step step = list.get(k);
                String stepPath = path + ".steps[" + k + "]";
                if (!Double.isFinite(step.from())) {
                    problem(stepPath + ".from", "must be a finite number");
                } else if (k > 0 && !(step.from() > list.get(k - 1).from())) {
                    problem(
                            stepPath + ".from",
                            "steps must be in increasing order of from: " + number(step.from()) + " does not follow "
                                    + number(list.get(k - 1).from()));
                }
                range(stepPath + ".score", step.score(), 0, 1);
            }
        }
        return problems.size() == before;
    }

    private void tiers(TierPolicy tiers) {
        if (!required("tiers", tiers)) {
            return;
        }
        bands(tiers.bands());
        Caps caps = tiers.caps();
        if (required("tiers.caps", caps) && required("tiers.caps.insufficient_evidence", caps.insufficientEvidence())) {
            EvidenceThreshold evidence = caps.insufficientEvidence();
            range("tiers.caps.insufficient_evidence.min_installments_due", evidence.minInstallmentsDue(), 0, 10_000);
            range("tiers.caps.insufficient_evidence.min_surveys", evidence.minSurveys(), 0, 10_000);
        }
        Hysteresis hysteresis = tiers.hysteresis();
        if (required("tiers.hysteresis", hysteresis)) {
            range("tiers.hysteresis.margin", hysteresis.margin(), 0, 50);
            range("tiers.hysteresis.months", hysteresis.months(), 1, 24);
        }
    }

    private void bands(List<TierBand> bands) {
        if (bands == null || bands.isEmpty()) {
            problem("tiers.bands", "required: one band for each of high, medium and low");
            return;
        }
        Map<Tier, Integer> index = new EnumMap<>(Tier.class);
        for (int i = 0; i < bands.size(); i++) {
            TierBand band = bands.get(i);
            String path = "tiers.bands[" + i + "]";
            if (band == null) {
                problem(path, "required");
                continue;
            }
            if (band.tier() == null) {
                problem(path + ".tier", "required");
            } else if (index.containsKey(band.tier())) {
                problem(
                        path + ".tier",
                        "tier " + band.tier().code() + " has a band already (tiers.bands[" + index.get(band.tier())
                                + "])");
            } else {
                index.put(band.tier(), i);
            }
            range(path + ".min", band.min(), 0, 100);
        }
        boolean tiersKnown = bands.stream().allMatch(band -> band != null && band.tier() != null);
        for (Tier tier : Tier.values()) {
            if (tiersKnown && !index.containsKey(tier)) {
                problem("tiers.bands", "tier " + tier.code() + " has no band");
            }
        }
        Integer previous = null;
        for (int i = 0; i < bands.size(); i++) {
            TierBand band = bands.get(i);
            if (band == null || band.tier() == null || index.get(band.tier()) != i) {
                continue;
            }
            if (previous != null) {
                TierBand before = bands.get(previous);
                if (!before.tier().isAbove(band.tier()) || !(band.min() < before.min())) {
                    problem(
                            "tiers.bands[" + i + "].min",
                            "bands overlap or are unordered: " + band.tier().code() + " from " + number(band.min())
                                    + " follows " + before.tier().code() + " from " + number(before.min())
                                    + "; list high, medium, low with decreasing min");
                }
            }
            previous = i;
        }
        Integer low = index.get(Tier.LOW);
        if (low != null && bands.get(low).min() != 0) {
            problem(
                    "tiers.bands[" + low + "].min",
                    "the low band must start at 0 so that every score has a tier, was "
                            + number(bands.get(low).min()));
        }
    }

    private void stages(StagePolicy stages) {
        if (!required("stages", stages)) {
            return;
        }
        range("stages.new_months", stages.newMonths(), 0, MAX_WINDOW_MONTHS);
        range("stages.dormant_months", stages.dormantMonths(), 1, MAX_WINDOW_MONTHS);
        range("stages.churn_after_maturity_months", stages.churnAfterMaturityMonths(), 0, MAX_WINDOW_MONTHS);
        range("stages.churn_after_exit_months", stages.churnAfterExitMonths(), 0, MAX_WINDOW_MONTHS);
        activityModel("stages.activity_model", stages.activityModel());
    }

    private void activityModel(String path, ActivityModel model) {
        if (model == ActivityModel.OFF) {
            return;
        }
        if (model.features().isEmpty()) {
            problem(
                    path + ".features",
                    "list at least one of " + String.join(", ", PolicyTree.populationCodes())
                            + ", or leave stages.activity_model out");
        }
        Map<FeatureId, Integer> seen = new EnumMap<>(FeatureId.class);
        for (int i = 0; i < model.features().size(); i++) {
            String at = path + ".features[" + i + "]";
            FeatureId feature = model.features().get(i);
            if (feature == null) {
                problem(at, "required");
            } else if (!feature.population()) {
                problem(
                        at,
                        "'" + feature.code() + "' is not a population feature (known: "
                                + String.join(", ", PolicyTree.populationCodes()) + ")");
            } else if (seen.containsKey(feature)) {
                problem(
                        at,
                        "feature '" + feature.code() + "' is already listed at features[" + seen.get(feature) + "]");
            } else {
                seen.put(feature, i);
            }
        }
        Map<FeatureId, Double> dormantBelow = new EnumMap<>(FeatureId.class);
        conditions(path + ".dormant_when", model.dormantWhen(), seen.keySet(), dormantBelow, Map.of());
        conditions(
                path + ".churned_when",
                model.churnedWhen(),
                seen.keySet(),
                new EnumMap<>(FeatureId.class),
                dormantBelow);
    }

    /**
     * Checks conditions; records in {@code lowest} the lowest threshold per feature, and reports a threshold above a
     * feature's lowest threshold in {@code ceiling} (churn must need stronger evidence than dormancy).
     */
    private void conditions(
            String path,
            List<StageCondition> conditions,
            Set<FeatureId> enabled,
            Map<FeatureId, Double> lowest,
            Map<FeatureId, Double> ceiling) {
        for (int i = 0; i < conditions.size(); i++) {
            String at = path + "[" + i + "]";
            StageCondition condition = conditions.get(i);
            if (condition == null) {
                problem(at, "required");
                continue;
            }
            FeatureId feature = condition.feature();
            if (feature == null) {
                problem(at + ".feature", "required");
                continue;
            }
            if (!feature.population()) {
                problem(
                        at + ".feature",
                        "'" + feature.code() + "' is not a population feature (known: "
                                + String.join(", ", PolicyTree.populationCodes()) + ")");
                continue;
            }
            if (!enabled.contains(feature)) {
                problem(
                        at + ".feature",
                        "feature '" + feature.code() + "' is not enabled: add it to stages.activity_model.features");
            }
            double below = condition.below();
            boolean valid;
            if (feature.unit() == FeatureUnit.RATIO) {
                valid = below > 0 && below <= 1;
                if (!valid) {
                    problem(
                            at + ".below",
                            "a probability threshold must be above 0 and at most 1, was " + number(below));
                }
            } else {
                valid = below > 0 && below <= MAX_EXPECTED_EVENTS;
                if (!valid) {
                    problem(
                            at + ".below",
                            "an expected number of events must be above 0 and at most " + MAX_EXPECTED_EVENTS + ", was "
                                    + number(below));
                }
            }
            if (!valid) {
                continue;
            }
            Double limit = ceiling.get(feature);
            if (limit != null && below > limit) {
                problem(
                        at + ".below",
                        "churned below " + number(below) + " is above dormant below " + number(limit) + " for '"
                                + feature.code() + "': churn must need a lower value than dormancy");
            }
            lowest.merge(feature, below, Math::min);
        }
    }

    private void strategies(Strategies strategies) {
        if (!required("strategies", strategies)) {
            return;
        }
        for (Tier tier : Tier.values()) {
            for (Stage stage : Stage.values()) {
                String path = "strategies." + tier.code() + "." + stage.code();
                Actions actions = strategies.actionsFor(tier, stage);
                if (actions == null) {
                    problem(
                            path,
                            "tier " + tier.name() + " with stage " + stage.name()
                                    + " has no strategy; give one for every tier and stage");
                    continue;
                }
                range(path + ".pricing_bps", actions.pricingBps(), -MAX_PRICING_BPS, MAX_PRICING_BPS);
                range(path + ".rating_notch", actions.ratingNotch(), -1, 1);
                required(path + ".approval_route", actions.approvalRoute());
                required(path + ".credit_line", actions.creditLine());
            }
        }
    }

    /** A number as a person would write it: no trailing {@code .0}. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%s", value);
    }
}
