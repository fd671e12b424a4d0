package io.fidelis.predict;

import io.fidelis.core.features.FeatureId;
import io.fidelis.core.policy.Stage;

/** What a model predicts over the horizon, and who is at risk of it. */
public enum Outcome {
    /** Becomes Dormant or Churned: customers New or Active at the date are at risk. */
    CHURN,
    /** A loan becomes defaulted or written off: customers holding a loan at the date, not Churned, are at risk. */
    DEFAULT;

    /** The model kind in stored model ids ({@code churn-1}, {@code default-1}). */
    public String kind() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Outcome ofKind(String kind) {
        for (Outcome outcome : values()) {
            if (outcome.kind().equals(kind)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("no outcome '" + kind + "' (churn, default)");
    }

    public boolean atRisk(Snapshot snapshot) {
        Stage stage = snapshot.stage();
        return switch (this) {
            case CHURN -> stage == Stage.NEW || stage == Stage.ACTIVE;
            case DEFAULT -> stage != Stage.CHURNED && snapshot.features().valueOr(FeatureId.ACTIVE_LOANS, 0) > 0;
        };
    }

    /** Whether it happened; null when the horizon is after the data. */
    public Boolean happened(Snapshot snapshot) {
        if (snapshot.laterStage() == null) {
            return null;
        }
        return this == CHURN ? snapshot.churned() : snapshot.defaulted();
    }
}
