package io.fidelis.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fidelis.core.domain.Survey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SatisfactionShiftTest {

    private static final LocalDate START = LocalDate.of(2025, 9, 30);
    private static final int ANSWERS = 40_000;

    @ParameterizedTest(name = "Phi({0}) = {1}")
    @CsvSource({"0, 0.5", "1, 0.8413447461", "-1.959963985, 0.025", "2.326347874, 0.99", "-3, 0.0013498980"})
    void theNormalDistributionIsAccurateToTheSeventhDecimal(double x, double phi) {
        assertThat(SatisfactionShift.normalCdf(x)).isCloseTo(phi, within(2e-7));
    }

    @ParameterizedTest(name = "mean {0}, shift {1}")
    @CsvSource({"3.8, 0.3", "3.2, 0.3", "3.9, 0.8", "2.1, 0.5", "3.5, -0.3", "2.1, -0.8", "3.9, -0.2", "4.6, 0.4"})
    void answersMoveByTheShiftOnAverageWhateverTheirMean(double mean, double shift) {
        // Answers drawn the way the generator draws them, each shifted once.
        SplittableRandom random = new SplittableRandom(Double.doubleToLongBits(mean * 31 + shift));
        Draw draw = new Draw(random);
        List<Survey> surveys = new ArrayList<>(ANSWERS);
        double[] means = new double[ANSWERS];
        for (int i = 0; i < ANSWERS; i++) {
            int answer = CustomerSimulation.satisfactionAnswer(
                    mean, CustomerSimulation.SATISFACTION_NOISE * draw.gaussian());
            surveys.add(new Survey("C1", START.plusDays(1 + i), answer, null));
            means[i] = mean;
        }
        CustomerStory story =
                new CustomerStory(null, null, null, List.of(), List.of(), List.of(), surveys, means, List.of());
        SatisfactionShift shifting = new SatisfactionShift(shift, START);

        List<Survey> shifted = shifting.apply(story, 42).surveys();

        double moved = 0;
        double squares = 0;
        for (int i = 0; i < ANSWERS; i++) {
            int change = shifted.get(i).satisfaction() - surveys.get(i).satisfaction();
            assertThat(Math.abs(change)).isLessThanOrEqualTo(1);
            assertThat(shifted.get(i).satisfaction()).isBetween(1, 5);
            moved += change;
            squares += change * change;
        }
        double average = moved / ANSWERS;
        double se = Math.sqrt((squares / ANSWERS - average * average) / ANSWERS);
        assertThat(average).isCloseTo(shift, within(4 * se));
        assertThat(shifting.capped()).isZero();
    }

    @ParameterizedTest(name = "answer on {0}")
    @CsvSource({"2025-09-30", "2025-01-01"})
    void answersUpToTheStartAreLeftAlone(LocalDate day) {
        List<Survey> surveys = List.of(new Survey("C1", day, 3, 7));
        CustomerStory story = new CustomerStory(
                null, null, null, List.of(), List.of(), List.of(), surveys, new double[] {3.0}, List.of());

        assertThat(new SatisfactionShift(0.8, START).apply(story, 1).surveys()).isEqualTo(surveys);
    }
}
