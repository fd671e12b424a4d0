package io.fidelis.generator;

import io.fidelis.core.domain.Coded;

/**
 * A behavioural archetype of a generated customer, its share of the book and the class it is meant to have at the
 * end date. {@code truth.csv} records the archetype, tier and stage of every customer, so a classifier can be
 * compared with the intended class. The enum constants below are the one table of the mapping.
 *
 * <p>Besides, customers of loyal_core, steady, price_shopper and occasional may leave for a competitor or stop paying
 * at any time in the period through the {@link BackgroundExits background hazards} (1-6% a year): such a customer's
 * intended class at the end is low/churned, whatever its archetype. In a book with a simulated strategy ({@link
 * Experiment}) a treated customer whose exit the strategy prevented keeps its archetype's class (a churned_to_competitor
 * customer kept is low/active). {@code truth.csv} gives each customer's own intended class.
 *
 * <table>
 *   <caption>Archetypes, their share of the book and their intended class at the end date</caption>
 *   <tr><th>archetype</th><th>share</th><th>tier</th><th>stage</th><th>behaviour</th></tr>
 *   <tr><td>loyal_core</td><td>15%</td><td>high</td><td>active</td>
 *       <td>5-15 years of tenure, a new loan every 4-10 months, ~99% on time, satisfaction ~4.6, NPS ~9,
 *       referrals, loyalty programme, positive reviews; competitor quotes are rare and never lead anywhere</td></tr>
 *   <tr><td>steady</td><td>25%</td><td>medium</td><td>active</td>
 *       <td>good payer (~96% on time, short delays), average satisfaction ~3.8, few referrals</td></tr>
 *   <tr><td>price_shopper</td><td>10%</td><td>medium</td><td>active</td>
 *       <td>short products, frequent competitor quotes and rate negotiations, a third of the loans prepaid or
 *       refinanced elsewhere, pricing complaints, satisfaction ~3.2; keeps a current loan</td></tr>
 *   <tr><td>occasional</td><td>8%</td><td>medium</td><td>active</td>
 *       <td>a short loan every 10-20 months with quiet gaps, the latest one started in the last 6 months</td></tr>
 *   <tr><td>deteriorating</td><td>8%</td><td>low</td><td>active</td>
 *       <td>steady at first; from a turning point in the period: late and partial payments (~40% on time),
 *       restructurings, complaints, negative reviews, satisfaction falling to ~2</td></tr>
 *   <tr><td>new</td><td>10%</td><td>medium</td><td>new</td>
 *       <td>onboarded in the last 14-180 days: an application, usually a first loan, inquiries and meetings</td></tr>
 *   <tr><td>dormant</td><td>10%</td><td>medium</td><td>dormant</td>
 *       <td>an ordinary customer whose last loan ended and who went silent 13-22 months before the end date;
 *       the relationship stays open</td></tr>
 *   <tr><td>churned_to_competitor</td><td>10%</td><td>low</td><td>churned</td>
 *       <td>restless in its last year (competitor quotes, rate negotiations, falling satisfaction), then
 *       refinances every loan elsewhere 5-18 months before the end date; 85% close within 45 days, mostly as
 *       moved_to_competitor</td></tr>
 *   <tr><td>defaulted</td><td>4%</td><td>low</td><td>churned</td>
 *       <td>weaker payer that stops paying 14-30 months before the end date; defaulted 91-150 days after the first
 *       missed installment, often written off later, usually closed with reason default</td></tr>
 * </table>
 */
public enum Archetype implements Coded {
    LOYAL_CORE(15, Tier.HIGH, Stage.ACTIVE),
    STEADY(25, Tier.MEDIUM, Stage.ACTIVE),
    PRICE_SHOPPER(10, Tier.MEDIUM, Stage.ACTIVE),
    OCCASIONAL(8, Tier.MEDIUM, Stage.ACTIVE),
    DETERIORATING(8, Tier.LOW, Stage.ACTIVE),
    NEW(10, Tier.MEDIUM, Stage.NEW),
    DORMANT(10, Tier.MEDIUM, Stage.DORMANT),
    CHURNED_TO_COMPETITOR(10, Tier.LOW, Stage.CHURNED),
    DEFAULTED(4, Tier.LOW, Stage.CHURNED);

    private static final Archetype[] VALUES = values();

    private final int sharePercent;
    private final Tier tier;
    private final Stage stage;

    Archetype(int sharePercent, Tier tier, Stage stage) {
        this.sharePercent = sharePercent;
        this.tier = tier;
        this.stage = stage;
    }

    /** Expected share of the book, in percent; the shares add up to 100. */
    public int sharePercent() {
        return sharePercent;
    }

    /**
     * The loyalty tier a customer of this archetype should have at the end date, unless it left or stopped paying
     * through a background hazard (see {@code truth.csv} for each customer's own).
     */
    public Tier tier() {
        return tier;
    }

    /** The lifecycle stage a customer of this archetype should be in at the end date (the same proviso). */
    public Stage stage() {
        return stage;
    }

    @Override
    public String code() {
        return Coded.codeOf(this);
    }

    /** Draws an archetype with the shares above. */
    static Archetype draw(Draw draw) {
        int ticket = draw.between(0, 99);
        for (Archetype archetype : VALUES) {
            ticket -= archetype.sharePercent;
            if (ticket < 0) {
                return archetype;
            }
        }
        throw new IllegalStateException("archetype shares do not add up to 100");
    }

    /** Loyalty tier (高 / 中 / 低忠诚度), as written in {@code truth.csv}. */
    public enum Tier implements Coded {
        HIGH,
        MEDIUM,
        LOW;

        @Override
        public String code() {
            return Coded.codeOf(this);
        }
    }

    /** Lifecycle stage (新 / 活跃 / 沉睡 / 流失), as written in {@code truth.csv}. */
    public enum Stage implements Coded {
        NEW,
        ACTIVE,
        DORMANT,
        CHURNED;

        @Override
        public String code() {
            return Coded.codeOf(this);
        }
    }
}
