package io.fidelis.core.evaluation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Randomises customers into treatment and control, balanced within each stratum (e.g. tier and lifecycle stage), so
 * that the arms are comparable class by class and the control arm shows what happens without the strategy.
 *
 * <p>Within a stratum the customer ids are sorted, shuffled (Fisher-Yates) with a {@link SplittableRandom} seeded from
 * (seed, strategy id, stratum), and the first {@code share * n} go to treatment; a fractional part is rounded up with
 * probability equal to it, so no arm is favoured in small strata and the expected share is exact. The result depends
 * only on the set of (customer, stratum) pairs, the share, the seed and the strategy id: not on the input order, and a
 * stratum's arms do not change when customers of another stratum are added or removed.
 */
public final class StratifiedAssignment {

    private static final double ROUNDING_NOISE = 1e-9;

    private StratifiedAssignment() {}

    /**
     * Assigns every customer to an arm.
     *
     * @param stratumByCustomer each customer's stratum, e.g. {@code "C042" -> "high|active"}
     * @param treatmentShare share of each stratum to put in treatment, strictly between 0 and 1, e.g. 0.5
     * @param seed random seed, recorded in the provenance
     * @param strategyId the strategy evaluated; different strategies get independent assignments from one seed
     */
    public static Assignments assign(
            Map<String, String> stratumByCustomer, double treatmentShare, long seed, String strategyId) {
        if (!(treatmentShare > 0 && treatmentShare < 1)) {
            throw new IllegalArgumentException(
                    "treatment share " + treatmentShare + " must be strictly between 0 and 1");
        }
        if (strategyId == null || strategyId.isBlank()) {
            throw new IllegalArgumentException("an assignment needs a strategy id");
        }
        SortedMap<String, List<String>> customersByStratum = new TreeMap<>();
        stratumByCustomer.forEach((customer, stratum) -> {
            if (customer == null || customer.isBlank() || stratum == null) {
                throw new IllegalArgumentException(
                        "customer '" + customer + "' with stratum '" + stratum + "': both are required");
            }
            customersByStratum
                    .computeIfAbsent(stratum, key -> new ArrayList<>())
                    .add(customer);
        });
        List<Assignment> assignments = new ArrayList<>(stratumByCustomer.size());
        SortedMap<String, ArmCounts> counts = new TreeMap<>();
        long strategyHash = fnv1a(strategyId);
        customersByStratum.forEach((stratum, customers) -> {
            customers.sort(Comparator.naturalOrder());
            SplittableRandom random = new SplittableRandom(mix(mix(mix(seed) ^ strategyHash) ^ fnv1a(stratum)));
            for (int i = customers.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                String swap = customers.get(i);
                customers.set(i, customers.get(j));
                customers.set(j, swap);
            }
            double exact = treatmentShare * customers.size();
            // 0.3 * 10 is 3.0000000000000004 in binary: round away such noise before the fraction is drawn.
            int treated = (int) Math.floor(exact + ROUNDING_NOISE);
            double fraction = exact - treated;
            if (fraction > ROUNDING_NOISE && random.nextDouble() < fraction) {
                treated++;
            }
            for (int i = 0; i < customers.size(); i++) {
                assignments.add(new Assignment(customers.get(i), stratum, i < treated ? Arm.TREATMENT : Arm.CONTROL));
            }
            counts.put(stratum, new ArmCounts(treated, customers.size() - treated));
        });
        assignments.sort(Comparator.comparing(Assignment::customerId));
        return new Assignments(assignments, new AssignmentProvenance(seed, treatmentShare, strategyId, counts));
    }

    /** SplitMix64's finaliser: spreads nearby seeds over the whole range. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** 64-bit FNV-1a of the UTF-8 bytes: a fixed, documented hash, wider than String's 32-bit hashCode. */
    private static long fnv1a(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
