package io.fidelis.generator;

import static io.fidelis.core.domain.Product.LEASING;
import static io.fidelis.core.domain.Product.PROJECT_FINANCE;
import static io.fidelis.core.domain.Product.REVOLVING;
import static io.fidelis.core.domain.Product.TERM_LOAN;
import static io.fidelis.core.domain.Product.TRADE_FINANCE;
import static io.fidelis.core.domain.Product.WORKING_CAPITAL;

import io.fidelis.core.domain.CompanySize;
import io.fidelis.core.domain.Product;

/**
 * Draws loan terms: the product from the industry and size, a log-normal amount within the product's range, a rate
 * around 3-8% with spreads for product, size and risk, and a tenor and schedule that suit the product.
 */
final class Products {

    /** The product lines drawn, in the column order of {@link #WEIGHTS_BY_INDUSTRY}. */
    private static final Product[] LINES = {
        PROJECT_FINANCE, WORKING_CAPITAL, TERM_LOAN, LEASING, TRADE_FINANCE, REVOLVING
    };

    // Rows follow Firms.INDUSTRIES.
    private static final double[][] WEIGHTS_BY_INDUSTRY = {
        {2, 35, 20, 20, 8, 15}, // manufacturing
        {15, 30, 20, 15, 10, 10}, // construction
        {2, 25, 18, 35, 10, 10}, // logistics
        {35, 15, 25, 15, 0, 10}, // energy
        {0, 30, 5, 0, 45, 20}, // wholesale trade
        {0, 40, 25, 10, 0, 25}, // technology
        {10, 30, 25, 15, 10, 10}, // chemicals
        {0, 40, 20, 10, 20, 10}, // food processing
        {3, 30, 30, 25, 0, 12}, // healthcare
        {0, 45, 20, 20, 15, 0}, // agriculture
        {40, 20, 30, 0, 0, 10}, // real estate
        {0, 40, 15, 15, 20, 10} // textiles
    };

    /** Anchor loans may be stretched to this tenor to reach past a turning point. */
    private static final int LONGEST_TENOR = 120;

    private Products() {}

    /**
     * Terms of a new loan with a tenor between {@code minMonths} (0: any) and {@code maxMonths}, or null when no
     * product fits.
     */
    static Terms draw(Firm firm, Archetype archetype, boolean prefersShort, int minMonths, int maxMonths, Draw draw) {
        double[] weights = WEIGHTS_BY_INDUSTRY[firm.industry()].clone();
        CompanySize size = firm.sizeOrMedium();
        for (int i = 0; i < LINES.length; i++) {
            Product product = LINES[i];
            if (product == PROJECT_FINANCE && (size == CompanySize.MICRO || size == CompanySize.SMALL)) {
                weights[i] = 0;
            }
            if (prefersShort && isLong(product)) {
                weights[i] *= 0.15;
            }
            if (tenor(product, minMonths, maxMonths, null) < 0) {
                weights[i] = 0;
            }
        }
        if (isZero(weights)) {
            return null;
        }
        Product product = LINES[draw.weighted(weights)];
        int tenor = tenor(product, minMonths, maxMonths, draw);
        int period;
        boolean annuity;
        int grace = 0;
        switch (product) {
            case PROJECT_FINANCE -> {
                period = 3;
                annuity = true;
                grace = Math.min(draw.between(4, 8), tenor / period - 4);
            }
            case TERM_LOAN -> {
                period = tenor % 3 == 0 && draw.chance(0.6) ? 3 : 1;
                annuity = true;
            }
            case LEASING -> {
                period = 1;
                annuity = true;
            }
            case WORKING_CAPITAL -> {
                period = 1;
                annuity = draw.chance(0.4);
            }
            case TRADE_FINANCE -> {
                period = draw.chance(0.7) ? tenor : 1;
                annuity = false;
            }
            default -> {
                period = 1;
                annuity = false;
            }
        }
        return new Terms(
                product,
                amountFen(product, size, draw),
                rate(product, size, archetype, draw),
                tenor,
                period,
                annuity,
                grace);
    }

    private static boolean isLong(Product product) {
        return product == PROJECT_FINANCE || product == TERM_LOAN || product == LEASING;
    }

    private static boolean isZero(double[] weights) {
        for (double weight : weights) {
            if (weight > 0) {
                return false;
            }
        }
        return true;
    }

    private static int[] tenors(Product product) {
        return switch (product) {
            case PROJECT_FINANCE -> new int[] {60, 72, 84, 96, 120};
            case WORKING_CAPITAL -> new int[] {6, 12, 12, 12, 18, 24, 36};
            case TERM_LOAN -> new int[] {24, 36, 48, 60, 72, 84};
            case LEASING -> new int[] {24, 36, 48, 60, 72};
            case TRADE_FINANCE -> new int[] {3, 6, 6, 9, 12};
            default -> new int[] {12, 12, 24, 36};
        };
    }

    /**
     * A tenor of the product within [min, max]; long products may be stretched (to whole quarters) to reach
     * {@code min}. Returns -1 when none fits; with a null {@code draw} only checks.
     */
    private static int tenor(Product product, int minMonths, int maxMonths, Draw draw) {
        int[] options = tenors(product);
        int fitting = 0;
        for (int option : options) {
            if (option >= minMonths && option <= maxMonths) {
                fitting++;
            }
        }
        if (fitting > 0) {
            if (draw == null) {
                return 0;
            }
            int pick = draw.between(0, fitting - 1);
            for (int option : options) {
                if (option >= minMonths && option <= maxMonths && pick-- == 0) {
                    return option;
                }
            }
        }
        int stretched = Math.min(LONGEST_TENOR, (minMonths + 2) / 3 * 3);
        boolean canStretch = isLong(product) && minMonths > options[options.length - 1] && stretched <= maxMonths;
        return canStretch ? stretched : -1;
    }

    /** Log-normal around the product's median, shifted by company size, within its range, in whole 10,000 CNY. */
    private static long amountFen(Product product, CompanySize size, Draw draw) {
        double[] range = switch (product) {
            // min, median, max in CNY
            case PROJECT_FINANCE -> new double[] {10e6, 60e6, 500e6};
            case WORKING_CAPITAL -> new double[] {0.5e6, 3e6, 20e6};
            case TERM_LOAN -> new double[] {2e6, 15e6, 100e6};
            case LEASING -> new double[] {1e6, 6e6, 50e6};
            case TRADE_FINANCE -> new double[] {0.5e6, 3e6, 30e6};
            default -> new double[] {1e6, 5e6, 30e6};
        };
        double shift = switch (size) {
            case MICRO -> -1.3;
            case SMALL -> -0.6;
            case MEDIUM -> 0;
            case LARGE -> 0.9;
        };
        double yuan = Math.exp(Math.log(range[1]) + shift + 0.7 * draw.gaussian());
        long tenThousands = Math.round(Math.min(range[2], Math.max(range[0], yuan)) / 10_000);
        return tenThousands * 10_000 * 100;
    }

    /** Annual rate in units of 0.0001: product base + size spread + risk spread of the archetype + noise. */
    private static int rate(Product product, CompanySize size, Archetype archetype, Draw draw) {
        int base = switch (product) {
            case PROJECT_FINANCE -> 460;
            case WORKING_CAPITAL -> 400;
            case TERM_LOAN -> 430;
            case LEASING -> 500;
            case TRADE_FINANCE -> 360;
            default -> 440;
        };
        int sizeSpread = switch (size) {
            case MICRO -> 120;
            case SMALL -> 70;
            case MEDIUM -> 30;
            case LARGE -> 0;
        };
        int risk = switch (archetype) {
            case LOYAL_CORE -> -40; // preferential pricing for core customers
            case STEADY -> 0;
            case PRICE_SHOPPER -> -30; // negotiated down
            case OCCASIONAL -> 20;
            case DETERIORATING -> 40;
            case NEW -> 30;
            case DORMANT, CHURNED_TO_COMPETITOR -> 10;
            case DEFAULTED -> 100;
        };
        long rate = Math.round(base + sizeSpread + risk + 25 * draw.gaussian());
        return (int) Math.min(850, Math.max(280, rate));
    }
}
