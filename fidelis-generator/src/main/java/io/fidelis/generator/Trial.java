package io.fidelis.generator;

import io.fidelis.core.evaluation.Arm;
import io.fidelis.core.evaluation.ArmCounts;
import io.fidelis.core.evaluation.Assignment;
import io.fidelis.core.evaluation.Assignments;
import io.fidelis.core.evaluation.StratifiedAssignment;
import io.fidelis.generator.Archetype.Stage;
import io.fidelis.generator.Archetype.Tier;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Runs an {@link Experiment} inside the generation of a book.
 *
 * <p>First every customer's plan is drawn (cheap) to find who is assigned: onboarded by the start date and not
 * churned then, with its intended class that day as stratum; {@link StratifiedAssignment} then randomises them, from a
 * seed of its own. While the book is written, each assigned customer is simulated without the strategy and, when the
 * strategy changes something for it, with the strategy: the treated version prevents an exit after the start (with the
 * effect's probability, from a draw of the experiment's own stream) and shifts its satisfaction answers. The version of
 * the customer's arm is written; both count towards the realised effects. Nothing of the book itself draws from the
 * experiment's streams, so with all effects zero every record is the same as without the experiment.
 */
final class Trial {

    private static final long ASSIGNMENT_SALT = 0x41535349474E4D54L;
    private static final long EFFECT_SALT = 0x4546464543545321L;

    private static final byte NOT_ASSIGNED = 0;

    private final Experiment experiment;
    private final CustomerSimulation simulation;
    private final LocalDate windowEnd;
    private final ExperimentOutcomes outcomes;
    private final SatisfactionShift shift;
    private final long assignmentSeed;
    private final long effectRoot;
    private final double preventChurn;
    private final double preventDefault;
    private final Assignments assignments;
    /** Per customer index: 0 not assigned, else 1 + the ordinal of its arm. */
    private final byte[] arms;
    /** Per customer index: the ordinal of its intended tier on the start date (when assigned). */
    private final byte[] tiers;

    private final long[] churn = new long[3];
    private final long[] highDefault = new long[3];
    private final ExperimentOutcomes.Mean satisfactionWithout = new ExperimentOutcomes.Mean();
    private final ExperimentOutcomes.Mean satisfactionWith = new ExperimentOutcomes.Mean();
    private long mediumCustomers;

    private Trial(GeneratorSettings settings, Experiment experiment, CustomerSimulation simulation) {
        this.experiment = experiment;
        this.simulation = simulation;
        this.windowEnd = experiment.windowEnd(settings.end());
        this.outcomes = new ExperimentOutcomes(experiment.start(), windowEnd);
        this.shift =
                new SatisfactionShift(experiment.effects().mediumSatisfaction().doubleValue(), experiment.start());
        this.assignmentSeed = Seeds.mix(settings.seed() ^ ASSIGNMENT_SALT);
        this.effectRoot = Seeds.mix(Seeds.mix(settings.seed() ^ EFFECT_SALT) ^ Seeds.hash(experiment.strategyId()));
        this.preventChurn = -experiment.effects().churn().doubleValue();
        this.preventDefault = -experiment.effects().highDefault().doubleValue();
        this.arms = new byte[settings.customers()];
        this.tiers = new byte[settings.customers()];
        Map<String, String> strata = new HashMap<>();
        Map<IntendedClass, String> labels = new HashMap<>();
        for (int index = 0; index < settings.customers(); index++) {
            IntendedClass atStart = IntendedClass.at(simulation.plan(index), experiment.start());
            if (atStart != null && atStart.stage() != Stage.CHURNED) {
                strata.put(Ids.customer(index), labels.computeIfAbsent(atStart, IntendedClass::stratum));
                tiers[index] = (byte) atStart.tier().ordinal();
            }
        }
        this.assignments = StratifiedAssignment.assign(
                strata, experiment.treatmentShare(), assignmentSeed, experiment.strategyId());
        for (Assignment assignment : assignments.all()) {
            arms[Ids.index(assignment.customerId())] =
                    (byte) (1 + assignment.arm().ordinal());
        }
    }

    /** Draws the plans, assigns the arms. */
    static Trial prepare(GeneratorSettings settings, Experiment experiment, CustomerSimulation simulation) {
        return new Trial(settings, experiment, simulation);
    }

    /** Writes {@code assignments.csv}: one row per assigned customer, by customer id. */
    Path writeAssignments(Path directory) throws IOException {
        Path file = directory.resolve(Experiment.ASSIGNMENTS_FILE);
        try (Writer writer = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            writer.write("customer_id,strategy_id,arm,assigned_on,stratum\n");
            for (Assignment assignment : assignments.all()) {
                writer.write(assignment.customerId());
                writer.write(',');
                writer.write(experiment.strategyId());
                writer.write(',');
                writer.write(assignment.arm().code());
                writer.write(',');
                writer.write(experiment.start().toString());
                writer.write(',');
                writer.write(assignment.stratum());
                writer.write('\n');
            }
        }
        return file;
    }

    /** The customer at {@code index} as written: the version of its arm (its own story if not assigned). */
    CustomerStory story(int index, Ids ids) {
        CustomerPlan plan = simulation.plan(index);
        byte armCode = arms[index];
        if (armCode == NOT_ASSIGNED) {
            return simulation.simulate(index, plan, ids);
        }
        boolean treated = armCode - 1 == Arm.TREATMENT.ordinal();
        Tier tier = Tier.values()[tiers[index]];
        long customerRoot = Seeds.keyedSeed(effectRoot, Seeds.Purpose.TREATMENT, index);
        boolean prevented = prevents(plan, tier, Seeds.keyed(customerRoot, Seeds.Purpose.TREATMENT, 0));
        Ids scratch = new Ids();
        CustomerStory without;
        CustomerStory with;
        if (treated) {
            without = simulation.simulate(index, plan, prevented ? scratch : ids);
            with = prevented ? simulation.simulate(index, plan.retain(), ids) : without;
        } else {
            without = simulation.simulate(index, plan, ids);
            with = prevented ? simulation.simulate(index, plan.retain(), scratch) : without;
        }
        if (tier == Tier.MEDIUM) {
            with = shift.apply(with, customerRoot);
        }
        count(tier, without, with);
        return treated ? with : without;
    }

    /** Whether the strategy would prevent the customer's exit: one draw per assigned customer, used or not. */
    private boolean prevents(CustomerPlan plan, Tier tier, Draw draw) {
        double ticket = draw.unit();
        Exit exit = plan.exit();
        if (exit == null || !exit.on().isAfter(experiment.start())) {
            return false;
        }
        if (exit.leaves()) {
            return ticket < preventChurn;
        }
        return tier == Tier.HIGH && ticket < preventDefault;
    }

    private void count(Tier tier, CustomerStory without, CustomerStory with) {
        churn[0]++;
        churn[1] += outcomes.churned(without) ? 1 : 0;
        churn[2] += outcomes.churned(with) ? 1 : 0;
        if (tier == Tier.HIGH) {
            highDefault[0]++;
            highDefault[1] += outcomes.defaulted(without) ? 1 : 0;
            highDefault[2] += outcomes.defaulted(with) ? 1 : 0;
        } else if (tier == Tier.MEDIUM) {
            mediumCustomers++;
            outcomes.satisfaction(without, satisfactionWithout);
            outcomes.satisfaction(with, satisfactionWith);
        }
    }

    ExperimentSummary summary(Path assignmentsFile) {
        return new ExperimentSummary(
                experiment,
                windowEnd,
                assignmentSeed,
                assignments.provenance().treatment(),
                assignments.provenance().control(),
                assignmentsFile,
                rates(churn),
                rates(highDefault),
                new ExperimentSummary.Realised(
                        mediumCustomers,
                        satisfactionWithout.count,
                        satisfactionWith.count,
                        satisfactionWithout.value(),
                        satisfactionWith.value()));
    }

    private static ExperimentSummary.Realised rates(long[] counts) {
        double customers = counts[0];
        return new ExperimentSummary.Realised(
                counts[0], counts[1], counts[2], counts[1] / customers, counts[2] / customers);
    }

    /** The experiment's part of {@code generation.json}, indented for its place there. */
    String json(ExperimentSummary summary) {
        Effects effects = experiment.effects();
        StringBuilder json = new StringBuilder(4096);
        json.append("{\n");
        field(json, "strategy_id", quoted(experiment.strategyId()));
        field(json, "start", quoted(experiment.start().toString()));
        field(json, "window_end", quoted(windowEnd.toString()));
        field(json, "treatment_share", Double.toString(experiment.treatmentShare()));
        field(json, "assignment_seed", Long.toString(assignmentSeed));
        field(
                json,
                "assignment",
                quoted("io.fidelis.core.evaluation.StratifiedAssignment.assign(stratum by customer, treatment_share,"
                        + " assignment_seed, strategy_id)"));
        field(json, "assignments_file", quoted(Experiment.ASSIGNMENTS_FILE));
        field(
                json,
                "effects_as_given",
                "{\"churn\": " + effects.churn().toPlainString() + ", \"high_default\": "
                        + effects.highDefault().toPlainString() + ", \"medium_satisfaction\": "
                        + effects.mediumSatisfaction().toPlainString() + "}");
        Map<String, String> definitions = new LinkedHashMap<>();
        definitions.put("population", ExperimentOutcomes.POPULATION);
        definitions.put("window", ExperimentOutcomes.WINDOW);
        definitions.put("churn", ExperimentOutcomes.CHURN);
        definitions.put("high_default", ExperimentOutcomes.HIGH_DEFAULT);
        definitions.put("medium_satisfaction", ExperimentOutcomes.MEDIUM_SATISFACTION);
        StringBuilder text = new StringBuilder("{\n");
        String separator = "";
        for (Map.Entry<String, String> entry : definitions.entrySet()) {
            text.append(separator)
                    .append("      ")
                    .append(quoted(entry.getKey()))
                    .append(": ")
                    .append(quoted(entry.getValue()));
            separator = ",\n";
        }
        field(json, "definitions", text.append("\n    }").toString());
        field(json, "assigned", "{\"treatment\": " + summary.treatment() + ", \"control\": " + summary.control() + "}");
        StringBuilder strata = new StringBuilder("{");
        separator = "";
        for (Map.Entry<String, ArmCounts> entry :
                assignments.provenance().countsByStratum().entrySet()) {
            strata.append(separator)
                    .append(quoted(entry.getKey()))
                    .append(": {\"treatment\": ")
                    .append(entry.getValue().treatment())
                    .append(", \"control\": ")
                    .append(entry.getValue().control())
                    .append('}');
            separator = ", ";
        }
        field(json, "strata", strata.append('}').toString());
        json.append("    \"realised\": {\n");
        json.append("      \"note\": ")
                .append(quoted("every assigned customer simulated without and with the strategy: the effects in this"
                        + " book, which the difference of the arms estimates; over books their expectation is the"
                        + " effect as given"))
                .append(",\n");
        json.append("      \"churn\": ")
                .append(realised(summary.churn(), "rate"))
                .append(",\n");
        json.append("      \"high_default\": ")
                .append(realised(summary.highDefault(), "rate"))
                .append(",\n");
        json.append("      \"medium_satisfaction\": ")
                .append(realised(summary.mediumSatisfaction(), "mean"))
                .append(",\n");
        json.append("      \"satisfaction_answers_capped\": ")
                .append(shift.capped())
                .append('\n');
        json.append("    }\n  }");
        return json.toString();
    }

    private static String realised(ExperimentSummary.Realised realised, String measure) {
        boolean rate = measure.equals("rate");
        String counted = rate ? "events" : "answers";
        return "{\"customers\": " + realised.customers() + ", \"" + counted + "_without\": " + realised.countWithout()
                + ", \"" + counted + "_with\": " + realised.countWith() + ", \"" + measure + "_without\": "
                + number(realised.without()) + ", \"" + measure + "_with\": " + number(realised.with()) + ", \""
                + (rate ? "ratio" : "difference") + "\": "
                + number(rate ? realised.ratio() : realised.difference()) + "}";
    }

    /** Six decimals, or null when undefined (no customers, no events without the strategy). */
    private static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.6f", value) : "null";
    }

    private static void field(StringBuilder json, String name, String value) {
        json.append("    ").append(quoted(name)).append(": ").append(value).append(",\n");
    }

    static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }
}
