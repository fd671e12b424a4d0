package io.fidelis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.store.CustomerRange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HistoryPipelineTest {

    @ParameterizedTest
    @CsvSource({"1, 16, 1", "16, 16, 16", "17, 16, 9", "100, 16, 15", "43, 16, 15", "5, 2, 2", "7, 1, 1"})
    void mergedRangesCoverTheSameCustomersInOrderAndAreFewEnough(int count, int most, int expected) {
        List<CustomerRange> ranges = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ranges.add(new CustomerRange(String.format("C%04d", 2 * i), String.format("C%04d", 2 * i + 1)));
        }

        List<CustomerRange> merged = HistoryPipeline.merged(ranges, most);

        assertThat(merged).hasSize(expected);
        assertThat(merged.get(0).first()).isEqualTo(ranges.get(0).first());
        assertThat(merged.get(merged.size() - 1).last())
                .isEqualTo(ranges.get(count - 1).last());
        for (CustomerRange range : ranges) {
            assertThat(merged.stream().filter(m -> m.contains(range.first()) && m.contains(range.last())))
                    .as("%s in exactly one merged range", range)
                    .hasSize(1);
        }
        for (int i = 1; i < merged.size(); i++) {
            assertThat(CustomerRange.compare(
                            merged.get(i - 1).last(), merged.get(i).first()))
                    .isNegative();
        }
    }
}
