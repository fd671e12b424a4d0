package io.fidelis.core.classification;

import io.fidelis.core.domain.CloseReason;
import io.fidelis.core.features.Evidence;
import io.fidelis.core.features.FeatureId;
import io.fidelis.core.features.Features;
import io.fidelis.core.policy.Caps;
import io.fidelis.core.policy.EvidenceThreshold;
import io.fidelis.core.policy.Tier;
import java.util.List;

/**
 * The hard rules that cap a tier whatever the score, each a small function returning the cap it imposes or null;
 * {@link #ALL} lists them in the order their reasons are shown.
 */
final class TierCaps {

    /** A ceiling on the tier and why. The reason's effect is decided once it is known whether the cap binds. */
    record Cap(Tier ceiling, ReasonCode code, List<Evidence> evidence, List<Object> args) {}

    /** One hard rule. */
    interface Rule {
        /** The cap this rule imposes on a customer with {@code features}, or null. */
        Cap apply(Caps caps, Features features);
    }

    static final List<Rule> ALL = List.of(
            TierCaps::defaultInWindow,
            TierCaps::writeOffInWindow,
            TierCaps::leftForCompetitor,
            TierCaps::insufficientEvidence);

    private TierCaps() {}

    /** A default in the window caps the tier at low. */
    static Cap defaultInWindow(Caps caps, Features features) {
        if (!caps.creditEvent() || features.valueOr(FeatureId.DEFAULTS, 0) <= 0) {
            return null;
        }
        return new Cap(
                Tier.LOW,
                ReasonCode.DEFAULT_IN_WINDOW_CAPS_LOW,
                List.of(Evidence.of(features, FeatureId.DEFAULTS)),
                List.of());
    }

    /** A write-off in the window caps the tier at low. */
    static Cap writeOffInWindow(Caps caps, Features features) {
        if (!caps.creditEvent() || features.valueOr(FeatureId.WRITE_OFFS, 0) <= 0) {
            return null;
        }
        return new Cap(
                Tier.LOW,
                ReasonCode.WRITE_OFF_IN_WINDOW_CAPS_LOW,
                List.of(Evidence.of(features, FeatureId.WRITE_OFFS)),
                List.of());
    }

    /**
     * A customer who left for a competitor is capped at low: the relationship was closed as moved to a competitor, or
     * no loan is held any more and at least one was refinanced elsewhere in the window.
     */
    static Cap leftForCompetitor(Caps caps, Features features) {
        if (!caps.leftForCompetitor()) {
            return null;
        }
        boolean movedAway =
                features.valueOr(FeatureId.CLOSED, 0) > 0 && features.closeReason() == CloseReason.MOVED_TO_COMPETITOR;
        boolean refinancedAway = features.valueOr(FeatureId.LOANS_REFINANCED_ELSEWHERE, 0) > 0
                && features.valueOr(FeatureId.ACTIVE_LOANS, 0) == 0;
        if (!movedAway && !refinancedAway) {
            return null;
        }
        return new Cap(
                Tier.LOW,
                ReasonCode.LEFT_FOR_COMPETITOR_CAPS_LOW,
                List.of(
                        Evidence.of(features, FeatureId.CLOSED),
                        Evidence.of(features, FeatureId.LOANS_REFINANCED_ELSEWHERE),
                        Evidence.of(features, FeatureId.ACTIVE_LOANS)),
                List.of());
    }

    /** Fewer installments due than the threshold and fewer survey answers than the threshold cap it at medium. */
    static Cap insufficientEvidence(Caps caps, Features features) {
        EvidenceThreshold threshold = caps.insufficientEvidence();
        double due = features.valueOr(FeatureId.INSTALLMENTS_DUE, 0);
        double surveys = features.valueOr(FeatureId.SURVEYS, 0);
        if (due >= threshold.minInstallmentsDue() || surveys >= threshold.minSurveys()) {
            return null;
        }
        return new Cap(
                Tier.MEDIUM,
                ReasonCode.INSUFFICIENT_EVIDENCE_CAPS_MEDIUM,
                List.of(Evidence.of(features, FeatureId.INSTALLMENTS_DUE), Evidence.of(features, FeatureId.SURVEYS)),
                List.of(threshold.minInstallmentsDue(), threshold.minSurveys()));
    }
}
