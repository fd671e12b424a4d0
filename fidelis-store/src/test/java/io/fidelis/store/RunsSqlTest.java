package io.fidelis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fidelis.core.classification.ReasonCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        List<ReasonCode> reasons = randomReasons(seed);
        byte[] into = new byte[RunsSql.joinedLength(reasons) + 7];

        RunsSql.joinInto(reasons, into);

        byte[] joined = RunsSql.join(reasons).getBytes(StandardCharsets.UTF_8);
        assertThat(RunsSql.joinedLength(reasons)).isEqualTo(joined.length);
        assertThat(Arrays.copyOf(into, joined.length)).isEqualTo(joined);
    }

    /** Up to 29 reasons, repeats allowed, in random order. */
    private static List<ReasonCode> randomReasons(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ReasonCode> reasons = new ArrayList<>();
        for (int i = random.nextInt(30); i > 0; i--) {
            reasons.add(ReasonCode.values()[random.nextInt(ReasonCode.values().length)]);
        }
        return reasons;
    }

    @Test
    void aReasonCellHoldsTheReasonsNumbersAndSplitsBackToThem() {
        List<ReasonCode> reasons =
                List.of(ReasonCode.LONG_RELATIONSHIP, ReasonCode.SHORT_RELATIONSHIP, ReasonCode.NO_LOAN_HELD);

        String cell = RunsSql.joinReasons(reasons);

        assertThat(cell).isEqualTo("2;1;101");
        assertThat(RunsSql.splitReasons(cell)).isEqualTo(reasons);
        assertThat(RunsSql.joinReasons(List.of())).isEmpty();
        assertThat(RunsSql.splitReasons("")).isEmpty();
    }

    @Test
    void aReasonCellOfARunStoredBeforeTheNumbersHoldsCodesAndStillSplits() {
        List<ReasonCode> reasons = List.of(ReasonCode.NO_LOAN_HELD, ReasonCode.LONG_RELATIONSHIP);

        assertThat(RunsSql.splitReasons(RunsSql.join(reasons))).isEqualTo(reasons);
    }

    @Test
    void anUnknownReasonNumberIsRefusedByName() {
        assertThatThrownBy(() -> RunsSql.splitReasons("2;9999"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reason number 9999")
                .hasMessageContaining("reason-numbers.txt");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void aReasonCellWrittenAsBytesEqualsTheJoinedCellsBytes(long seed) {
        List<ReasonCode> reasons = randomReasons(seed);
        byte[] into = new byte[RunsSql.reasonsCapacity(reasons.size())];

        int written = RunsSql.joinReasonsInto(reasons, into);

        byte[] joined = RunsSql.joinReasons(reasons).getBytes(StandardCharsets.UTF_8);
        assertThat(written).isEqualTo(joined.length);
        assertThat(Arrays.copyOf(into, joined.length)).isEqualTo(joined);
        assertThat(RunsSql.splitReasons(new String(into, 0, joined.length, StandardCharsets.UTF_8)))
                .isEqualTo(reasons);
    }

    @Test
    void everyReasonCodeHasItsOwnNumber() {
        Map<ReasonCode, Integer> numbers = ReasonNumbers.read();

        assertThat(numbers.keySet()).containsExactlyInAnyOrder(ReasonCode.values());
        assertThat(new HashSet<>(numbers.values())).hasSize(ReasonCode.values().length);
    }

    @Test
    void aPublishedReasonNumberNeverChanges() throws IOException {
        // stored runs hold the numbers: the published file may only grow
        Map<ReasonCode, Integer> numbers = ReasonNumbers.read();
        List<String> published;
        try (var in = RunsSqlTest.class.getResourceAsStream("reason-numbers-published.txt")) {
            published = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        }

        assertThat(published).hasSizeGreaterThanOrEqualTo(101);
        for (String line : published) {
            String[] parts = line.split(" ");
            assertThat(numbers.get(ReasonCode.valueOf(parts[1].toUpperCase(Locale.ROOT))))
                    .as(line)
                    .isEqualTo(Integer.parseInt(parts[0]));
        }
    }
}
