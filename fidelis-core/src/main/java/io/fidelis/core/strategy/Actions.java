package io.fidelis.core.strategy;

import java.util.List;

/**
 * The strategy actions for a customer.
 *
 * @param pricingBps pricing adjustment in basis points (negative is a discount: a loyalty benefit)
 * @param ratingNotch internal rating adjustment: +1 (a loyalty benefit), 0 or -1
 * @param approvalRoute how the next application is routed
 * @param creditLine what to do with the credit line
 * @param outreach contacts to make, in order
 */
public record Actions(
        int pricingBps,
        int ratingNotch,
        ApprovalRoute approvalRoute,
        CreditLineAction creditLine,
        List<Outreach> outreach) {

    /** No adjustment, standard route, line maintained, no outreach. */
    public static final Actions NEUTRAL =
            new Actions(0, 0, ApprovalRoute.STANDARD, CreditLineAction.MAINTAIN, List.of());

    public Actions {
        outreach = outreach == null ? List.of() : List.copyOf(outreach);
    }

    /** Whether these actions grant {@code benefit}. */
    public boolean grants(Benefit benefit) {
        return switch (benefit) {
            case PRICING_DISCOUNT -> pricingBps < 0;
            case RATING_UPGRADE -> ratingNotch > 0;
            case PRIORITY_APPROVAL -> approvalRoute == ApprovalRoute.PRIORITY;
            case CREDIT_LINE_INCREASE -> creditLine == CreditLineAction.INCREASE;
        };
    }

    /** These actions with {@code benefit} replaced by its neutral value (no discount, no notch, standard, maintain). */
    public Actions without(Benefit benefit) {
        return switch (benefit) {
            case PRICING_DISCOUNT -> new Actions(0, ratingNotch, approvalRoute, creditLine, outreach);
            case RATING_UPGRADE -> new Actions(pricingBps, 0, approvalRoute, creditLine, outreach);
            case PRIORITY_APPROVAL ->
                new Actions(pricingBps, ratingNotch, ApprovalRoute.STANDARD, creditLine, outreach);
            case CREDIT_LINE_INCREASE ->
                new Actions(pricingBps, ratingNotch, approvalRoute, CreditLineAction.MAINTAIN, outreach);
        };
    }
}
