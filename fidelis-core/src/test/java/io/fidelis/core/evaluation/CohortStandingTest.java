package io.fidelis.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CohortStandingTest {

    private static final LocalDate A_YEAR_LATER = LocalDate.of(2026, 9, 30);

    /** Onboarded in the quarter: C1 to C4; C9 is not of the cohort. */
    private static CohortStanding.Counter aQuarter() {
        return CohortStanding.counting(A_YEAR_LATER, Set.of("C1", "C2", "C3", "C4"));
    }

    @Test
    void countsTheMembersByTierAndStageAndTheAbsentOnes() {
        CohortStanding.Counter counter = aQuarter();
        counter.add("C1", Tier.HIGH, Stage.ACTIVE);
        counter.add("C2", Tier.MEDIUM, Stage.ACTIVE);
        counter.add("C9", Tier.LOW, Stage.CHURNED);
        counter.add("C3", Tier.LOW, Stage.CHURNED);

        CohortStanding standing = counter.standing();

        assertThat(standing.asOf()).isEqualTo(A_YEAR_LATER);
        assertThat(standing.members()).isEqualTo(4);
        assertThat(standing.present()).isEqualTo(3);
        assertThat(standing.absent()).isEqualTo(1);
        assertThat(standing.count(Tier.HIGH, Stage.ACTIVE)).isEqualTo(1);
        assertThat(standing.count(Tier.LOW, Stage.CHURNED)).isEqualTo(1);
        assertThat(standing.total(Stage.ACTIVE)).isEqualTo(2);
        assertThat(standing.total(Tier.MEDIUM)).isEqualTo(1);
    }

    @Test
    void sharesAreOfTheMembersPresentAndAddUpToOne() {
        CohortStanding.Counter counter = aQuarter();
        counter.add("C1", Tier.HIGH, Stage.ACTIVE);
        counter.add("C2", Tier.MEDIUM, Stage.NEW);
        counter.add("C3", Tier.MEDIUM, Stage.ACTIVE);

        CohortStanding standing = counter.standing();

        assertThat(standing.share(Tier.MEDIUM)).isCloseTo(2.0 / 3, within(1e-12));
        double tiers = 0;
        for (Tier tier : Tier.values()) {
            tiers += standing.share(tier);
        }
        double stages = 0;
        for (Stage stage : Stage.values()) {
            stages += standing.share(stage);
        }
        assertThat(tiers).isCloseTo(1, within(1e-12));
        assertThat(stages).isCloseTo(1, within(1e-12));
    }

    @Test
    void aCohortNobodyOfWhichIsClassifiedHasNoShares() {
        CohortStanding standing = aQuarter().standing();

        assertThat(standing.absent()).isEqualTo(4);
        assertThat(standing.share(Tier.HIGH)).isNaN();
    }

    @Test
    void aMemberCountedTwiceIsRefused() {
        CohortStanding.Counter counter = aQuarter();
        counter.add("C1", Tier.HIGH, Stage.ACTIVE);

        assertThatThrownBy(() -> counter.add("C1", Tier.LOW, Stage.ACTIVE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("C1 is counted twice");
    }
}
