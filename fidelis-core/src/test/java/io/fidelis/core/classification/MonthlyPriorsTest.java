package io.fidelis.core.classification;

import static io.fidelis.core.fixtures.HistoryBuilder.aCustomer;
import static io.fidelis.core.fixtures.HistoryBuilder.aLoan;
import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.domain.InteractionType;
import io.fidelis.core.fixtures.PolicyFixtures;
import io.fidelis.core.policy.Hysteresis;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MonthlyPriorsTest {

    private static final Classifier BROAD = new Classifier(PolicyFixtures.broad()); // hysteresis on, 2 months

    private static CustomerHistory aSteadyBorrower() {
        return aCustomer("C1")
                .onboarded("2024-01-10")
                .withLoan(aLoan("L1").startingOn("2025-06-15").monthly(24, "50000.00"))
                .paidOnTime("L1")
                .survey("2026-03-01", 5, 9)
                .interaction("2026-08-20", InteractionType.MEETING)
                .build();
    }

    @ParameterizedTest(name = "as of {0} with {1} months: {2}")
    @CsvSource({
        "2026-09-30, 2, 2026-07-31 2026-08-31",
        "2026-09-15, 2, 2026-07-31 2026-08-31",
        "2026-09-01, 1, 2026-08-31",
        "2026-03-31, 1, 2026-02-28",
        "2024-03-10, 2, 2024-01-31 2024-02-29",
        "2026-01-31, 3, 2025-10-31 2025-11-30 2025-12-31",
    })
    void priorsAreTheMonthEndsBeforeTheAsOfMonthOldestFirst(LocalDate asOf, int months, String expected) {
        List<LocalDate> dates = MonthlyPriors.dates(new Hysteresis(true, 2, months), asOf);

        assertThat(dates)
                .containsExactlyElementsOf(
                        Arrays.stream(expected.split(" ")).map(LocalDate::parse).toList());
    }

    @Test
    void hysteresisOffNeedsNoPriors() {
        Classifier seedCase = new Classifier(PolicyFixtures.seedCase());

        assertThat(MonthlyPriors.dates(Hysteresis.OFF, LocalDate.parse("2026-09-30")))
                .isEmpty();
        assertThat(MonthlyPriors.of(seedCase, aSteadyBorrower(), LocalDate.parse("2026-09-30")))
                .isEmpty();
    }

    @Test
    void eachPriorIsClassifiedWithThePriorsBeforeIt() {
        CustomerHistory history = aSteadyBorrower();
        PriorEvaluation july =
                BROAD.classify(history, LocalDate.parse("2026-07-31")).toPrior();
        PriorEvaluation august = BROAD.classify(history, LocalDate.parse("2026-08-31"), List.of(july), List.of())
                .toPrior();

        List<PriorEvaluation> priors = MonthlyPriors.of(BROAD, history, LocalDate.parse("2026-09-30"));

        assertThat(priors).containsExactly(july, august);
    }
}
