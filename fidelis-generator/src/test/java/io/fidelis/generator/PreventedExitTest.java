package io.fidelis.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.domain.Complaint;
import io.fidelis.core.domain.Installment;
import io.fidelis.core.domain.Interaction;
import io.fidelis.core.domain.Loan;
import io.fidelis.core.domain.Survey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A strategy acts on the day of the exit it prevents: the customer's records before that day are the ones it has
 * without the strategy, and only exits make the outcomes the effects are defined on.
 */
class PreventedExitTest {

    private static final LocalDate END = LocalDate.of(2026, 9, 30);
    private static final LocalDate START = LocalDate.of(2025, 9, 30);

    static Stream<Long> seeds() {
        return Stream.of(1L, 2L, 3L);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aPreventedExitLeavesEverythingBeforeItUnchanged(long seed) {
        CustomerSimulation simulation = new CustomerSimulation(new GeneratorSettings(1_500, seed, END, 3));
        int compared = 0;
        for (int index = 0; index < 1_500; index++) {
            CustomerPlan plan = simulation.plan(index);
            if (plan.exit() == null) {
                continue;
            }
            LocalDate exit = plan.exit().on();
            CustomerStory left = simulation.simulate(index, plan, new Ids());
            CustomerStory kept = simulation.simulate(index, plan.retain(), new Ids());

            assertThat(before(kept, exit))
                    .as("customer %d before %s", index, exit)
                    .isEqualTo(before(left, exit));
            assertThat(kept.customer().closedOn()).isNull();
            assertThat(kept.truth().stage()).isNotEqualTo(Archetype.Stage.CHURNED);
            compared++;
        }
        assertThat(compared).isGreaterThan(150);
    }

    @Test
    void onlyAnExitAfterTheStartMakesChurnOrAHighTierDefaultAndPreventingItUndoesIt() {
        CustomerSimulation simulation = new CustomerSimulation(new GeneratorSettings(4_000, 9, END, 3));
        ExperimentOutcomes outcomes = new ExperimentOutcomes(START, END);
        int churned = 0;
        int defaulted = 0;
        for (int index = 0; index < 4_000; index++) {
            CustomerPlan plan = simulation.plan(index);
            IntendedClass atStart = IntendedClass.at(plan, START);
            if (atStart == null || atStart.stage() == Archetype.Stage.CHURNED) {
                continue;
            }
            Exit exit = plan.exit();
            boolean exitAfterStart = exit != null && exit.on().isAfter(START);
            CustomerStory story = simulation.simulate(index, plan, new Ids());
            CustomerStory kept = exitAfterStart ? simulation.simulate(index, plan.retain(), new Ids()) : null;
            if (outcomes.churned(story)) {
                churned++;
                assertThat(exitAfterStart && exit.leaves())
                        .as("customer %d churned", index)
                        .isTrue();
            }
            boolean high = atStart.tier() == Archetype.Tier.HIGH;
            if (high && outcomes.defaulted(story)) {
                defaulted++;
                assertThat(exitAfterStart && !exit.leaves())
                        .as("customer %d defaulted", index)
                        .isTrue();
            }
            if (kept != null) {
                assertThat(outcomes.churned(kept)).as("customer %d kept", index).isFalse();
                assertThat(high && outcomes.defaulted(kept))
                        .as("customer %d kept", index)
                        .isFalse();
            }
        }
        assertThat(churned).isGreaterThan(200);
        assertThat(defaulted).isGreaterThan(5);
    }

    /** The records dated before {@code day}, without the ids numbered across the book. */
    private static List<String> before(CustomerStory story, LocalDate day) {
        List<String> records = new ArrayList<>();
        Map<String, String> loanKeys = new HashMap<>();
        for (Loan loan : story.loans()) {
            String key = loan.startDate() + " " + loan.product() + " " + loan.amount();
            loanKeys.put(loan.id(), key);
            if (loan.startDate().isBefore(day)) {
                boolean changed =
                        loan.statusDate().isBefore(day) && !loan.statusDate().equals(loan.startDate());
                records.add("loan " + key + (changed ? " " + loan.status() + " " + loan.statusDate() : ""));
            }
        }
        for (Installment installment : story.installments()) {
            if (installment.dueDate().isBefore(day)) {
                boolean paid =
                        installment.paidDate() != null && installment.paidDate().isBefore(day);
                records.add("installment " + loanKeys.get(installment.loanId()) + " #" + installment.number() + " "
                        + installment.dueAmount()
                        + (paid ? " " + installment.paidDate() + installment.paidAmount() : ""));
            }
        }
        for (Complaint complaint : story.complaints()) {
            if (complaint.receivedOn().isBefore(day)) {
                records.add("complaint " + complaint.receivedOn() + complaint.category() + complaint.severity());
            }
        }
        for (Survey survey : story.surveys()) {
            if (survey.surveyedOn().isBefore(day)) {
                records.add(survey.toString());
            }
        }
        for (Interaction interaction : story.interactions()) {
            if (interaction.occurredOn().isBefore(day)) {
                records.add(interaction.toString());
            }
        }
        records.sort(null);
        return records;
    }
}
