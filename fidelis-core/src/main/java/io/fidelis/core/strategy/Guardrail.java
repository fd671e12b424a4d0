package io.fidelis.core.strategy;

import io.fidelis.core.features.Evidence;
import io.fidelis.core.features.FeatureId;
import io.fidelis.core.features.Features;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Loyalty benefits never apply against credit-risk signals: current arrears above {@code maxArrearsDays}, or a
 * default, write-off or restructuring in the window. A withheld benefit takes its neutral value and is reported as a
 * {@link Conflict}.
 *
 * @param maxArrearsDays the most days past due that still allow benefits, 0 or more
 */
public record Guardrail(int maxArrearsDays) {

    private static final Benefit[] BENEFITS = Benefit.values();

    /** The credit-risk signals present in {@code features}, in declaration order. */
    public Set<RiskSignal> signals(Features features) {
        Set<RiskSignal> signals = EnumSet.noneOf(RiskSignal.class);
        if (features.valueOr(FeatureId.CURRENT_DAYS_PAST_DUE, 0) > maxArrearsDays) {
            signals.add(RiskSignal.ARREARS_ABOVE_LIMIT);
        }
        if (features.valueOr(FeatureId.DEFAULTS, 0) > 0) {
            signals.add(RiskSignal.DEFAULT_IN_WINDOW);
        }
        if (features.valueOr(FeatureId.WRITE_OFFS, 0) > 0) {
            signals.add(RiskSignal.WRITE_OFF_IN_WINDOW);
        }
        if (features.valueOr(FeatureId.RESTRUCTURINGS, 0) > 0) {
            signals.add(RiskSignal.RESTRUCTURING_IN_WINDOW);
        }
        return signals;
    }

    /** {@code intended} with every benefit withheld that the signals in {@code features} block. */
    public GuardedActions apply(Features features, Actions intended) {
        Set<RiskSignal> signals = signals(features);
        if (signals.isEmpty()) {
            return new GuardedActions(intended, List.of());
        }
        List<RiskSignal> signalList = List.copyOf(signals);
        List<Evidence> evidence = new ArrayList<>(signals.size());
        for (RiskSignal signal : signals) {
            evidence.add(Evidence.of(features, signal.evidence()));
        }
        Actions applied = intended;
        List<Conflict> conflicts = new ArrayList<>(2);
        for (Benefit benefit : BENEFITS) {
            if (applied.grants(benefit)) {
                applied = applied.without(benefit);
                conflicts.add(new Conflict(benefit, signalList, evidence));
            }
        }
        return new GuardedActions(applied, conflicts);
    }
}
