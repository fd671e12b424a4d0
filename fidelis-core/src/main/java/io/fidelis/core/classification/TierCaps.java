package io.fidelis.core.classification;

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

    static final List<Rule> ALL =
            List.of(TierCaps::defaultInWindow, TierCaps::writeOffInWindow, TierCaps::insufficientEvidence);

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
