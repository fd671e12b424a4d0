package io.fidelis.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.features.FeatureId;
import io.fidelis.core.features.FeatureValue;
import io.fidelis.core.features.Features;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A stored result's compact feature values behave as the map of one object per feature they replace. */
class FeatureValuesTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void compactValuesAreTheMapOfEveryFeatureInOrder(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Features.Builder builder = Features.builder(LocalDate.of(2026, 9, 30));
        Map<FeatureId, FeatureValue> expected = new EnumMap<>(FeatureId.class);
        for (FeatureId id : FeatureId.values()) {
            if (random.nextInt(3) == 0) {
                builder.missing(id);
                expected.put(id, FeatureValue.missing());
            } else {
                double value = random.nextInt(4) == 0 ? 0.0 : random.nextDouble(-1000, 1000);
                builder.set(id, value);
                expected.put(id, FeatureValue.of(value));
            }
        }

        FeatureValues fromFeatures = FeatureValues.of(builder.build());
        FeatureValues fromMap = FeatureValues.of(expected);

        assertThat(fromFeatures).isEqualTo(expected).isEqualTo(fromMap);
        assertThat(expected).isEqualTo(fromFeatures);
        assertThat(fromFeatures.hashCode()).isEqualTo(expected.hashCode());
        assertThat(new ArrayList<>(fromFeatures.keySet())).isEqualTo(List.of(FeatureId.values()));
        for (FeatureId id : FeatureId.values()) {
            assertThat(fromFeatures.present(id)).isEqualTo(expected.get(id).present());
            assertThat(fromFeatures.value(id)).isEqualTo(expected.get(id).value());
        }
        assertThat(fromFeatures.get("tenure_months")).isNull();
    }

    @org.junit.jupiter.api.Test
    void aFeatureAbsentFromTheGivenMapIsMissing() {
        FeatureValues values = FeatureValues.of(Map.of(FeatureId.values()[0], FeatureValue.of(3.5)));

        assertThat(values.get(FeatureId.values()[0])).isEqualTo(FeatureValue.of(3.5));
        assertThat(values.get(FeatureId.values()[1])).isEqualTo(FeatureValue.missing());
        assertThat(values).hasSize(FeatureId.values().length);
    }
}
