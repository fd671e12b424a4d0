package io.fidelis.store;

import io.fidelis.core.classification.ManualOverride;
import java.time.Instant;
import java.util.Objects;

/**
 * A manual override as recorded.
 *
 * @param overrideId its number in the store, from a sequence: later overrides have larger numbers
 * @param override the decision
 * @param recordedAt when it was recorded (wall clock), for audit
 */
public record RecordedOverride(long overrideId, ManualOverride override, Instant recordedAt) {

    public RecordedOverride {
        Objects.requireNonNull(override, "override");
        Objects.requireNonNull(recordedAt, "recorded at");
    }
}
