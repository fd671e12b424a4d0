package io.fidelis.core.classification;

import static io.fidelis.core.fixtures.HistoryBuilder.aCustomer;
import static io.fidelis.core.fixtures.HistoryBuilder.aLoan;
import static io.fidelis.core.fixtures.HistoryBuilder.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.domain.InteractionType;
import io.fidelis.core.features.FeatureId;
import io.fidelis.core.fixtures.HistoryBuilder;
import io.fidelis.core.fixtures.PolicyFixtures;
import io.fidelis.core.policy.Policy;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.prediction.ActivityFit;
import io.fidelis.core.prediction.ActivityPopulation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Worked example of the activity model (BG/NBD) in the lifecycle: a book of 60 drawdown patterns plus three customers
 * of interest, classified as of 2024-09-30 under the seed case with {@code stages.activity_model} (Dormant below
 * P(alive) 0.30, Churned below 0.02; dormant_months 12).
 */
class ActivityModelStageTest {

    private static final LocalDate AS_OF = date("2024-09-30");
    private static final Policy WITH_MODEL = PolicyFixtures.activityModel();
    private static final Policy WITHOUT = PolicyFixtures.seedCase();

    /** A drawdown every month from January 2022 to March 2024, then nothing: seven months quiet, under the 12 of recency. */
    private static CustomerHistory steady() {
        HistoryBuilder b = aCustomer("C-STEADY").onboarded("2021-01-01");
        for (LocalDate d = date("2022-01-03"); d.isBefore(date("2024-04-01")); d = d.plusMonths(1)) {
            b.interaction(d.toString(), InteractionType.DRAWDOWN);
        }
        return b.build();
    }

    /** Two drawdowns six months apart, the last as long ago as the steady customer's. */
    private static CustomerHistory sporadic() {
        return aCustomer("C-SPORADIC")
                .onboarded("2021-01-01")
                .interaction("2023-06-15", InteractionType.DRAWDOWN)
                .interaction("2023-12-20", InteractionType.DRAWDOWN)
                .build();
    }

    /** Monthly meetings, never an application, drawdown or loan: BG/NBD knows nothing of it. */
    private static CustomerHistory meetingsOnly() {
        HistoryBuilder b = aCustomer("C-MEETINGS").onboarded("2021-01-01");
        for (LocalDate d = date("2022-01-10"); !d.isAfter(AS_OF); d = d.plusMonths(1)) {
            b.interaction(d.toString(), InteractionType.MEETING);
        }
        return b.build();
    }

    /** 60 customers drawing down every 1 to 8 weeks from a staggered start; a third of them stop after 200 days. */
    private static List<CustomerHistory> background() {
        List<CustomerHistory> book = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            HistoryBuilder b = aCustomer("B" + i).onboarded("2021-01-01");
            LocalDate start = date("2022-01-01").plusDays(7L * i);
            LocalDate stop = i % 3 == 0 ? start.plusDays(200) : AS_OF;
            for (LocalDate d = start; !d.isAfter(stop); d = d.plusDays(7L * (1 + i % 8))) {
                b.interaction(d.toString(), InteractionType.DRAWDOWN);
            }
            book.add(b.build());
        }
        return book;
    }

    private static List<CustomerHistory> book() {
        List<CustomerHistory> book = new ArrayList<>(background());
        book.add(steady());
        book.add(sporadic());
        book.add(meetingsOnly());
        return book;
    }

    private static ActivityFit fit(List<CustomerHistory> book, LocalDate asOf) {
        ActivityPopulation population = new ActivityPopulation(asOf);
        book.forEach(population::add);
        return population.fit();
    }

    private static Classification classify(Policy policy, ActivityFit fit, CustomerHistory history) {
        return new DatedClassifier(policy, AS_OF, Map.of(), fit).classify(history);
    }

    @Test
    void aLowProbabilityAliveMakesAQuietFrequentCustomerDormantBeforeTheRecencyRuleWould() {
        ActivityFit fit = fit(book(), AS_OF);

        Classification steady = classify(WITH_MODEL, fit, steady());
        Classification sporadic = classify(WITH_MODEL, fit, sporadic());

        // fitted: r 2.18, alpha 6.36, a 0.259, b 7.77; steady P(alive) 0.181, 0.87 expected in 26 weeks;
        // sporadic P(alive) 0.703 (one repeat only, as long ago: BG/NBD reads little into its silence)
        assertThat(steady.features().get(FeatureId.P_ALIVE).get()).isCloseTo(0.181, within(0.01));
        assertThat(steady.features().get(FeatureId.EXPECTED_ACTIVITY_26W).get()).isCloseTo(0.87, within(0.03));
        assertThat(steady.features().get(FeatureId.P_ALIVE).get()).isBetween(0.02, 0.30);
        assertThat(steady.stage()).isEqualTo(Stage.DORMANT);
        assertThat(steady.stageReasons())
                .extracting(Reason::code)
                .containsExactly(ReasonCode.STAGE_DORMANT_ACTIVITY_MODEL);
        assertThat(Messages.reason(steady.stageReasons().get(0), Language.ENGLISH))
                .startsWith(
                        "Dormant by the activity model: probability still active (BG/NBD) below the policy's 30.0%");
        assertThat(sporadic.features().get(FeatureId.P_ALIVE).get()).isGreaterThan(0.30);
        assertThat(sporadic.stage()).isEqualTo(Stage.ACTIVE);
        // the same customer under the same windows without the activity model: nine quiet months are still active
        assertThat(new DatedClassifier(WITHOUT, AS_OF, Map.of())
                        .classify(steady())
                        .stage())
                .isEqualTo(Stage.ACTIVE);
    }

    @Test
    void aCustomerWithoutActivityEventsHasTheFeaturesMissingNotZeroAndKeepsItsRecencyStage() {
        Classification meetings = classify(WITH_MODEL, fit(book(), AS_OF), meetingsOnly());

        assertThat(meetings.features().has(FeatureId.P_ALIVE)).isFalse();
        assertThat(meetings.features().has(FeatureId.EXPECTED_ACTIVITY_26W)).isFalse();
        assertThat(meetings.stage()).isEqualTo(Stage.ACTIVE);
    }

    @Test
    void recordsAfterTheAsOfDateChangeNeitherTheFitNorTheResult() {
        List<CustomerHistory> book = book();
        List<CustomerHistory> withFuture = new ArrayList<>();
        for (CustomerHistory history : book) {
            withFuture.add(withFutureRecords(history));
        }
        withFuture.add(aCustomer("C-LATER")
                .onboarded("2024-11-01")
                .interaction("2024-11-02", InteractionType.APPLICATION)
                .interaction("2024-12-02", InteractionType.DRAWDOWN)
                .build());

        ActivityFit now = fit(book, AS_OF);
        ActivityFit later = fit(withFuture, AS_OF);

        assertThat(later).isEqualTo(now);
        for (int i = 0; i < book.size(); i++) {
            assertThat(classify(WITH_MODEL, later, withFuture.get(i)))
                    .isEqualTo(classify(WITH_MODEL, now, book.get(i)));
        }
    }

    /** The same history plus a drawdown and a new loan after the as-of date. */
    private static CustomerHistory withFutureRecords(CustomerHistory history) {
        List<io.fidelis.core.domain.Interaction> interactions = new ArrayList<>(history.interactions());
        interactions.add(new io.fidelis.core.domain.Interaction(
                history.customerId(), AS_OF.plusDays(1), InteractionType.DRAWDOWN, null));
        List<io.fidelis.core.domain.Loan> loans = new ArrayList<>(history.loans());
        CustomerHistory future = aCustomer(history.customerId())
                .withLoan(aLoan("F-" + history.customerId())
                        .startingOn("2024-10-15")
                        .monthly(6, "100"))
                .build();
        loans.addAll(future.loans());
        return new CustomerHistory(
                history.customer(),
                loans,
                history.installments(),
                history.complaints(),
                history.surveys(),
                interactions);
    }

    @Test
    void theOrderOfTheBookDoesNotChangeTheFit() {
        List<CustomerHistory> reversed = new ArrayList<>(book());
        java.util.Collections.reverse(reversed);

        assertThat(fit(reversed, AS_OF)).isEqualTo(fit(book(), AS_OF));
    }

    @Test
    void thePoliciesWithoutTheModelClassifyAsBeforeWhateverTheFit() {
        ActivityFit fit = fit(book(), AS_OF);
        for (CustomerHistory history : book()) {
            Classification before = new DatedClassifier(WITHOUT, AS_OF, Map.of()).classify(history);

            assertThat(classify(WITHOUT, fit, history)).isEqualTo(before);
            assertThat(before.features().has(FeatureId.P_ALIVE)).isFalse();
        }
    }

    @Test
    void aPolicyWithTheModelNeedsTheFitAsOfItsDate() {
        ActivityFit fit = fit(book(), AS_OF);

        assertThatThrownBy(() -> new DatedClassifier(WITH_MODEL, AS_OF, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stages.activity_model");
        assertThatThrownBy(() -> new DatedClassifier(WITH_MODEL, AS_OF.minusDays(1), Map.of(), fit))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fitted as of 2024-09-30");
    }

    @Test
    void theProvenanceLineCarriesTheFittedParameters() {
        ActivityFit fit = fit(book(), AS_OF);
        DatedClassifier classifier = new DatedClassifier(WITH_MODEL, AS_OF, Map.of(), fit);

        assertThat(classifier.priors())
                .startsWith(
                        "none (hysteresis off); activity model BG/NBD as of 2024-09-30 on 62 customers with activity:")
                .contains("r=", "alpha=", "a=", "b=", "log-likelihood=");
    }
}
