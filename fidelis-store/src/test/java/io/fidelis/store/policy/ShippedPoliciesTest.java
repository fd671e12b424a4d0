package io.fidelis.store.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.classification.Classification;
import io.fidelis.core.classification.Classifier;
import io.fidelis.core.classification.Language;
import io.fidelis.core.classification.Messages;
import io.fidelis.core.classification.Reason;
import io.fidelis.core.domain.Customer;
import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.domain.Installment;
import io.fidelis.core.domain.Loan;
import io.fidelis.core.domain.LoanStatus;
import io.fidelis.core.domain.Product;
import io.fidelis.core.domain.Survey;
import io.fidelis.core.features.FeatureId;
import io.fidelis.core.features.FeatureValue;
import io.fidelis.core.features.Features;
import io.fidelis.core.policy.Direction;
import io.fidelis.core.policy.Factor;
import io.fidelis.core.policy.Policy;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.StageCondition;
import io.fidelis.core.policy.StagePolicy;
import io.fidelis.core.policy.Tier;
import io.fidelis.core.strategy.ApprovalRoute;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ShippedPoliciesTest {

    private static final LocalDate AS_OF = LocalDate.parse("2025-01-31");

    static Stream<String> shipped() {
        return PolicyYaml.SHIPPED.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    void everyShippedPolicyLoadsAndValidates(String name) throws PolicyException {
        Policy policy = PolicyYaml.shipped(name);

        assertThat(policy.id()).isEqualTo(name);
        assertThat(policy.version()).isNotBlank();
        assertThat(policy.windowMonths()).isEqualTo(36);
        assertThat(policy.factors().stream().mapToDouble(Factor::weight).sum()).isEqualTo(100);
        for (Tier tier : Tier.values()) {
            for (Stage stage : Stage.values()) {
                assertThat(policy.strategies().actionsFor(tier, stage)).isNotNull();
            }
        }
    }

    @Test
    void theSeedCaseScoresOnTimeRepaymentAndSatisfactionOnly() throws PolicyException {
        Policy policy = PolicyYaml.shipped("seed-case");

        assertThat(policy.factors())
                .extracting(Factor::feature)
                .containsExactly(FeatureId.ON_TIME_RATE_BY_COUNT, FeatureId.SATISFACTION_MEAN);
        assertThat(policy.tiers().minOf(Tier.HIGH)).isEqualTo(80);
        assertThat(policy.tiers().minOf(Tier.MEDIUM)).isEqualTo(50);
    }

    @Test
    void theDefaultPolicyUsesEverySignalOfTheSeed() throws PolicyException {
        Policy policy = PolicyYaml.shipped("default");

        assertThat(policy.factors())
                .extracting(Factor::feature)
                .contains(
                        FeatureId.TENURE_MONTHS, // long, stable history
                        FeatureId.ACTIVITY_COUNT, // frequent use
                        FeatureId.STAYED_DESPITE_COMPETITOR_OFFER, // stays despite competitors
                        FeatureId.REFERRALS, // recommends the lender
                        FeatureId.POSITIVE_REVIEWS,
                        FeatureId.PROGRAMME_ENROLLED, // loyalty programme
                        FeatureId.COMPLAINTS,
                        FeatureId.PRICE_SENSITIVITY_SIGNALS,
                        FeatureId.ON_TIME_RATE_BY_COUNT,
                        FeatureId.SATISFACTION_MEAN,
                        FeatureId.NPS_MEAN);
        assertThat(policy.monotone()).hasSize(policy.factors().size());
        assertThat(policy.tiers().hysteresis().enabled()).isTrue();
    }

    @Test
    void theActivityModelPolicyIsTheDefaultPlusBgNbdInTheLifecycle() throws PolicyException {
        Policy model = PolicyYaml.shipped("activity-model");
        Policy standard = PolicyYaml.shipped("default");

        assertThat(model.stages().activityModel().features())
                .containsExactly(FeatureId.P_ALIVE, FeatureId.EXPECTED_ACTIVITY_26W);
        assertThat(model.stages().activityModel().dormantWhen())
                .containsExactly(new StageCondition(FeatureId.P_ALIVE, 0.10));
        assertThat(model.stages().activityModel().churnedWhen())
                .containsExactly(new StageCondition(FeatureId.P_ALIVE, 0.01));
        assertThat(model.factors()).isEqualTo(standard.factors());
        assertThat(model.monotone()).isEqualTo(standard.monotone());
        assertThat(model.tiers()).isEqualTo(standard.tiers());
        assertThat(model.guardrail()).isEqualTo(standard.guardrail());
        assertThat(model.strategies()).isEqualTo(standard.strategies());
        assertThat(new StagePolicy(
                        model.stages().newMonths(),
                        model.stages().dormantMonths(),
                        model.stages().churnAfterMaturityMonths(),
                        model.stages().churnAfterExitMonths()))
                .isEqualTo(standard.stages());
        assertThat(standard.stages().activityModel().enabled()).isFalse();
        assertThat(PolicyYaml.shipped("seed-case").stages().activityModel().enabled())
                .isFalse();
    }

    /** 24 monthly installments from 2023-01-15, the first {@code late} paid 10 days late; one survey. */
    private static CustomerHistory customer(int late, int satisfaction) {
        String id = "C" + late + "-" + satisfaction;
        LocalDate start = LocalDate.parse("2023-01-15");
        Loan loan = new Loan(
                "L1",
                id,
                Product.TERM_LOAN,
                new BigDecimal("1200000"),
                null,
                null,
                start,
                start.plusMonths(24),
                LoanStatus.ACTIVE,
                null);
        List<Installment> installments = new ArrayList<>();
        BigDecimal due = new BigDecimal("52000.00");
        for (int no = 1; no <= 24; no++) {
            LocalDate dueDate = start.plusMonths(no);
            installments.add(new Installment("L1", no, dueDate, due, no <= late ? dueDate.plusDays(10) : dueDate, due));
        }
        Customer customer = new Customer(id, null, null, null, null, null, LocalDate.parse("2019-05-01"), null, null);
        return new CustomerHistory(
                customer,
                List.of(loan),
                installments,
                List.of(),
                List.of(new Survey(id, LocalDate.parse("2024-06-30"), satisfaction, 8)),
                List.of());
    }

    @ParameterizedTest(name = "{0} of 24 late, satisfaction {1}: {2}")
    @CsvSource({"0, 5, HIGH", "1, 3, HIGH", "2, 5, MEDIUM", "4, 3, MEDIUM", "5, 5, LOW", "12, 2, LOW"})
    void theSeedCaseClassifiesAsItsFileStates(int late, int satisfaction, Tier tier) throws PolicyException {
        Classification result =
                new Classifier(PolicyYaml.shipped("seed-case")).classify(customer(late, satisfaction), AS_OF);

        assertThat(result.tier()).isEqualTo(tier);
        assertThat(result.policyVersion()).isEqualTo("2026.1");
    }

    @Test
    void theDefaultPolicyClassifiesAndExplainsInBothLanguages() throws PolicyException {
        Classification result = new Classifier(PolicyYaml.shipped("default")).classify(customer(0, 5), AS_OF);

        assertThat(result.stage()).isEqualTo(Stage.ACTIVE);
        assertThat(result.score()).isPresent();
        assertThat(result.intendedActions().approvalRoute()).isIn((Object[]) ApprovalRoute.values());
        for (Reason reason : result.tierReasons()) {
            assertThat(Messages.reason(reason, Language.ENGLISH)).doesNotContain("{");
            assertThat(Messages.reason(reason, Language.CHINESE)).doesNotContain("{");
        }
    }

    static Stream<Object[]> shippedPoliciesAndSeeds() {
        return shipped().flatMap(name -> LongStream.range(1, 101).mapToObj(seed -> new Object[] {name, seed}));
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("shippedPoliciesAndSeeds")
    void aDeclaredMonotoneFeatureMovingInItsDirectionNeverLowersTheScore(String name, long seed)
            throws PolicyException {
        Policy policy = PolicyYaml.shipped(name);
        Classifier classifier = new Classifier(policy);
        Random random = new Random(seed);
        Features features = randomFeatures(random);

        for (Map.Entry<FeatureId, Direction> entry : policy.monotone().entrySet()) {
            FeatureId feature = entry.getKey();
            double from = features.valueOr(feature, random.nextDouble() * 10);
            double step = random.nextDouble() * (random.nextBoolean() ? 1 : 100);
            double to = entry.getValue() == Direction.INCREASING ? from + step : from - step;

            double before = score(classifier, features.with(feature, FeatureValue.of(from)));
            double after = score(classifier, features.with(feature, FeatureValue.of(to)));

            assertThat(after).as("%s from %s to %s", feature.code(), from, to).isGreaterThanOrEqualTo(before);
        }
    }

    private static double score(Classifier classifier, Features features) {
        return classifier.classify("C1", features, List.of(), List.of()).score().orElse(-1);
    }

    private static Features randomFeatures(Random random) {
        Features.Builder builder = Features.builder(AS_OF);
        for (FeatureId id : FeatureId.values()) {
            if (random.nextInt(4) == 0) {
                continue;
            }
            builder.set(
                    id,
                    switch (id.unit()) {
                        case RATIO -> random.nextDouble();
                        case FLAG -> random.nextInt(2);
                        case SCALE_1_TO_5 -> 1 + 4 * random.nextDouble();
                        case SCALE_0_TO_10 -> 10 * random.nextDouble();
                        case SCALE_POINTS -> 8 * random.nextDouble() - 4;
                        default -> random.nextInt(400);
                    });
        }
        return builder.build();
    }
}
