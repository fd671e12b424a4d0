package io.fidelis.core.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.domain.Installment;
import io.fidelis.core.features.ComputeFeatures;
import io.fidelis.core.features.FeatureId;
import io.fidelis.core.features.FeatureValue;
import io.fidelis.core.features.Features;
import io.fidelis.core.fixtures.PolicyFixtures;
import io.fidelis.core.fixtures.RandomHistories;
import io.fidelis.core.policy.Direction;
import io.fidelis.core.policy.Policy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants over 200 seeded random histories each; a failing seed reproduces the case. */
class ClassifierPropertiesTest {

    private static final Policy BROAD = PolicyFixtures.broad();
    private static final Policy SEED_CASE = PolicyFixtures.seedCase();
    private static final Classifier CLASSIFIER = new Classifier(BROAD);

    static LongStream seeds() {
        return LongStream.range(1, 201);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void recordsDatedAfterTheAsOfDateNeverChangeAnyResult(long seed) {
        Random random = new Random(seed);
        CustomerHistory history = RandomHistories.history(random, "C" + seed);
        LocalDate asOf = RandomHistories.asOf(random);
        CustomerHistory later = RandomHistories.withFutureRecords(history, asOf, random);

        assertThat(CLASSIFIER.classify(later, asOf)).isEqualTo(CLASSIFIER.classify(history, asOf));
        assertThat(new Classifier(SEED_CASE).classify(later, asOf))
                .isEqualTo(new Classifier(SEED_CASE).classify(history, asOf));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void classificationIsDeterministicWhateverTheOrderOfTheRecords(long seed) {
        Random random = new Random(seed);
        CustomerHistory history = RandomHistories.history(random, "C" + seed);
        LocalDate asOf = RandomHistories.asOf(random);

        Classification first = CLASSIFIER.classify(history, asOf);

        assertThat(CLASSIFIER.classify(history, asOf)).isEqualTo(first);
        assertThat(new Classifier(PolicyFixtures.broad()).classify(RandomHistories.shuffled(history, random), asOf))
                .isEqualTo(first);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void payingAnUnpaidInstallmentOnTimeNeverLowersTheScore(long seed) {
        Random random = new Random(seed);
        CustomerHistory history = RandomHistories.history(random, "C" + seed);
        LocalDate asOf = asOfAfterSomeInstallment(history, random);
        CustomerHistory better = payOneLateInstallmentOnTime(history, asOf, random);
        ComputeFeatures features = new ComputeFeatures(BROAD.featureSettings());
        double rateBefore = features.of(history, asOf).valueOr(FeatureId.ON_TIME_RATE_BY_COUNT, -1);
        double rateAfter = features.of(better, asOf).valueOr(FeatureId.ON_TIME_RATE_BY_COUNT, -1);
        assumeThat(rateAfter)
                .as("the history had a late installment that counts")
                .isGreaterThan(rateBefore);

        for (Policy policy : List.of(BROAD, SEED_CASE)) {
            Classifier classifier = new Classifier(policy);
            double before = classifier.classify(history, asOf).score().getAsDouble();
            double after = classifier.classify(better, asOf).score().getAsDouble();
            assertThat(after).as(policy.id()).isGreaterThanOrEqualTo(before);
        }
    }

    /** A date up to two years after a random installment's due date, so that repayment features usually exist. */
    private static LocalDate asOfAfterSomeInstallment(CustomerHistory history, Random random) {
        if (history.installments().isEmpty()) {
            return RandomHistories.asOf(random);
        }
        Installment installment =
                history.installments().get(random.nextInt(history.installments().size()));
        return installment.dueDate().plusDays(random.nextInt(730));
    }

    /**
     * Pays in full on its due date an installment that was due in the window but not paid as of {@code asOf}. Only
     * unpaid ones: moving a late payment earlier would also make the last activity older, so other things would not
     * be equal (a payment is activity).
     */
    private static CustomerHistory payOneLateInstallmentOnTime(CustomerHistory history, LocalDate asOf, Random random) {
        List<Installment> installments = new ArrayList<>(history.installments());
        int start = installments.isEmpty() ? 0 : random.nextInt(installments.size());
        for (int k = 0; k < installments.size(); k++) {
            int i = (start + k) % installments.size();
            Installment installment = installments.get(i);
            boolean due = !installment.dueDate().isAfter(asOf)
                    && installment.dueDate().isAfter(asOf.minusMonths(BROAD.windowMonths()))
                    && installment.dueAmount().signum() > 0;
            boolean unpaid =
                    installment.paidDate() == null || installment.paidDate().isAfter(asOf);
            if (due && unpaid) {
                installments.set(
                        i,
                        new Installment(
                                installment.loanId(),
                                installment.number(),
                                installment.dueDate(),
                                installment.dueAmount(),
                                installment.dueDate(),
                                installment.dueAmount()));
                break;
            }
        }
        return new CustomerHistory(
                history.customer(),
                history.loans(),
                installments,
                history.complaints(),
                history.surveys(),
                history.interactions());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aMonotoneFeatureMovingInItsDirectionNeverLowersTheScore(long seed) {
        Random random = new Random(seed);
        Features features = randomFeatures(random);
        Classifier classifier = new Classifier(BROAD);
        double before = score(classifier, features);

        for (Map.Entry<FeatureId, Direction> entry : BROAD.monotone().entrySet()) {
            FeatureId feature = entry.getKey();
            double from = features.valueOr(feature, random.nextDouble() * 100);
            double step = random.nextDouble() * (random.nextBoolean() ? 1 : 100);
            double to = entry.getValue() == Direction.INCREASING ? from + step : from - step;
            Features moved = features.with(feature, FeatureValue.of(to));
            Features shiftedBase = features.with(feature, FeatureValue.of(from));

            assertThat(score(classifier, moved))
                    .as("%s from %s to %s", feature.code(), from, to)
                    .isGreaterThanOrEqualTo(score(classifier, shiftedBase));
        }
        assertThat(before).isBetween(0.0, 100.0);
    }

    private static double score(Classifier classifier, Features features) {
        return classifier.classify("C1", features, List.of(), List.of()).score().orElse(-1);
    }

    /** Every feature present with probability 3/4, at a value in a plausible range for its unit. */
    static Features randomFeatures(Random random) {
        Features.Builder builder = Features.builder(LocalDate.parse("2026-06-30"));
        for (FeatureId id : FeatureId.values()) {
            if (random.nextInt(4) == 0) {
                continue;
            }
            double value = switch (id.unit()) {
                case RATIO -> random.nextDouble();
                case FLAG -> random.nextInt(2);
                case SCALE_1_TO_5 -> 1 + 4 * random.nextDouble();
                case SCALE_0_TO_10 -> 10 * random.nextDouble();
                case SCALE_POINTS -> 8 * random.nextDouble() - 4;
                case AMOUNT -> random.nextInt(10_000_000);
                default -> random.nextInt(400);
            };
            builder.set(id, value);
        }
        return builder.build();
    }
}
