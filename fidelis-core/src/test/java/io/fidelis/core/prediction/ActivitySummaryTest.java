package io.fidelis.core.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivitySummaryTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);

    @Test
    void weeksAreCountedFromTheFirstEvent() {
        ActivitySummary summary = ActivitySummary.ofEventDays(
                        List.of(LocalDate.of(2026, 1, 6), LocalDate.of(2026, 1, 20), LocalDate.of(2026, 3, 3)), AS_OF)
                .orElseThrow();
        assertThat(summary).isEqualTo(new ActivitySummary(2, 8.0, 12.0));
    }

    @Test
    void eventsOnTheSameDayCountOnce() {
        LocalDate day = LocalDate.of(2026, 3, 3);
        assertThat(ActivitySummary.ofEventDays(List.of(day, day, day), AS_OF)).contains(new ActivitySummary(0, 0, 4.0));
    }

    @Test
    void eventsAfterTheAsOfDateAreIgnored() {
        assertThat(ActivitySummary.ofEventDays(List.of(LocalDate.of(2026, 3, 3), AS_OF.plusDays(1)), AS_OF))
                .contains(new ActivitySummary(0, 0, 4.0));
    }

    @Test
    void customerWithoutEventsHasNoSummary() {
        assertThat(ActivitySummary.ofEventDays(List.of(AS_OF.plusDays(1)), AS_OF))
                .isEmpty();
    }

    @Test
    void lastEventCannotBeAfterTheEndOfObservation() {
        assertThatThrownBy(() -> new ActivitySummary(1, 5, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
