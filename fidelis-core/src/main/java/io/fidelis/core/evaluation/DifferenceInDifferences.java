package io.fidelis.core.evaluation;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Difference-in-differences: how much more the outcome changed in the treatment arm than in the control arm between
 * the period before and the period after a strategy started, (treatment after - treatment before) - (control after -
 * control before). The control arm's change stands for what would have happened anyway.
 *
 * <p>The four cells are treated as independent samples (different or re-sampled customers in each period). When the
 * same customers are measured in both periods, use {@link #ofChanges} on each customer's own change: the four-cell
 * variance ignores the correlation within a customer, which usually makes it conservative (positive correlation) but
 * can make it too narrow when the correlation is negative.
 *
 * <p><b>Which to use.</b> Every estimate exists in closed form ({@link #binary}, {@link #continuous}) and as a
 * seeded percentile bootstrap ({@link #binaryBootstrap}, {@link #continuousBootstrap}). The CLI reports the closed form
 * and keeps the bootstrap as a cross-check (a large gap between the two flags a problem with the data). In a seeded
 * simulation (400 data sets a case, 500 resamples) the closed forms held their 95% level in every case while the
 * bootstrap did not in small cells:
 *
 * <ul>
 *   <li>yes/no outcome, 20 units a cell, rates around 5%: closed form 99% coverage, bootstrap 82% (a cell without an
 *       event resamples to no event and the interval collapses); 50 units: 98% and 94.5%; 200 units: 96% and 96%.
 *       With rates of 20% to 50% both were within 94% to 96% from 20 units a cell.
 *   <li>satisfaction 1..5, skewed: 5 units a cell, closed form 97%, bootstrap 89%; 10 units: 96% and 93%; 30 units and
 *       more: both 94.5% to 96%.
 * </ul>
 *
 * Use the bootstrap as the primary estimate only for statistics without a closed form (medians, trimmed means,
 * ratios of means) and only with at least {@value #LARGE_CELL} units in every cell.
 */
public final class DifferenceInDifferences {

    /** From this many units in every cell the percentile bootstrap held its level in simulation. */
    public static final int LARGE_CELL = 30;

    private DifferenceInDifferences() {}

    /**
     * Closed form for proportions: each cell's proportion adjusted by half an event and half a non-event, (y + 0.5) /
     * (n + 1), the variance the sum of the four cells' p(1 - p) / (n + 1), a normal interval around the adjusted
     * difference (Price and Bonett 2004, the four-group case of Agresti and Caffo 2000). The point is the unadjusted
     * difference; the p-value comes from the same adjusted statistic, so it is below 1 - level exactly when the
     * interval excludes 0. In -2..2 proportion units.
     */
    public static Finding binary(Cells<BinarySample> cells, EstimationSettings settings) {
        Optional<InsufficientData> insufficient = check(cells, settings, Method.DID_ADJUSTED_WALD, 1);
        if (insufficient.isPresent()) {
            return insufficient.get();
        }
        List<BinarySample> all = cells.all();
        double[] raw = new double[4];
        double[] adjusted = new double[4];
        double variance = 0;
        for (int cell = 0; cell < 4; cell++) {
            BinarySample sample = all.get(cell);
            raw[cell] = sample.proportion();
            adjusted[cell] = (sample.events() + 0.5) / (sample.size() + 1.0);
            variance += adjusted[cell] * (1 - adjusted[cell]) / (sample.size() + 1.0);
        }
        double centre = Bootstrap.did(adjusted);
        double standardError = Math.sqrt(variance);
        double z = settings.z();
        return new Estimate(
                Bootstrap.did(raw),
                centre - z * standardError,
                centre + z * standardError,
                OptionalDouble.of(Distributions.twoSidedNormalP(centre / standardError)),
                settings.confidenceLevel(),
                sizes(cells),
                Method.DID_ADJUSTED_WALD,
                Resampling.NONE);
    }

    /** Percentile bootstrap of the unadjusted difference-in-differences of proportions. */
    public static Finding binaryBootstrap(
            Cells<BinarySample> cells, EstimationSettings settings, Resampling resampling) {
        Optional<InsufficientData> insufficient = check(cells, settings, Method.DID_PERCENTILE_BOOTSTRAP, 1);
        if (insufficient.isPresent()) {
            return insufficient.get();
        }
        requireResamples(resampling);
        double[] raw =
                cells.all().stream().mapToDouble(BinarySample::proportion).toArray();
        return Bootstrap.percentile(
                Bootstrap.did(raw),
                Bootstrap.binary(cells, resampling),
                0,
                settings,
                sizes(cells),
                Method.DID_PERCENTILE_BOOTSTRAP,
                resampling);
    }

    /**
     * Closed form for means: variance the sum of the four cells' s^2 / n, t interval and p-value with
     * Welch-Satterthwaite degrees of freedom. In the outcome's unit. Every cell needs at least 2 units.
     */
    public static Finding continuous(Cells<Sample> cells, EstimationSettings settings) {
        Optional<InsufficientData> insufficient = check(cells, settings, Method.DID_WELCH_SATTERTHWAITE, 2);
        if (insufficient.isPresent()) {
            return insufficient.get();
        }
        List<Sample> all = cells.all();
        double[] means = new double[4];
        double[] variances = new double[4];
        int[] counts = new int[4];
        for (int cell = 0; cell < 4; cell++) {
            Sample sample = all.get(cell);
            means[cell] = sample.mean();
            variances[cell] = sample.variance() / sample.size();
            counts[cell] = sample.size();
        }
        return Means.linear(
                Bootstrap.did(means), variances, counts, settings, sizes(cells), Method.DID_WELCH_SATTERTHWAITE);
    }

    /** Percentile bootstrap of the difference-in-differences of means. */
    public static Finding continuousBootstrap(Cells<Sample> cells, EstimationSettings settings, Resampling resampling) {
        Optional<InsufficientData> insufficient = check(cells, settings, Method.DID_PERCENTILE_BOOTSTRAP, 2);
        if (insufficient.isPresent()) {
            return insufficient.get();
        }
        requireResamples(resampling);
        double[] means = cells.all().stream().mapToDouble(Sample::mean).toArray();
        return Bootstrap.percentile(
                Bootstrap.did(means),
                Bootstrap.continuous(cells, resampling),
                0,
                settings,
                sizes(cells),
                Method.DID_PERCENTILE_BOOTSTRAP,
                resampling);
    }

    /**
     * The relative version for rates: (treatment after / treatment before) / (control after / control before), e.g.
     * 0.70 is "fell 30% more than in the control arm". Log variance the sum of the four cells' 1/y - 1/n (Katz); when a
     * cell has no event, 0.5 is added to every cell's events and non-events. p-value for "the ratio is 1".
     */
    public static Finding ratioOfRiskRatios(Cells<BinarySample> cells, EstimationSettings settings) {
        Optional<InsufficientData> insufficient = check(cells, settings, Method.DID_RATIO_OF_RISK_RATIOS, 1);
        if (insufficient.isPresent()) {
            return insufficient.get();
        }
        List<BinarySample> all = cells.all();
        boolean zero = all.stream().anyMatch(sample -> sample.events() == 0);
        double half = zero ? 0.5 : 0;
        double[] logRates = new double[4];
        double variance = 0;
        for (int cell = 0; cell < 4; cell++) {
            double events = all.get(cell).events() + half;
            double size = all.get(cell).size() + 2 * half;
            logRates[cell] = Math.log(events / size);
            variance += 1 / events - 1 / size;
        }
        double logRatio = Bootstrap.did(logRates);
        double standardError = Math.sqrt(variance);
        double z = settings.z();
        double p =
                standardError == 0 ? (logRatio == 0 ? 1 : 0) : Distributions.twoSidedNormalP(logRatio / standardError);
        return new Estimate(
                Math.exp(logRatio),
                Math.exp(logRatio - z * standardError),
                Math.exp(logRatio + z * standardError),
                OptionalDouble.of(p),
                settings.confidenceLevel(),
                sizes(cells),
                Method.DID_RATIO_OF_RISK_RATIOS,
                Resampling.NONE);
    }

    /**
     * Difference-in-differences when the same customers are observed before and after: each sample holds, per
     * customer, after minus before (a yes/no outcome as 1/0). The estimate is mean(treatment changes) - mean(control
     * changes) with Welch's interval, which accounts for the correlation within a customer.
     */
    public static Finding ofChanges(Sample treatmentChanges, Sample controlChanges, EstimationSettings settings) {
        return Means.difference(treatmentChanges, controlChanges, settings, Method.DID_CHANGES_WELCH);
    }

    private static Optional<InsufficientData> check(
            Cells<?> cells, EstimationSettings settings, Method method, int floor) {
        return settings.check(method, floor, sizes(cells).toArray(GroupSize[]::new));
    }

    private static List<GroupSize> sizes(Cells<?> cells) {
        return cells.all().stream()
                .map(cell -> cell instanceof BinarySample binary ? binary.groupSize() : ((Sample) cell).groupSize())
                .toList();
    }

    private static void requireResamples(Resampling resampling) {
        if (resampling.isNone()) {
            throw new IllegalArgumentException("a bootstrap needs resamples and a seed, not Resampling.NONE");
        }
    }
}
