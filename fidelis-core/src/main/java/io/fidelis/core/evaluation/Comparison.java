package io.fidelis.core.evaluation;

import java.util.Objects;
import java.util.Optional;

/**
 * One outcome of a strategy's evaluation in one group of customers: the level in each arm before and after the start,
 * the difference treatment - control after the start (in the outcome's unit: proportion or mean points), the ratio
 * treatment / control for rates, and the difference-in-differences (treatment after - before) - (control after -
 * before) when the outcome has a period before.
 *
 * @param outcome what is measured
 * @param group {@code all} or a tier's code ({@code high}, {@code medium}, {@code low}): the tier at the start date
 * @param treatmentBefore the treatment arm's level before, empty when the outcome has no period before
 * @param treatmentAfter the treatment arm's level after
 * @param controlBefore the control arm's level before, empty when the outcome has no period before
 * @param controlAfter the control arm's level after
 * @param difference treatment - control after the start
 * @param ratio treatment / control after the start, for rates only
 * @param differenceInDifferences the change of the treatment arm minus that of the control arm, when there is a before
 */
public record Comparison(
        Outcome outcome,
        String group,
        Optional<Level> treatmentBefore,
        Level treatmentAfter,
        Optional<Level> controlBefore,
        Level controlAfter,
        Finding difference,
        Optional<Finding> ratio,
        Optional<Finding> differenceInDifferences) {

    public Comparison {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(treatmentBefore, "treatment before");
        Objects.requireNonNull(treatmentAfter, "treatment after");
        Objects.requireNonNull(controlBefore, "control before");
        Objects.requireNonNull(controlAfter, "control after");
        Objects.requireNonNull(difference, "difference");
        Objects.requireNonNull(ratio, "ratio");
        Objects.requireNonNull(differenceInDifferences, "difference in differences");
    }
}
