package io.fidelis.service;

import io.fidelis.core.classification.ManualOverride;
import io.fidelis.store.RecordedOverride;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Every override, held in memory (they are few and only the service adds any while it runs), so that a customer page
 * does not query the database for them.
 */
@Component
class KnownOverrides {

    private final Workspace workspace;
    private volatile List<ManualOverride> all;

    KnownOverrides(Workspace workspace) {
        this.workspace = workspace;
    }

    List<ManualOverride> all() {
        List<ManualOverride> known = all;
        if (known == null) {
            known = workspace.overrides.all().stream()
                    .map(RecordedOverride::override)
                    .toList();
            all = known;
        }
        return known;
    }

    void changed() {
        all = null;
    }
}
