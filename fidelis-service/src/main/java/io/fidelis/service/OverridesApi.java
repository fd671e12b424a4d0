package io.fidelis.service;

import io.fidelis.core.classification.ManualOverride;
import io.fidelis.core.domain.Coded;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import io.fidelis.store.RecordedOverride;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "overrides", description = "Manual overrides of tiers and stages (append-only)")
class OverridesApi {

    record OverrideView(
            String customerId,
            String tier,
            String stage,
            String reason,
            String author,
            LocalDate effectiveFrom,
            LocalDate expiresOn) {}

    record NewOverride(
            String customerId,
            String tier,
            String stage,
            String reason,
            LocalDate effectiveFrom,
            LocalDate expiresOn) {}

    private final Workspace workspace;
    private final Classifying classifying;
    private final Audit audit;
    private final Clock clock;
    private final KnownOverrides known;

    OverridesApi(Workspace workspace, Classifying classifying, Audit audit, Clock clock, KnownOverrides known) {
        this.known = known;
        this.workspace = workspace;
        this.classifying = classifying;
        this.audit = audit;
        this.clock = clock;
    }

    static OverrideView view(ManualOverride o) {
        return new OverrideView(
                o.customerId(),
                o.tier() == null ? null : o.tier().code(),
                o.stage() == null ? null : o.stage().code(),
                o.reason(),
                o.author(),
                o.effectiveFrom(),
                o.expiresOn());
    }

    @Operation(summary = "Every override, in the order recorded")
    @GetMapping("/api/overrides")
    List<OverrideView> all() {
        return known.all().stream().map(OverridesApi::view).toList();
    }

    @Operation(summary = "Record an override; the author is the signed-in user")
    @PostMapping("/api/overrides")
    OverrideView record(@RequestBody NewOverride body) {
        if (body == null || body.customerId() == null || body.expiresOn() == null) {
            throw new IllegalArgumentException("give customerId, tier and/or stage, reason and expiresOn");
        }
        if (workspace.book.history(body.customerId()).isEmpty()) {
            throw new NoSuchElementException("no customer " + body.customerId() + " in the book");
        }
        ManualOverride override = new ManualOverride(
                body.customerId(),
                body.tier() == null || body.tier().isBlank() ? null : Coded.parse(Tier.class, body.tier()),
                body.stage() == null || body.stage().isBlank() ? null : Coded.parse(Stage.class, body.stage()),
                body.reason(),
                Audit.actor(),
                body.effectiveFrom(),
                body.expiresOn());
        RecordedOverride recorded = workspace.overrides.record(override, clock.instant());
        classifying.overridesChanged();
        known.changed();
        audit.record(
                "override.record",
                body.customerId(),
                "override " + recorded.overrideId() + ": " + view(override).tier() + "/"
                        + view(override).stage() + " until " + body.expiresOn() + " — " + body.reason());
        return view(override);
    }
}
