package io.fidelis.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fidelis.core.classification.Classification;
import io.fidelis.core.classification.Contribution;
import io.fidelis.core.classification.Language;
import io.fidelis.core.classification.ManualOverride;
import io.fidelis.core.classification.Messages;
import io.fidelis.core.classification.Reason;
import io.fidelis.core.domain.Coded;
import io.fidelis.core.domain.Customer;
import io.fidelis.core.features.Evidence;
import io.fidelis.core.features.FeatureId;
import io.fidelis.core.features.FeatureValue;
import io.fidelis.core.policy.ActivityModel;
import io.fidelis.core.policy.Tier;
import io.fidelis.core.policy.TierBand;
import io.fidelis.core.strategy.Actions;
import io.fidelis.core.strategy.Conflict;
import io.fidelis.core.strategy.Outreach;
import io.fidelis.core.strategy.RiskSignal;
import io.fidelis.store.RunsSql;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One customer's classification explained, as text for people (English or Chinese) or as JSON for programs: the
 * customer, the provenance, the tier with score and band, every factor's contribution, the reasons with their
 * evidence, the stage, the actions intended and applied, the guardrail's conflicts and any manual override.
 */
final class Explanation {

    /** The Chinese of the headings; the English is the key. */
    private static final Map<String, String> CHINESE = Map.ofEntries(
            Map.entry("Customer", "客户"),
            Map.entry("industry", "行业"),
            Map.entry("region", "地区"),
            Map.entry("size", "规模"),
            Map.entry("As of", "评估日期"),
            Map.entry("policy", "政策"),
            Map.entry("input", "输入数据"),
            Map.entry("priors", "历史评估"),
            Map.entry("Tier", "忠诚度等级"),
            Map.entry("score", "评分"),
            Map.entry("unknown", "未知"),
            Map.entry("band", "区间"),
            Map.entry("weight with data", "有数据的权重"),
            Map.entry("band of the score", "评分所属等级"),
            Map.entry("after hysteresis", "稳定后等级"),
            Map.entry("Contributions", "评分贡献"),
            Map.entry("feature", "特征"),
            Map.entry("value", "取值"),
            Map.entry("points", "得分"),
            Map.entry("weight", "权重"),
            Map.entry("effective", "有效权重"),
            Map.entry("not scored", "未计分"),
            Map.entry("Why this tier", "等级原因"),
            Map.entry("Stage", "生命周期阶段"),
            Map.entry("Why this stage", "阶段原因"),
            Map.entry("Actions", "策略"),
            Map.entry("intended", "计划"),
            Map.entry("applied", "实际执行"),
            Map.entry("Conflicts", "风控冲突"),
            Map.entry("Override", "人工调整"),
            Map.entry("none", "无"),
            Map.entry("any date", "不限"),
            Map.entry("Activity model (BG/NBD)", "活跃度模型（BG/NBD）"),
            Map.entry(
                    "missing: no application, drawdown or new loan by the date, so BG/NBD knows nothing of this customer",
                    "缺失：截至评估日无申请、提款或新贷款，BG/NBD无从估计"),
            Map.entry("missing: the model could not be fitted on the book", "缺失：模型无法在全量客户上拟合"));

    private final Classification classification;
    private final Customer customer;
    private final PolicyOption.Loaded policy;
    private final String inputFingerprint;
    private final String priors;
    private ModelReasons model;

    Explanation(
            Classification classification,
            Customer customer,
            PolicyOption.Loaded policy,
            String inputFingerprint,
            String priors) {
        this.classification = classification;
        this.customer = customer;
        this.policy = policy;
        this.inputFingerprint = inputFingerprint;
        this.priors = priors;
    }

    /** Adds a stored model's score and its reasons to the explanation. */
    Explanation withModel(ModelReasons reasons) {
        this.model = reasons;
        return this;
    }

    void printText(PrintWriter out, Language language) {
        Text t = new Text(language);
        Classification c = classification;
        out.printf(
                "%s %s — %s (%s: %s, %s: %s, %s: %s)%n",
                t.w("Customer"),
                customer.id(),
                orDash(customer.name()),
                t.w("industry"),
                orDash(customer.industry()),
                t.w("region"),
                orDash(customer.region()),
                t.w("size"),
                customer.size() == null ? "-" : customer.size().code());
        out.printf(
                "%s %s · %s %s (%s) · %s %s · %s: %s%n",
                t.w("As of"),
                c.asOf(),
                t.w("policy"),
                policy.policy().label(),
                policy.sha256(),
                t.w("input"),
                inputFingerprint,
                t.w("priors"),
                priors);
        out.println();

        out.printf(
                Locale.ROOT,
                "%s: %s — %s %s (%s %.0f/100)%n",
                t.w("Tier"),
                t.label(c.tier()),
                t.w("score"),
                c.score().isPresent()
                        ? String.format(Locale.ROOT, "%.2f", c.score().getAsDouble())
                        : t.w("unknown"),
                t.w("weight with data"),
                c.scoredWeight());
        out.printf(
                "  %s: %s (%s %s) · %s: %s%n",
                t.w("band of the score"),
                t.label(c.scoreTier()),
                t.w("band"),
                band(c.scoreTier()),
                t.w("after hysteresis"),
                t.label(c.stableTier()));
        out.println();

        out.println(t.w("Contributions") + ":");
        int featureWidth = TerminalText.width(t.w("feature"));
        for (Contribution contribution : c.contributions()) {
            featureWidth = Math.max(featureWidth, TerminalText.width(t.label(contribution.feature())));
        }
        out.println("  " + TerminalText.left(t.w("feature"), featureWidth) + "  "
                + TerminalText.right(t.w("value"), 14) + "  " + TerminalText.right(t.w("points"), 8) + "  "
                + TerminalText.right(t.w("weight"), 8) + "  " + TerminalText.right(t.w("effective"), 9));
        for (Contribution contribution : c.contributions()) {
            boolean scored = contribution.scored();
            out.println("  " + TerminalText.left(t.label(contribution.feature()), featureWidth) + "  "
                    + TerminalText.right(Messages.value(contribution.feature(), contribution.value(), language), 14)
                    + "  " + TerminalText.right(scored ? decimal(contribution.points()) : t.w("not scored"), 8)
                    + "  " + TerminalText.right(decimal(contribution.weight()), 8)
                    + "  " + TerminalText.right(decimal(contribution.effectiveWeight()), 9));
        }
        out.println();

        if (activityModel().enabled()) {
            out.println(t.w("Activity model (BG/NBD)") + ":");
            for (FeatureId feature : activityModel().features()) {
                out.println("  " + t.label(feature) + ": "
                        + Messages.value(feature, c.features().get(feature), language));
            }
            String missing = missingNote();
            if (missing != null) {
                out.println("  " + t.w(missing));
            }
            out.println();
        }

        out.println(t.w("Why this tier") + ":");
        c.tierReasons().forEach(reason -> out.println("  " + sign(reason) + " " + Messages.reason(reason, language)));
        out.println();
        out.println(t.w("Stage") + ": " + t.label(c.stage()));
        out.println(t.w("Why this stage") + ":");
        c.stageReasons().forEach(reason -> out.println("  " + sign(reason) + " " + Messages.reason(reason, language)));
        out.println();

        out.println(t.w("Actions") + ":");
        out.println("  " + t.w("intended") + ": " + Messages.actions(c.intendedActions(), language));
        out.println("  " + t.w("applied") + ": " + Messages.actions(c.actions(), language));
        if (c.conflicts().isEmpty()) {
            out.println(t.w("Conflicts") + ": " + t.w("none"));
        } else {
            out.println(t.w("Conflicts") + ":");
            c.conflicts().forEach(conflict -> out.println("  ! " + Messages.conflict(conflict, language)));
        }
        ManualOverride override = c.override();
        if (override == null) {
            out.println(t.w("Override") + ": " + t.w("none"));
        } else {
            out.println(t.w("Override") + ": " + describe(override, t));
        }
        if (model != null) {
            out.println();
            model.printText(out, language);
        }
        out.flush();
    }

    String json(Language language) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        Classification c = classification;
        ObjectNode who = root.putObject("customer");
        who.put("customer_id", customer.id());
        who.put("name", customer.name());
        who.put("industry", customer.industry());
        who.put("region", customer.region());
        who.put("size", customer.size() == null ? null : customer.size().code());
        root.put("as_of", c.asOf().toString());
        ObjectNode provenance = root.putObject("policy");
        provenance.put("id", c.policyId());
        provenance.put("version", c.policyVersion());
        provenance.put("sha256", policy.sha256());
        root.put("input_fingerprint", inputFingerprint);
        root.put("priors", priors);
        root.put("language", language == Language.CHINESE ? "zh" : "en");

        ObjectNode tier = root.putObject("tier");
        tier.put("tier", c.tier().code());
        tier.put("label", Messages.label(c.tier(), language));
        if (c.score().isPresent()) {
            tier.put("score", c.score().getAsDouble());
        } else {
            tier.putNull("score");
        }
        tier.put("scored_weight", c.scoredWeight());
        tier.put("score_tier", c.scoreTier().code());
        tier.put("stable_tier", c.stableTier().code());
        ObjectNode band = tier.putObject("band");
        band.put("min", bandMin(c.scoreTier()));
        band.put("below", bandBelow(c.scoreTier()));
        ArrayNode contributions = root.putArray("contributions");
        for (Contribution contribution : c.contributions()) {
            ObjectNode one = contributions.addObject();
            one.put("feature", contribution.feature().code());
            one.put("label", Messages.label(contribution.feature(), language));
            one.put("present", contribution.value().present());
            putValue(one, "value", contribution.value());
            one.put("value_text", Messages.value(contribution.feature(), contribution.value(), language));
            one.put("weight", contribution.weight());
            one.put("effective_weight", contribution.effectiveWeight());
            one.put("fraction", contribution.fraction());
            one.put("points", contribution.points());
        }
        if (activityModel().enabled()) {
            ObjectNode model = root.putObject("activity_model");
            model.put("model", "bg_nbd");
            ArrayNode features = model.putArray("features");
            for (FeatureId feature : activityModel().features()) {
                ObjectNode one = features.addObject();
                FeatureValue value = c.features().get(feature);
                one.put("feature", feature.code());
                one.put("label", Messages.label(feature, language));
                one.put("present", value.present());
                putValue(one, "value", value);
                one.put("value_text", Messages.value(feature, value, language));
            }
            String missing = missingNote();
            if (missing == null) {
                model.putNull("note");
            } else {
                model.put("note", new Text(language).w(missing));
            }
        } else {
            root.putNull("activity_model");
        }
        reasons(root.putArray("tier_reasons"), c.tierReasons(), language);
        ObjectNode stage = root.putObject("stage");
        stage.put("stage", c.stage().code());
        stage.put("label", Messages.label(c.stage(), language));
        reasons(root.putArray("stage_reasons"), c.stageReasons(), language);
        ObjectNode actions = root.putObject("actions");
        actions(actions.putObject("intended"), c.intendedActions(), language);
        actions(actions.putObject("applied"), c.actions(), language);
        ArrayNode conflicts = root.putArray("conflicts");
        for (Conflict conflict : c.conflicts()) {
            ObjectNode one = conflicts.addObject();
            one.put("benefit", conflict.benefit().code());
            ArrayNode signals = one.putArray("signals");
            for (RiskSignal signal : conflict.signals()) {
                signals.add(signal.code());
            }
            evidence(one.putArray("evidence"), conflict.evidence(), language);
            one.put("text", Messages.conflict(conflict, language));
        }
        ManualOverride override = c.override();
        if (override == null) {
            root.putNull("override");
        } else {
            ObjectNode one = root.putObject("override");
            one.put("tier", override.tier() == null ? null : override.tier().code());
            one.put("stage", override.stage() == null ? null : override.stage().code());
            one.put("reason", override.reason());
            one.put("author", override.author());
            one.put(
                    "effective_from",
                    override.effectiveFrom() == null
                            ? null
                            : override.effectiveFrom().toString());
            one.put("expires_on", override.expiresOn().toString());
        }
        if (model == null) {
            root.putNull("model");
        } else {
            model.json(root.putObject("model"), language);
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    private ActivityModel activityModel() {
        return policy.policy().stages().activityModel();
    }

    /** Why the population features are missing, or null when they are present. */
    private String missingNote() {
        boolean missing = activityModel().features().stream()
                .anyMatch(f -> !classification.features().has(f));
        if (!missing) {
            return null;
        }
        return priors.contains("not fitted")
                ? "missing: the model could not be fitted on the book"
                : "missing: no application, drawdown or new loan by the date, so BG/NBD knows nothing of this customer";
    }

    private static void reasons(ArrayNode array, List<Reason> reasons, Language language) {
        for (Reason reason : reasons) {
            ObjectNode one = array.addObject();
            one.put("code", RunsSql.code(reason.code()));
            one.put("effect", reason.effect().name().toLowerCase(Locale.ROOT));
            evidence(one.putArray("evidence"), reason.evidence(), language);
            ArrayNode args = one.putArray("args");
            for (Object arg : reason.args()) {
                if (arg instanceof Coded coded) {
                    args.add(coded.code());
                } else if (arg instanceof Number number) {
                    args.add(number.doubleValue());
                } else {
                    args.add(String.valueOf(arg));
                }
            }
            one.put("text", Messages.reason(reason, language));
        }
    }

    private static void evidence(ArrayNode array, List<Evidence> evidence, Language language) {
        for (Evidence one : evidence) {
            ObjectNode node = array.addObject();
            node.put("feature", one.feature().code());
            putValue(node, "value", one.value());
            node.put("value_text", Messages.value(one.feature(), one.value(), language));
        }
    }

    private static void actions(ObjectNode node, Actions actions, Language language) {
        node.put("pricing_bps", actions.pricingBps());
        node.put("rating_notch", actions.ratingNotch());
        node.put("approval_route", actions.approvalRoute().code());
        node.put("credit_line", actions.creditLine().code());
        ArrayNode outreach = node.putArray("outreach");
        for (Outreach one : actions.outreach()) {
            outreach.add(one.code());
        }
        node.put("text", Messages.actions(actions, language));
    }

    private static void putValue(ObjectNode node, String field, FeatureValue value) {
        if (value.present()) {
            node.put(field, value.value());
        } else {
            node.putNull(field);
        }
    }

    private String band(Tier tier) {
        return decimal(bandMin(tier)) + "–" + decimal(bandBelow(tier));
    }

    private double bandMin(Tier tier) {
        return policy.policy().tiers().minOf(tier);
    }

    /** The upper edge (exclusive, except 100 for the best band) of a tier's band. */
    private double bandBelow(Tier tier) {
        double below = 100;
        for (TierBand band : policy.policy().tiers().bands()) {
            if (band.tier() == tier) {
                return below;
            }
            below = band.min();
        }
        return below;
    }

    private static String describe(ManualOverride override, Text t) {
        StringBuilder text = new StringBuilder();
        if (override.tier() != null) {
            text.append(t.label(override.tier()));
        }
        if (override.stage() != null) {
            text.append(text.length() > 0 ? ", " : "").append(t.label(override.stage()));
        }
        LocalDate from = override.effectiveFrom();
        return text.append(" — ")
                .append(override.author())
                .append(", ")
                .append(from == null ? t.w("any date") : from.toString())
                .append(" → ")
                .append(override.expiresOn())
                .append(": ")
                .append(override.reason())
                .toString();
    }

    private static String sign(Reason reason) {
        return switch (reason.effect()) {
            case POSITIVE -> "+";
            case NEGATIVE -> "-";
            case NEUTRAL -> "·";
        };
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "-" : text;
    }

    /** Headings and labels in one language. */
    private record Text(Language language) {
        String w(String english) {
            return language == Language.CHINESE ? CHINESE.getOrDefault(english, english) : english;
        }

        String label(Enum<?> value) {
            return Messages.label(value, language);
        }
    }
}
