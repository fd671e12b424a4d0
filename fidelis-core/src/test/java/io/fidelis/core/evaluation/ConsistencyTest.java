package io.fidelis.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fidelis.core.evaluation.Consistency.Measure;
import io.fidelis.core.evaluation.Consistency.Member;
import io.fidelis.core.evaluation.Consistency.Row;
import io.fidelis.core.policy.Tier;
import io.fidelis.core.strategy.Actions;
import io.fidelis.core.strategy.ApprovalRoute;
import io.fidelis.core.strategy.CreditLineAction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsistencyTest {

    private static final Actions PRIORITY =
            new Actions(-25, 1, ApprovalRoute.PRIORITY, CreditLineAction.INCREASE, List.of());
    private static final Actions REVIEW =
            new Actions(25, -1, ApprovalRoute.ENHANCED_REVIEW, CreditLineAction.REDUCE, List.of());

    private static List<Member> region(String region, int high, int low) {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < high; i++) {
            members.add(new Member(Map.of("region", region), Tier.HIGH, PRIORITY));
        }
        for (int i = 0; i < low; i++) {
            members.add(new Member(Map.of("region", region), Tier.LOW, REVIEW));
        }
        return members;
    }

    private static Row row(List<Row> rows, String segment, Measure measure) {
        return rows.stream()
                .filter(r -> r.segment().equals(segment) && r.measure() == measure)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aRegionWithFarFewerHighTiersIsFlaggedAndTheOthersAreNot() {
        List<Member> members = new ArrayList<>();
        members.addAll(region("north", 100, 100));
        members.addAll(region("south", 100, 100));
        members.addAll(region("west", 20, 180));

        List<Row> rows = Consistency.check(members, List.of("region"), EstimationSettings.of(30), 0.10);

        Row west = row(rows, "west", Measure.HIGH_TIER);
        assertThat(west.customers()).isEqualTo(200);
        assertThat(west.segmentRate()).isEqualTo(0.10);
        assertThat(west.restRate()).isEqualTo(0.50);
        assertThat(west.difference().estimate().orElseThrow().point())
                .isEqualTo(-0.40, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(west.flagged()).isTrue();
        assertThat(row(rows, "west", Measure.LOYALTY_BENEFIT).flagged()).isTrue();
        assertThat(row(rows, "west", Measure.RISK_RESTRICTION).flagged()).isTrue();
        assertThat(row(rows, "north", Measure.HIGH_TIER).flagged())
                .as("north: 50% against 30% elsewhere")
                .isTrue();
        assertThat(rows).hasSize(3 * Measure.values().length);
    }

    @ParameterizedTest(name = "{0} customers per region, gap threshold {1}: flagged {2}")
    @CsvSource({
        "200, 0.10, true", // 40% against 50%: a gap of 10 points, clear at this size
        "200, 0.15, false", // the same gap is under a 15-point threshold
        "20, 0.10, false", // too few customers: the interval includes zero
    })
    void aGapIsFlaggedOnlyWhenLargeEnoughAndClear(int size, double gap, boolean flagged) {
        List<Member> members = new ArrayList<>();
        members.addAll(region("a", size / 2, size / 2));
        members.addAll(region("b", size * 2 / 5, size * 3 / 5));
        members.addAll(region("c", size / 2, size / 2));
        members.addAll(region("d", size / 2, size / 2));

        List<Row> rows = Consistency.check(members, List.of("region"), EstimationSettings.of(10), gap);

        assertThat(row(rows, "b", Measure.HIGH_TIER).flagged()).isEqualTo(flagged);
    }

    @Test
    void customersWithoutAValueFormTheirOwnSegment() {
        Map<String, String> none = new HashMap<>();
        none.put("size", null);
        List<Member> members = List.of(
                new Member(none, Tier.MEDIUM, Actions.NEUTRAL),
                new Member(Map.of("size", "large"), Tier.HIGH, PRIORITY));

        List<Row> rows = Consistency.check(members, List.of("size"), EstimationSettings.of(1), 0.10);

        assertThat(rows).extracting(Row::segment).contains(Consistency.MISSING, "large");
    }

    @Test
    void belowTheMinimumGroupThereIsNoNumberAndNoFlag() {
        List<Row> rows = Consistency.check(region("tiny", 1, 4), List.of("region"), EstimationSettings.of(30), 0.10);

        assertThat(rows).allSatisfy(r -> {
            assertThat(r.difference()).isInstanceOf(InsufficientData.class);
            assertThat(r.flagged()).isFalse();
        });
    }

    @Test
    void aGapOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> Consistency.check(List.of(), List.of("region"), EstimationSettings.of(30), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("share from 0 to 1");
    }
}
