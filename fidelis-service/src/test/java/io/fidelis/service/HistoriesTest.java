package io.fidelis.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.domain.CustomerHistory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The histories the service classifies are the store's, whether from memory (compact form) or from the store. */
class HistoriesTest extends ServiceTest {

    @Autowired
    Histories histories;

    @Autowired
    Workspace workspace;

    @Test
    void everyHistoryInMemoryEqualsTheStoresHistoryOfThatCustomer() throws Exception {
        for (int i = 0; i < 600 && !histories.inMemory(); i++) {
            Thread.sleep(100);
        }
        assertThat(histories.inMemory()).isTrue();
        List<String> ids = new ArrayList<>();
        workspace.book.forEachCustomer(customer -> ids.add(customer.id()));

        assertThat(ids).hasSizeGreaterThan(300);
        for (String id : ids) {
            CustomerHistory stored = workspace.book.history(id).orElseThrow();
            assertThat(histories.of(id)).as(id).contains(stored);
        }
        assertThat(histories.of("NO-SUCH-CUSTOMER")).isEmpty();
    }

    @Test
    void theCompactFormGivesBackEqualRecordsWithTheirScales() {
        workspace.book.forEachHistory(history -> {
            CustomerHistory decoded = CompactHistory.decode(CompactHistory.encode(history));
            assertThat(decoded).isEqualTo(history);
            assertThat(decoded.installments())
                    .extracting(i -> i.dueAmount().scale())
                    .isEqualTo(history.installments().stream()
                            .map(i -> i.dueAmount().scale())
                            .toList());
        });
    }
}
