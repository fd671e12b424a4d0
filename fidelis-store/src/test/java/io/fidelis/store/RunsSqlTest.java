package io.fidelis.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.classification.ReasonCode;
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
    }
}
