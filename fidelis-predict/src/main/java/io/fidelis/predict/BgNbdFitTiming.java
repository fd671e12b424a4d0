package io.fidelis.predict;

import io.fidelis.core.prediction.ActivitySummary;
import io.fidelis.core.prediction.BgNbd;
import io.fidelis.core.prediction.BgNbdFit;
import io.fidelis.core.prediction.BgNbdParameters;
import java.util.List;

/**
 * Times the BG/NBD fit on N simulated customers (bench/bgnbd-bench.sh runs it): {@code BgNbdFitTiming N [SEED]}.
 * Prints one line: customers, distinct summaries, evaluations, seconds, and the recovered against the true parameters.
 */
public final class BgNbdFitTiming {

    private BgNbdFitTiming() {}

    public static void main(String[] args) {
        int customers = Integer.parseInt(args[0]);
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        BgNbdParameters truth = new BgNbdParameters(0.25, 4.0, 0.8, 2.5);
        List<ActivitySummary> summaries = SimulatedActivity.draw(truth, customers, 156, seed);
        long start = System.nanoTime();
        BgNbdFit fit = BgNbd.fit(summaries);
        double seconds = (System.nanoTime() - start) / 1e9;
        BgNbdParameters p = fit.parameters();
        System.out.printf(
                "customers %d, distinct (x, tx, T) %d, likelihood evaluations %d, fit %.2f s;"
                        + " r %.4f (true %.2f), alpha %.4f (%.2f), a %.4f (%.2f), b %.4f (%.2f)%n",
                fit.customers(),
                fit.distinctSummaries(),
                fit.evaluations(),
                seconds,
                p.r(),
                truth.r(),
                p.alpha(),
                truth.alpha(),
                p.a(),
                truth.a(),
                p.b(),
                truth.b());
    }
}
