package io.fidelis.predict;

import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.classification.Classification;
import io.fidelis.core.features.FeatureId;
import io.fidelis.core.features.Features;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import io.fidelis.core.prediction.ActivitySummary;
import io.fidelis.core.prediction.BgNbdParameters;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChurnFeaturesTest {

    private static final LocalDate MONTH_END = LocalDate.of(2025, 3, 31);
    private static final BgNbdParameters FIT = new BgNbdParameters(0.8, 20, 0.6, 2.5);

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 40).boxed();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void observationHasTheValuesOfTheFeatureMapItReplaced(long seed) {
        Snapshot snapshot = randomSnapshot(new Random(seed));
        for (Outcome outcome : Outcome.values()) {
            Observation unit = ChurnFeatures.observation(snapshot, Optional.of(FIT), outcome);

            Map<String, Double> expected = featureMap(snapshot, Optional.of(FIT), outcome);
            assertThat(unit.features()).isEqualTo(expected);
            expected.forEach((name, value) -> assertThat(unit.value(name)).isEqualTo(value));
            assertThat(unit.value("stage=" + otherStage(snapshot.stage()).code()))
                    .isZero();
            assertThat(unit.id()).isEqualTo(snapshot.customerId() + "@" + snapshot.asOf());
        }
    }

    @Test
    void snapshotsKeepNoClassificationReasonsOrContributions() {
        // a fit holds some 30 snapshots per customer: a classification's reasons and contributions ran a 4 GB heap out
        assertThat(Arrays.stream(Snapshot.class.getRecordComponents())
                        .<Class<?>>map(RecordComponent::getType)
                        .toList())
                .doesNotContain(Classification.class, List.class, Map.class);
    }

    @Test
    void observationsOfSnapshotsShareOneListOfNamesAndKeepNoMapOfTheirOwn() {
        Random random = new Random(3);
        List<Snapshot> snapshots =
                IntStream.range(0, 20).mapToObj(i -> randomSnapshot(random)).toList();
        List<Observation> units = ChurnFeatures.of(snapshots);

        assertThat(units)
                .extracting(Observation::columns)
                .containsOnly(units.get(0).columns());
        assertThat(Arrays.stream(Observation.class.getDeclaredFields())
                        .<Class<?>>map(f -> f.getType())
                        .toList())
                .doesNotContain(Map.class, List.class, String[].class, double[].class);
    }

    @Test
    void namesOfUnitsAreTheFeaturesSomeUnitHas() {
        Observation a = new Observation("a", Map.of("x", 1.0, "y:missing", 1.0), false);
        Observation b = new Observation("b", Map.of("x", 0.0, "z", 2.0), true);

        assertThat(Observation.names(List.of(a, b))).containsExactly("x", "y:missing", "z");
    }

    private static Stage otherStage(Stage stage) {
        return stage == Stage.ACTIVE ? Stage.NEW : Stage.ACTIVE;
    }

    private static Snapshot randomSnapshot(Random random) {
        Features.Builder features = Features.builder(MONTH_END);
        for (FeatureId id : FeatureId.values()) {
            if (random.nextInt(4) > 0) {
                features.set(id, random.nextInt(3) == 0 ? 0 : random.nextDouble() * 1000 - 50);
            }
        }
        Optional<ActivitySummary> activity = random.nextBoolean()
                ? Optional.empty()
                : Optional.of(new ActivitySummary(3, 20, 40 + random.nextInt(50)));
        return new Snapshot(
                MONTH_END,
                "C" + random.nextInt(1000),
                Stage.values()[random.nextInt(Stage.values().length)],
                Tier.values()[random.nextInt(Tier.values().length)],
                random.nextBoolean() ? OptionalDouble.empty() : OptionalDouble.of(random.nextDouble() * 100),
                features.build(),
                activity,
                random.nextBoolean() ? null : Stage.values()[random.nextInt(Stage.values().length)],
                random.nextBoolean());
    }

    /** The observation as a map, as the churn features were built before they were kept by column. */
    private static Map<String, Double> featureMap(Snapshot snapshot, Optional<BgNbdParameters> fit, Outcome outcome) {
        Map<String, Double> values = new HashMap<>();
        Features features = snapshot.features();
        for (FeatureId id : FeatureId.values()) {
            if (id.population()) {
                continue;
            }
            if (features.has(id)) {
                double value = features.valueOr(id, 0);
                values.put(id.code(), ChurnFeatures.compressed(id.unit()) ? Math.log1p(Math.max(0, value)) : value);
            } else {
                values.put(id.code() + ":missing", 1.0);
            }
        }
        snapshot.score().ifPresent(score -> values.put("loyalty_score", score));
        values.put("stage=" + snapshot.stage().code(), 1.0);
        values.put("tier=" + snapshot.tier().code(), 1.0);
        double pAlive = 1.0;
        double expected = 0.0;
        if (fit.isPresent() && snapshot.activity().isPresent()) {
            pAlive = fit.get().probabilityAlive(snapshot.activity().get());
            expected = fit.get().expectedActivity(snapshot.activity().get(), ChurnFeatures.HORIZON_WEEKS);
        }
        values.put(ChurnFeatures.P_ALIVE, pAlive);
        values.put(ChurnFeatures.EXPECTED_ACTIVITY, expected);
        if (outcome == Outcome.DEFAULT) {
            values.keySet().removeIf(name -> !ChurnFeatures.DEFAULT_FEATURES.contains(name.replace(":missing", "")));
        }
        return values;
    }
}
