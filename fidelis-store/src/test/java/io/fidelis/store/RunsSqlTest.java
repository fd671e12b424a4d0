package io.fidelis.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.classification.ReasonCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunsSqlTest {

    @Test
    void aMultiValuedCellJoinsTheCodesInOrderAndSplitsBackToThem() {
        List<ReasonCode> reasons = List.of(ReasonCode.values()[2], ReasonCode.values()[0], ReasonCode.values()[1]);

        String cell = RunsSql.join(reasons);

        assertThat(cell)
                .isEqualTo(RunsSql.code(reasons.get(0)) + ";" + RunsSql.code(reasons.get(1)) + ";"
                        + RunsSql.code(reasons.get(2)));
        assertThat(RunsSql.split(cell, c -> ReasonCode.valueOf(c.toUpperCase(java.util.Locale.ROOT))))
                .isEqualTo(reasons);
        assertThat(RunsSql.join(List.of())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void aCellWrittenAsBytesEqualsTheJoinedCellsBytes(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ReasonCode> reasons = new ArrayList<>();
        for (int i = random.nextInt(30); i > 0; i--) {
            reasons.add(ReasonCode.values()[random.nextInt(ReasonCode.values().length)]);
        }
        byte[] into = new byte[RunsSql.joinedLength(reasons) + 7];

        RunsSql.joinInto(reasons, into);

        byte[] joined = RunsSql.join(reasons).getBytes(StandardCharsets.UTF_8);
        assertThat(RunsSql.joinedLength(reasons)).isEqualTo(joined.length);
        assertThat(Arrays.copyOf(into, joined.length)).isEqualTo(joined);
    }
}
