package io.fidelis.spark;

import io.fidelis.core.classification.ManualOverride;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import io.fidelis.store.csv.OverridesCsv;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The manual overrides the job applies: those of an overrides file ({@link OverridesCsv}, e.g. from {@code fidelis
 * override --export}) in force on the as-of date by the core's rule ({@link ManualOverride#inForce}), the one the
 * embedded store applies. Kept as plain values, in the file's order, so that they travel to the executors (within
 * {@link ClassifyPartition}), where each partition rebuilds them.
 *
 * @param source the file as given, or null when the job has no overrides
 * @param sha256 SHA-256 of the file's bytes ({@code sha256:<hex>}), or null
 * @param read how many overrides the file holds
 * @param asOf the date they are in force on
 * @param inForce those in force, in the file's order
 */
record JobOverrides(String source, String sha256, int read, LocalDate asOf, List<Entry> inForce)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * One override, as its fields: the core's {@link ManualOverride} is not {@link Serializable} (the core depends on
     * nothing of {@code java.io}, an architecture test says so), and Spark ships a partition's function serialised.
     */
    record Entry(
            String customerId,
            Tier tier,
            Stage stage,
            String reason,
            String author,
            LocalDate effectiveFrom,
            LocalDate expiresOn)
            implements Serializable {

        private static final long serialVersionUID = 1L;

        static Entry of(ManualOverride o) {
            return new Entry(
                    o.customerId(), o.tier(), o.stage(), o.reason(), o.author(), o.effectiveFrom(), o.expiresOn());
        }

        ManualOverride override() {
            return new ManualOverride(customerId, tier, stage, reason, author, effectiveFrom, expiresOn);
        }
    }

    JobOverrides {
        inForce = List.copyOf(inForce);
    }

    /** No overrides: the job was given no file. */
    static JobOverrides none(LocalDate asOf) {
        return new JobOverrides(null, null, 0, asOf, List.of());
    }

    /** The overrides of {@code file} in force on {@code asOf}. */
    static JobOverrides of(String source, OverridesCsv.Read file, LocalDate asOf) {
        List<Entry> inForce = new ArrayList<>();
        for (ManualOverride o : file.overrides()) {
            if (o.inForceOn(asOf)) {
                inForce.add(Entry.of(o));
            }
        }
        return new JobOverrides(source, file.sha256(), file.overrides().size(), asOf, inForce);
    }

    /** The overrides in force by customer id, as {@link io.fidelis.core.classification.DatedClassifier} takes them. */
    Map<String, List<ManualOverride>> byCustomer() {
        return ManualOverride.inForce(inForce.stream().map(Entry::override).toList(), asOf);
    }

    /** How many customers have an override in force. */
    long customers() {
        return inForce.stream().map(Entry::customerId).distinct().count();
    }

    /** For the provenance: {@code none}, or the file, its SHA-256 and how many of its overrides are in force. */
    String describe() {
        if (source == null) {
            return "none";
        }
        return source + " (" + sha256 + "): " + inForce.size() + " of " + read + " in force on " + asOf + ", for "
                + customers() + " customers";
    }
}
