package io.fidelis.predict;

import io.fidelis.core.prediction.ActivitySummary;
import io.fidelis.core.prediction.BgNbdParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Customers drawn from the BG/NBD process itself, for checking that the fit recovers known parameters and for timing
 * it at scale: each customer's rate is gamma(r, alpha), its drop-out probability beta(a, b), its observation window
 * uniform over {@code maxWeeks} whole days, and its event times are rounded to days, as a lender's records are.
 */
public final class SimulatedActivity {

    private SimulatedActivity() {}

    public static List<ActivitySummary> draw(BgNbdParameters truth, int customers, double maxWeeks, long seed) {
        RandomGenerator generator = new Well19937c(seed);
        GammaDistribution rates = new GammaDistribution(generator, truth.r(), 1 / truth.alpha());
        BetaDistribution dropOuts = new BetaDistribution(generator, truth.a(), truth.b());
        SplittableRandom random = new SplittableRandom(seed);
        int maxDays = (int) Math.round(maxWeeks * 7);
        List<ActivitySummary> summaries = new ArrayList<>(customers);
        for (int i = 0; i < customers; i++) {
            double rate = rates.sample();
            double dropOut = dropOuts.sample();
            int days = 1 + random.nextInt(maxDays);
            double bigT = days / 7.0;
            double time = 0;
            int x = 0;
            int lastDay = 0;
            while (true) {
                time += -Math.log(1 - random.nextDouble()) / rate;
                int day = (int) Math.floor(time * 7);
                if (day > days) {
                    break;
                }
                if (day > lastDay) {
                    x++;
                    lastDay = day;
                }
                if (random.nextDouble() < dropOut) {
                    break;
                }
            }
            summaries.add(new ActivitySummary(x, lastDay / 7.0, bigT));
        }
        return summaries;
    }
}
