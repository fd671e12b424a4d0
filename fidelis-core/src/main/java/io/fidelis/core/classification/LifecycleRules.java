package io.fidelis.core.classification;

import io.fidelis.core.domain.LoanStatus;
import io.fidelis.core.features.Evidence;
import io.fidelis.core.features.FeatureId;
import io.fidelis.core.features.FeatureValue;
import io.fidelis.core.features.Features;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.StageCondition;
import io.fidelis.core.policy.StagePolicy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The lifecycle stage: the first of {@link #ALL} that applies decides. Churn causes come first and are told apart
 * (formal closure, default or write-off, prepayment or refinancing elsewhere, maturity without renewal); then a young
 * relationship is new; then, when the policy's activity model says so, churned; then a quiet one is dormant, or one the
 * activity model puts below its dormancy threshold; otherwise the customer is active. The activity model's conditions
 * never hold on a missing value: a customer without activity events is left to the other rules.
 *
 * <p>"Quiet for N months" means the last activity (loan start, payment or interaction), or the end of the last loan
 * when later, lies N months or more before the as-of date.
 */
final class LifecycleRules {

    /** A stage and why. */
    record Decision(Stage stage, List<Reason> reasons) {}

    /** One rule: the decision it makes, or null when it does not apply. */
    interface Rule {
        Decision apply(StagePolicy policy, Features features);
    }

    static final List<Rule> ALL = List.of(
            LifecycleRules::formalClosure,
            LifecycleRules::defaultOrWriteOff,
            LifecycleRules::prepaidOrRefinancedElsewhere,
            LifecycleRules::maturedNotRenewed,
            LifecycleRules::notYetStarted,
            LifecycleRules::recentlyOnboarded,
            LifecycleRules::churnedByActivityModel,
            LifecycleRules::dormant,
            LifecycleRules::dormantByActivityModel,
            LifecycleRules::active);

    private LifecycleRules() {}

    static Decision stage(StagePolicy policy, Features features) {
        for (Rule rule : ALL) {
            Decision decision = rule.apply(policy, features);
            if (decision != null) {
                if (decision.stage() != Stage.CHURNED && features.lastEndedLoanStatus() != null) {
                    List<Reason> reasons = new ArrayList<>(decision.reasons());
                    reasons.add(Reason.of(
                            ReasonCode.NO_LOAN_HELD,
                            Effect.NEUTRAL,
                            evidence(features, FeatureId.ACTIVE_LOANS, FeatureId.DAYS_SINCE_LAST_LOAN_END),
                            features.lastEndedLoanStatus()));
                    return new Decision(decision.stage(), reasons);
                }
                return decision;
            }
        }
        throw new IllegalStateException("the last lifecycle rule always applies");
    }

    static Decision formalClosure(StagePolicy policy, Features features) {
        if (features.closedOn() == null) {
            return null;
        }
        Object reason = features.closeReason() == null ? "" : features.closeReason();
        return churned(Reason.of(
                ReasonCode.CHURNED_FORMAL_CLOSURE,
                Effect.NEUTRAL,
                evidence(features, FeatureId.CLOSED),
                features.closedOn(),
                reason));
    }

    static Decision defaultOrWriteOff(StagePolicy policy, Features features) {
        LoanStatus last = features.lastEndedLoanStatus();
        if (last != LoanStatus.DEFAULTED && last != LoanStatus.WRITTEN_OFF) {
            return null;
        }
        return churned(Reason.of(
                ReasonCode.CHURNED_DEFAULT_OR_WRITE_OFF,
                Effect.NEUTRAL,
                evidence(features, FeatureId.ACTIVE_LOANS, FeatureId.DAYS_SINCE_LAST_LOAN_END),
                last));
    }

    static Decision prepaidOrRefinancedElsewhere(StagePolicy policy, Features features) {
        LoanStatus last = features.lastEndedLoanStatus();
        if ((last != LoanStatus.PREPAID && last != LoanStatus.REFINANCED_ELSEWHERE)
                || !quietFor(features, policy.churnAfterExitMonths())) {
            return null;
        }
        return churned(Reason.of(
                ReasonCode.CHURNED_PREPAID_OR_REFINANCED_ELSEWHERE,
                Effect.NEUTRAL,
                evidence(features, FeatureId.DAYS_SINCE_LAST_LOAN_END, FeatureId.DAYS_SINCE_LAST_ACTIVITY),
                last,
                policy.churnAfterExitMonths()));
    }

    static Decision maturedNotRenewed(StagePolicy policy, Features features) {
        LoanStatus last = features.lastEndedLoanStatus();
        if ((last != LoanStatus.REPAID && last != LoanStatus.CANCELLED)
                || !quietFor(features, policy.churnAfterMaturityMonths())) {
            return null;
        }
        return churned(Reason.of(
                ReasonCode.CHURNED_MATURED_NOT_RENEWED,
                Effect.NEUTRAL,
                evidence(features, FeatureId.DAYS_SINCE_LAST_LOAN_END, FeatureId.DAYS_SINCE_LAST_ACTIVITY),
                policy.churnAfterMaturityMonths()));
    }

    static Decision notYetStarted(StagePolicy policy, Features features) {
        LocalDate start = features.relationshipStart();
        if (start == null || !start.isAfter(features.asOf())) {
            return null;
        }
        return new Decision(
                Stage.NEW,
                List.of(Reason.of(
                        ReasonCode.STAGE_NEW_NOT_YET_STARTED,
                        Effect.NEUTRAL,
                        evidence(features, FeatureId.TENURE_MONTHS),
                        start)));
    }

    static Decision recentlyOnboarded(StagePolicy policy, Features features) {
        LocalDate start = features.relationshipStart();
        if (start == null || !start.isAfter(features.asOf().minusMonths(policy.newMonths()))) {
            return null;
        }
        return new Decision(
                Stage.NEW,
                List.of(Reason.of(
                        ReasonCode.STAGE_NEW_RECENTLY_ONBOARDED,
                        Effect.NEUTRAL,
                        evidence(features, FeatureId.TENURE_MONTHS),
                        start,
                        policy.newMonths())));
    }

    static Decision dormant(StagePolicy policy, Features features) {
        if (features.lastActivityOn() == null) {
            return new Decision(
                    Stage.DORMANT,
                    List.of(Reason.of(
                            ReasonCode.STAGE_DORMANT_NO_ACTIVITY_RECORDED,
                            Effect.NEUTRAL,
                            evidence(features, FeatureId.DAYS_SINCE_LAST_ACTIVITY, FeatureId.TENURE_MONTHS))));
        }
        if (features.lastActivityOn().isAfter(features.asOf().minusMonths(policy.dormantMonths()))) {
            return null;
        }
        return new Decision(
                Stage.DORMANT,
                List.of(Reason.of(
                        ReasonCode.STAGE_DORMANT_NO_RECENT_ACTIVITY,
                        Effect.NEUTRAL,
                        evidence(features, FeatureId.DAYS_SINCE_LAST_ACTIVITY),
                        features.lastActivityOn(),
                        policy.dormantMonths())));
    }

    static Decision churnedByActivityModel(StagePolicy policy, Features features) {
        StageCondition met = firstMet(policy.activityModel().churnedWhen(), features);
        return met == null ? null : churned(activityModelReason(ReasonCode.CHURNED_ACTIVITY_MODEL, met, features));
    }

    static Decision dormantByActivityModel(StagePolicy policy, Features features) {
        StageCondition met = firstMet(policy.activityModel().dormantWhen(), features);
        return met == null
                ? null
                : new Decision(
                        Stage.DORMANT,
                        List.of(activityModelReason(ReasonCode.STAGE_DORMANT_ACTIVITY_MODEL, met, features)));
    }

    /** The first condition whose feature is present and below its threshold; a missing value meets none. */
    private static StageCondition firstMet(List<StageCondition> conditions, Features features) {
        for (StageCondition condition : conditions) {
            if (features.has(condition.feature())
                    && features.valueOr(condition.feature(), Double.NaN) < condition.below()) {
                return condition;
            }
        }
        return null;
    }

    private static Reason activityModelReason(ReasonCode code, StageCondition met, Features features) {
        String threshold = Messages.value(met.feature(), FeatureValue.of(met.below()), Language.ENGLISH);
        return Reason.of(
                code,
                Effect.NEUTRAL,
                evidence(features, met.feature(), FeatureId.DAYS_SINCE_LAST_ACTIVITY),
                met.feature(),
                threshold);
    }

    static Decision active(StagePolicy policy, Features features) {
        return new Decision(
                Stage.ACTIVE,
                List.of(Reason.of(
                        ReasonCode.STAGE_ACTIVE_RECENT_ACTIVITY,
                        Effect.NEUTRAL,
                        evidence(features, FeatureId.DAYS_SINCE_LAST_ACTIVITY, FeatureId.ACTIVITY_COUNT),
                        policy.dormantMonths())));
    }

    private static Decision churned(Reason reason) {
        return new Decision(Stage.CHURNED, List.of(reason));
    }

    /** Whether nothing happened for {@code months}: last activity and last loan end both that long ago or more. */
    private static boolean quietFor(Features features, int months) {
        LocalDate asOf = features.asOf();
        LocalDate latest = features.lastActivityOn();
        if (features.has(FeatureId.DAYS_SINCE_LAST_LOAN_END)) {
            LocalDate end = asOf.minusDays((long) features.valueOr(FeatureId.DAYS_SINCE_LAST_LOAN_END, 0));
            latest = latest == null || end.isAfter(latest) ? end : latest;
        }
        return latest == null || !latest.isAfter(asOf.minusMonths(months));
    }

    private static List<Evidence> evidence(Features features, FeatureId... ids) {
        List<Evidence> evidence = new ArrayList<>(ids.length);
        for (FeatureId id : ids) {
            evidence.add(Evidence.of(features, id));
        }
        return evidence;
    }
}
