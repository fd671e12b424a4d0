package io.fidelis.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.classification.ReasonCode;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import io.fidelis.core.strategy.Outreach;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunsSqlTest {

    @Test
    void aMultiValuedCellJoinsTheCodesInOrderAndSplitsBackToThem() {
        List<ReasonCode> reasons = List.of(ReasonCode.values()[2], ReasonCode.values()[0], ReasonCode.values()[1]);

        String cell = RunsSql.join(reasons);

        assertThat(cell)
                .isEqualTo(RunsSql.code(reasons.get(0)) + ";" + RunsSql.code(reasons.get(1)) + ";"
                        + RunsSql.code(reasons.get(2)));
        assertThat(RunsSql.split(cell, c -> ReasonCode.valueOf(c.toUpperCase(java.util.Locale.ROOT))))
                .isEqualTo(reasons);
        assertThat(RunsSql.join(List.of())).isEmpty();
        assertThat(RunsSql.joinRepeated(List.of())).isEmpty();
    }

    @Test
    void aCellJoinedBeforeIsTheSameWhateverListHoldsTheCodesAndWhateverTheirType() {
        List<Tier> tiers = new ArrayList<>(List.of(Tier.values()[0], Tier.values()[1]));
        List<Stage> stages = List.of(Stage.values()[0], Stage.values()[1]);

        String first = RunsSql.joinRepeated(tiers);
        tiers.set(1, Tier.values()[2]);
        String changed = RunsSql.joinRepeated(tiers);

        assertThat(first).isEqualTo(RunsSql.code(Tier.values()[0]) + ";" + RunsSql.code(Tier.values()[1]));
        assertThat(changed).isEqualTo(RunsSql.code(Tier.values()[0]) + ";" + RunsSql.code(Tier.values()[2]));
        assertThat(RunsSql.joinRepeated(List.of(Tier.values()[0], Tier.values()[1])))
                .isEqualTo(first)
                .isEqualTo(RunsSql.join(List.of(Tier.values()[0], Tier.values()[1])));
        assertThat(RunsSql.joinRepeated(stages))
                .isEqualTo(RunsSql.code(Stage.values()[0]) + ";" + RunsSql.code(Stage.values()[1]));
        assertThat(RunsSql.joinRepeated(List.of(Outreach.values()[0]))).isEqualTo(RunsSql.code(Outreach.values()[0]));
    }
}
