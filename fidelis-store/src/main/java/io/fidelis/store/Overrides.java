package io.fidelis.store;

import io.fidelis.core.classification.ManualOverride;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Manual overrides of customers' tiers and stages, append-only: an override is never changed or deleted; it stops
 * applying when it expires. Lists are in the order recorded, which is the order {@link
 * io.fidelis.core.classification.Classifier} reads them in (of several in force, the last recorded wins).
 *
 * <p>Portable SQL: {@code CREATE SEQUENCE IF NOT EXISTS override_ids START 1} and {@code CREATE TABLE IF NOT EXISTS
 * overrides (override_id BIGINT NOT NULL PRIMARY KEY, customer_id VARCHAR NOT NULL, tier VARCHAR, stage VARCHAR,
 * reason VARCHAR NOT NULL, author VARCHAR NOT NULL, effective_from DATE, expires_on DATE NOT NULL, recorded_at
 * TIMESTAMP NOT NULL)}, tier and stage as lower-case codes.
 */
public interface Overrides {

    /** Records an override and returns it with its number. */
    RecordedOverride record(ManualOverride override, Instant recordedAt);

    /** Every override, in the order recorded. */
    List<RecordedOverride> all();

    /** The overrides of one customer, in the order recorded, whether in force or not. */
    List<ManualOverride> of(String customerId);

    /**
     * The overrides in force on {@code asOf} by the core's rule ({@link ManualOverride#inForce}), by customer id, each
     * customer's in the order recorded.
     */
    Map<String, List<ManualOverride>> inForce(LocalDate asOf);
}
