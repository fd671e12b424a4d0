package io.fidelis.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StratifiedAssignmentTest {

    private static final String STRATEGY = "medium-follow-up-v1";

    static Stream<Long> seeds() {
        return LongStream.of(1, 2, 3, 42, 20_261_115, -7).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void sameSeedGivesTheSameArmsWhateverTheInputOrder(long seed) {
        Map<String, String> portfolio = aPortfolio(seed, 300);
        Map<String, String> reordered = shuffled(portfolio, seed);

        Assignments first = StratifiedAssignment.assign(portfolio, 0.5, seed, STRATEGY);
        Assignments again = StratifiedAssignment.assign(reordered, 0.5, seed, STRATEGY);

        assertThat(again).isEqualTo(first);
        assertThat(first.all()).extracting(Assignment::customerId).isSorted();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void halfSharesAreBalancedWithinEveryStratum(long seed) {
        Map<String, String> portfolio = aPortfolio(seed, 301);

        Assignments assignments = StratifiedAssignment.assign(portfolio, 0.5, seed, STRATEGY);

        Map<String, int[]> counted = new TreeMap<>();
        for (Assignment assignment : assignments.all()) {
            counted.computeIfAbsent(assignment.stratum(), key -> new int[2])[
                    assignment.arm().ordinal()]++;
        }
        counted.forEach((stratum, arms) ->
                assertThat(Math.abs(arms[0] - arms[1])).as(stratum).isLessThanOrEqualTo(1));
        assertThat(assignments.provenance().countsByStratum())
                .allSatisfy((stratum, counts) ->
                        assertThat(counts).isEqualTo(new ArmCounts(counted.get(stratum)[0], counted.get(stratum)[1])));
        assertThat(assignments.size()).isEqualTo(portfolio.size());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theShareIsRespectedInEveryStratumAndOverall(long seed) {
        Map<String, String> strataOfTen = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            strataOfTen.put(String.format("C%04d", i), "stratum-" + (i % 20));
        }
        Map<String, String> strataOfOne = new LinkedHashMap<>();
        for (int i = 0; i < 1000; i++) {
            strataOfOne.put(String.format("C%04d", i), "alone-" + i);
        }

        Assignments tens = StratifiedAssignment.assign(strataOfTen, 0.3, seed, STRATEGY);
        Assignments ones = StratifiedAssignment.assign(strataOfOne, 0.3, seed, STRATEGY);

        assertThat(tens.provenance().countsByStratum().values()).allMatch(counts -> counts.equals(new ArmCounts(3, 7)));
        // One customer per stratum: treatment by a fair 30% coin each, so 300 +/- 4.7 standard deviations of 14.5.
        assertThat(ones.provenance().treatment()).isBetween(230, 370);
    }

    @Test
    void differentSeedsGiveDifferentArms() {
        Map<String, String> portfolio = aPortfolio(5, 200);

        List<Arm> one = arms(StratifiedAssignment.assign(portfolio, 0.5, 1, STRATEGY));
        List<Arm> two = arms(StratifiedAssignment.assign(portfolio, 0.5, 2, STRATEGY));

        assertThat(two).isNotEqualTo(one);
    }

    @Test
    void differentStrategiesGetIndependentArmsFromOneSeed() {
        Map<String, String> portfolio = aPortfolio(5, 200);

        List<Arm> followUp = arms(StratifiedAssignment.assign(portfolio, 0.5, 9, "follow-up"));
        List<Arm> winBack = arms(StratifiedAssignment.assign(portfolio, 0.5, 9, "win-back"));

        assertThat(winBack).isNotEqualTo(followUp);
    }

    @Test
    void addingCustomersToOneStratumLeavesTheOthersAlone() {
        Map<String, String> portfolio = new LinkedHashMap<>(aPortfolio(8, 120));
        Assignments before = StratifiedAssignment.assign(portfolio, 0.5, 8, STRATEGY);
        portfolio.put("Z-new-1", "low|new");
        portfolio.put("Z-new-2", "low|new");

        Assignments after = StratifiedAssignment.assign(portfolio, 0.5, 8, STRATEGY);

        for (Assignment assignment : before.all()) {
            if (!assignment.stratum().equals("low|new")) {
                assertThat(after.armOf(assignment.customerId())).contains(assignment.arm());
            }
        }
    }

    @Test
    void provenanceRecordsHowToReproduceTheAssignment() {
        Assignments assignments = StratifiedAssignment.assign(
                Map.of("C1", "high|active", "C2", "high|active", "C3", "low|dormant"), 0.5, 77, STRATEGY);

        AssignmentProvenance provenance = assignments.provenance();

        assertThat(provenance.seed()).isEqualTo(77);
        assertThat(provenance.treatmentShare()).isEqualTo(0.5);
        assertThat(provenance.strategyId()).isEqualTo(STRATEGY);
        assertThat(provenance.countsByStratum()).containsOnlyKeys("high|active", "low|dormant");
        assertThat(provenance.countsByStratum().get("high|active")).isEqualTo(new ArmCounts(1, 1));
        assertThat(provenance.treatment() + provenance.control()).isEqualTo(3);
        assertThat(assignments.armOf("unknown")).isEmpty();
        assertThat(Arm.TREATMENT.code()).isEqualTo("treatment");
    }

    @Test
    void aShareOutsideZeroToOneIsRejected() {
        assertThatThrownBy(() -> StratifiedAssignment.assign(Map.of("C1", "s"), 1.0, 1, STRATEGY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("treatment share 1.0");
        assertThatThrownBy(() -> StratifiedAssignment.assign(Map.of("C1", "s"), 0.5, 1, " "))
                .hasMessageContaining("strategy id");
    }

    /** Customers C000.. spread over tier|stage strata of uneven, partly odd sizes. */
    private static Map<String, String> aPortfolio(long seed, int customers) {
        String[] tiers = {"high", "medium", "low"};
        String[] stages = {"new", "active", "dormant", "churned"};
        Random random = new Random(seed);
        Map<String, String> portfolio = new LinkedHashMap<>();
        for (int i = 0; i < customers; i++) {
            String tier = tiers[Math.min(2, random.nextInt(4))];
            portfolio.put(String.format("C%03d", i), tier + "|" + stages[random.nextInt(stages.length)]);
        }
        return portfolio;
    }

    private static Map<String, String> shuffled(Map<String, String> portfolio, long seed) {
        List<String> ids = new ArrayList<>(portfolio.keySet());
        Collections.shuffle(ids, new Random(seed + 1));
        Map<String, String> reordered = new LinkedHashMap<>();
        ids.forEach(id -> reordered.put(id, portfolio.get(id)));
        return reordered;
    }

    private static List<Arm> arms(Assignments assignments) {
        return assignments.all().stream().map(Assignment::arm).toList();
    }
}
