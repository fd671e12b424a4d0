package io.fidelis.core.evaluation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Adjusting p-values when many comparisons are read together. An evaluation compares several tiers, stages and
 * outcomes at once (default rate, satisfaction, NPS, churn, reactivation, each by tier): at 5% each, about one in
 * twenty true "no effect" comparisons comes out significant by chance. Holm's step-down adjustment keeps the chance of
 * any false positive in the whole family at most 5% under any dependence between the tests, and is never less powerful
 * than Bonferroni. Report raw and adjusted p-values side by side; call an effect significant by its adjusted p-value.
 * The family is what one report reads together (e.g. all comparisons of one evaluation run), fixed before looking.
 *
 * <p>Holm S (1979) A simple sequentially rejective multiple test procedure. Scand J Statist 6:65-70.
 */
public final class MultipleTesting {

    private MultipleTesting() {}

    /**
     * Holm-adjusted p-values, in the order of the input: sorted ascending, the i-th smallest (from 1) of m becomes
     * {@code min(1, max over j <= i of (m - j + 1) * p(j))}.
     */
    public static double[] holm(double... pValues) {
        for (double p : pValues) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("p-value " + p + " is not in 0..1");
            }
        }
        int m = pValues.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int index = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * pValues[index]));
            adjusted[index] = running;
        }
        return adjusted;
    }
}
