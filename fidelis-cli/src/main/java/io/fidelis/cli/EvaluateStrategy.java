package io.fidelis.cli;

import io.fidelis.core.domain.Coded;
import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.domain.Installment;
import io.fidelis.core.domain.Interaction;
import io.fidelis.core.domain.Loan;
import io.fidelis.core.domain.Survey;
import io.fidelis.core.evaluation.Arm;
import io.fidelis.core.evaluation.ArmCounts;
import io.fidelis.core.evaluation.Comparison;
import io.fidelis.core.evaluation.EstimationSettings;
import io.fidelis.core.evaluation.EvaluationTable;
import io.fidelis.core.evaluation.Outcomes;
import io.fidelis.core.evaluation.Period;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import io.fidelis.store.AssignmentSet;
import io.fidelis.store.BookStore;
import io.fidelis.store.RunHeader;
import io.fidelis.store.Runs;
import io.fidelis.store.StrategyAssignments;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Evaluates a strategy from the book: reads the strategy's current assignments, finds every assigned customer's tier
 * (and whether it was dormant) at the start date, streams the book's histories once, measures each assigned
 * customer's outcomes before and after the start ({@link Outcomes}) and tallies them by tier and arm ({@link
 * EvaluationTable}). Memory holds the assignments and the tallies, one history at a time.
 */
final class EvaluateStrategy {

    /** Where the tier at the start came from. */
    enum TierSource {
        /** Every assigned customer's stratum was a {@code tier|stage}. */
        STRATUM,
        /** Some came from a classification run as of the start date. */
        RUN
    }

    /** The tier and stage of one customer at the start date. */
    private record AtStart(Arm arm, Tier tier, Stage stage) {}

    /**
     * What an evaluation found, with what it was computed from.
     *
     * @param strategyId the strategy
     * @param start the start date
     * @param before the period before
     * @param after the period after
     * @param settings minimum group size and confidence level
     * @param assignments the set of assignments evaluated
     * @param countsByStratum its customers per stratum and arm
     * @param tierSource where the tiers at the start came from
     * @param tierRun the run that gave tiers, or null
     * @param inputFingerprint the book's fingerprint
     * @param codeVersion the code's version
     * @param comparisons every outcome in every group
     * @param latestRecord the latest date of any record of an assigned customer, or null
     * @param warnings things the reader should know
     */
    record Result(
            String strategyId,
            LocalDate start,
            Period before,
            Period after,
            EstimationSettings settings,
            AssignmentSet assignments,
            SortedMap<String, ArmCounts> countsByStratum,
            TierSource tierSource,
            RunHeader tierRun,
            String inputFingerprint,
            String codeVersion,
            List<Comparison> comparisons,
            LocalDate latestRecord,
            List<String> warnings) {}

    private final BookStore book;
    private final Runs runs;
    private final StrategyAssignments assignments;

    EvaluateStrategy(BookStore book, Runs runs, StrategyAssignments assignments) {
        this.book = book;
        this.runs = runs;
        this.assignments = assignments;
    }

    Result evaluate(
            String strategyId, LocalDate start, int beforeMonths, int afterMonths, EstimationSettings settings) {
        AssignmentSet set = assignments
                .current(strategyId)
                .orElseThrow(() -> CommandFailure.data("no assignments for strategy " + strategyId + ": assign the"
                        + " customers first (fidelis assign --strategy " + strategyId + " --as-of " + start
                        + ", or fidelis assign --import FILE)"));
        List<String> warnings = new ArrayList<>();
        if (set.assignedOn() != null && !set.assignedOn().equals(start)) {
            warnings.add("the customers were assigned on " + set.assignedOn() + ", not on --start " + start
                    + ": the periods are counted from --start");
        }
        Map<String, AtStart> assigned = new HashMap<>();
        Map<String, Arm> needRun = new HashMap<>();
        assignments.forEach(set.setId(), row -> {
            Optional<AtStart> fromStratum = parse(row.stratum(), row.arm());
            if (fromStratum.isPresent()) {
                assigned.put(row.customerId(), fromStratum.get());
            } else {
                needRun.put(row.customerId(), row.arm());
            }
        });
        RunHeader tierRun = null;
        if (!needRun.isEmpty()) {
            RunHeader run = runs.latest(start)
                    .orElseThrow(() -> CommandFailure.data(needRun.size() + " assigned customers have no tier|stage"
                            + " stratum and there is no classification run as of " + start + " to take their tier"
                            + " from: classify first (fidelis classify --as-of " + start + ")"));
            runs.forEachResult(run.runId(), result -> {
                Arm arm = needRun.remove(result.customerId());
                if (arm != null) {
                    assigned.put(result.customerId(), new AtStart(arm, result.tier(), result.stage()));
                }
            });
            if (!needRun.isEmpty()) {
                throw CommandFailure.data(needRun.size() + " assigned customers (e.g. "
                        + needRun.keySet().iterator().next() + ") have no tier|stage stratum and are not in run "
                        + run.runId() + " as of " + start);
            }
            tierRun = run;
        }
        Period before = Period.monthsUpTo(start, beforeMonths);
        Period after = Period.monthsAfter(start, afterMonths);
        EvaluationTable table = new EvaluationTable();
        long[] found = {0};
        LocalDate[] latest = {null};
        book.forEachHistory(history -> {
            AtStart customer = assigned.get(history.customerId());
            if (customer == null) {
                return;
            }
            found[0]++;
            latest[0] = later(latest[0], latestRecord(history));
            table.add(
                    customer.arm(),
                    customer.tier(),
                    customer.stage() == Stage.DORMANT,
                    Outcomes.measure(history, before, after));
        });
        if (found[0] < assigned.size()) {
            warnings.add((assigned.size() - found[0]) + " assigned customers are not in the book and were left out");
        }
        if (latest[0] != null && latest[0].plusMonths(1).isBefore(after.end())) {
            warnings.add("the book's latest record of these customers is dated " + latest[0] + ", over a month before"
                    + " the end of the period after (" + after.end() + "): what happens later is not in the book and"
                    + " counts as not happened (shorten --after-months, or import newer data)");
        }
        return new Result(
                strategyId,
                start,
                before,
                after,
                settings,
                set,
                assignments.counts(set.setId()),
                tierRun == null ? TierSource.STRATUM : TierSource.RUN,
                tierRun,
                book.inputFingerprint(),
                Main.codeVersion(),
                table.compare(settings),
                latest[0],
                warnings);
    }

    /** {@code tier|stage} codes, e.g. {@code high|active}; empty for anything else. */
    static Optional<AtStart> parse(String stratum, Arm arm) {
        if (stratum == null) {
            return Optional.empty();
        }
        String[] parts = stratum.split("\\|", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AtStart(arm, Coded.parse(Tier.class, parts[0]), Coded.parse(Stage.class, parts[1])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static LocalDate latestRecord(CustomerHistory history) {
        LocalDate latest = null;
        for (Loan loan : history.loans()) {
            latest = later(latest, loan.startDate());
            latest = later(latest, loan.statusDate());
        }
        for (Installment installment : history.installments()) {
            latest = later(latest, installment.paidDate());
        }
        for (Survey survey : history.surveys()) {
            latest = later(latest, survey.surveyedOn());
        }
        for (Interaction interaction : history.interactions()) {
            latest = later(latest, interaction.occurredOn());
        }
        return later(latest, history.customer().closedOn());
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.isAfter(a) ? a : b;
    }
}
