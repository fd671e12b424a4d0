package io.fidelis.core.classification;

import static io.fidelis.core.classification.ReasonCode.*;

import io.fidelis.core.features.FeatureId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * For every feature, the reason code when its value reads low and when it reads high, and the features quoted with
 * it. Whether a value reads high depends on the factor's curve (the half of the curve nearer its best end for a curve
 * rewarding high values), so one table serves any policy.
 */
final class FactorReasons {

    /** The pair of codes and the supporting evidence of one feature. */
    record Pair(ReasonCode low, ReasonCode high, List<FeatureId> support) {}

    private static final Map<FeatureId, Pair> PAIRS = new EnumMap<>(FeatureId.class);

    static {
        put(FeatureId.TENURE_MONTHS, SHORT_RELATIONSHIP, LONG_RELATIONSHIP);
        put(FeatureId.DAYS_SINCE_LAST_ACTIVITY, RECENT_ACTIVITY, NO_RECENT_ACTIVITY);
        put(FeatureId.ACTIVITY_COUNT, INFREQUENT_USE, FREQUENT_USE);
        put(FeatureId.LOANS_STARTED, FEW_LOANS, REPEAT_BORROWER);
        put(FeatureId.ACTIVE_LOANS, FEW_PRODUCTS_HELD, SEVERAL_PRODUCTS_HELD);
        put(FeatureId.PRODUCT_BREADTH, NARROW_PRODUCT_USE, BROAD_PRODUCT_USE);
        put(FeatureId.COMMITTED_AMOUNT, SMALL_COMMITMENT, LARGE_COMMITMENT, FeatureId.ACTIVE_LOANS);
        put(FeatureId.OUTSTANDING_AMOUNT, SMALL_OUTSTANDING, LARGE_OUTSTANDING, FeatureId.ACTIVE_LOANS);
        put(FeatureId.INSTALLMENTS_DUE, SHORT_REPAYMENT_RECORD, LONG_REPAYMENT_RECORD);
        put(FeatureId.ON_TIME_RATE_BY_COUNT, LATE_PAYMENTS, ON_TIME_RATE_HIGH, FeatureId.INSTALLMENTS_DUE);
        put(FeatureId.ON_TIME_RATE_BY_AMOUNT, LATE_PAYMENTS_BY_AMOUNT, ON_TIME_AMOUNT_HIGH, FeatureId.INSTALLMENTS_DUE);
        put(FeatureId.CURRENT_DAYS_PAST_DUE, NO_CURRENT_ARREARS, IN_ARREARS);
        put(FeatureId.MAX_DAYS_PAST_DUE, NO_SERIOUS_DELAY, SERIOUS_DELAY, FeatureId.INSTALLMENTS_DUE);
        put(FeatureId.DEFAULTS, NO_DEFAULTS, DEFAULTED);
        put(FeatureId.RESTRUCTURINGS, NO_RESTRUCTURING, RESTRUCTURED);
        put(FeatureId.WRITE_OFFS, NO_WRITE_OFFS, WRITTEN_OFF);
        put(FeatureId.COMPLAINTS, FEW_COMPLAINTS, COMPLAINTS_FILED, FeatureId.OPEN_COMPLAINTS);
        put(FeatureId.HIGH_SEVERITY_COMPLAINTS, NO_SEVERE_COMPLAINTS, SEVERE_COMPLAINTS, FeatureId.COMPLAINTS);
        put(FeatureId.OPEN_COMPLAINTS, NO_OPEN_COMPLAINTS, OPEN_COMPLAINTS);
        put(FeatureId.ESCALATED_COMPLAINTS, NO_ESCALATIONS, COMPLAINTS_ESCALATED, FeatureId.COMPLAINTS);
        put(FeatureId.SURVEYS, FEW_SURVEYS, SURVEYED_REGULARLY);
        put(FeatureId.SATISFACTION_LATEST, LOW_SATISFACTION_LATEST, HIGH_SATISFACTION_LATEST, FeatureId.SURVEYS);
        put(FeatureId.SATISFACTION_MEAN, LOW_SATISFACTION, HIGH_SATISFACTION, FeatureId.SURVEYS);
        put(FeatureId.SATISFACTION_TREND, SATISFACTION_FALLING, SATISFACTION_RISING, FeatureId.SATISFACTION_LATEST);
        put(FeatureId.NPS_LATEST, DETRACTOR_LATEST, PROMOTER_LATEST, FeatureId.SURVEYS);
        put(FeatureId.NPS_MEAN, DETRACTOR, PROMOTER, FeatureId.SURVEYS);
        put(FeatureId.REFERRALS, NO_REFERRALS, REFERRALS_MADE);
        put(FeatureId.POSITIVE_REVIEWS, NO_POSITIVE_REVIEWS, POSITIVE_REVIEWS);
        put(FeatureId.NEGATIVE_REVIEWS, NO_NEGATIVE_REVIEWS, NEGATIVE_REVIEWS);
        put(FeatureId.PROGRAMME_ENROLLED, NOT_IN_PROGRAMME, PROGRAMME_ACTIVE, FeatureId.PROGRAMME_BENEFIT_USES);
        put(FeatureId.PROGRAMME_BENEFIT_USES, PROGRAMME_UNUSED, PROGRAMME_BENEFITS_USED);
        put(FeatureId.COMPETITOR_QUOTES, NO_COMPETITOR_QUOTES, COMPETITOR_QUOTES);
        put(FeatureId.RATE_NEGOTIATIONS, NO_RATE_NEGOTIATIONS, RATE_NEGOTIATIONS);
        put(FeatureId.LOANS_PREPAID, NO_PREPAYMENTS, PREPAYMENTS);
        put(FeatureId.LOANS_REFINANCED_ELSEWHERE, NO_REFINANCING_ELSEWHERE, REFINANCED_ELSEWHERE);
        put(
                FeatureId.PRICE_SENSITIVITY_SIGNALS,
                NOT_PRICE_SENSITIVE,
                PRICE_SENSITIVE,
                FeatureId.COMPETITOR_QUOTES,
                FeatureId.RATE_NEGOTIATIONS,
                FeatureId.LOANS_PREPAID,
                FeatureId.LOANS_REFINANCED_ELSEWHERE);
        put(
                FeatureId.STAYED_DESPITE_COMPETITOR_OFFER,
                LEFT_AFTER_COMPETITOR_OFFER,
                STAYED_DESPITE_COMPETITOR_OFFER,
                FeatureId.COMPETITOR_QUOTES);
        put(FeatureId.CLOSED, RELATIONSHIP_OPEN, RELATIONSHIP_CLOSED);
        put(FeatureId.DAYS_SINCE_LAST_LOAN_END, RECENT_LOAN_END, LONG_SINCE_LAST_LOAN);
    }

    private FactorReasons() {}

    private static void put(FeatureId feature, ReasonCode low, ReasonCode high, FeatureId... support) {
        PAIRS.put(feature, new Pair(low, high, List.of(support)));
    }

    /** The pair of {@code feature}; every feature has one. */
    static Pair of(FeatureId feature) {
        Pair pair = PAIRS.get(feature);
        if (pair == null) {
            throw new IllegalStateException("no reason codes for feature " + feature);
        }
        return pair;
    }
}
