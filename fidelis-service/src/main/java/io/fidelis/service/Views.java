package io.fidelis.service;

import io.fidelis.core.classification.Classification;
import io.fidelis.core.classification.Contribution;
import io.fidelis.core.classification.Language;
import io.fidelis.core.classification.Messages;
import io.fidelis.core.classification.Reason;
import io.fidelis.core.strategy.Conflict;
import io.fidelis.store.RunHeader;
import java.time.LocalDate;
import java.util.List;

/** The JSON shapes of the API: codes for machines, with English and Chinese texts beside them for people. */
final class Views {

    private Views() {}

    record Text(String code, String en, String zh) {}

    record Part(
            String feature,
            String en,
            String zh,
            String value,
            String valueZh,
            double weight,
            double points,
            boolean scored) {}

    record Explained(
            String customerId,
            LocalDate asOf,
            String policy,
            Double score,
            double scoredWeight,
            String scoreTier,
            String stableTier,
            String tier,
            String stage,
            List<Part> contributions,
            List<Text> tierReasons,
            List<Text> stageReasons,
            Text actions,
            List<Text> conflicts,
            boolean overridden) {}

    record Run(long runId, LocalDate asOf, String policy, String policySha256, long customers, String createdAt) {}

    static Run run(RunHeader header) {
        return new Run(
                header.runId(),
                header.provenance().asOf(),
                header.provenance().policyLabel(),
                header.provenance().policySha256(),
                header.customers(),
                header.provenance().createdAt().toString());
    }

    static Explained explained(Classification c) {
        List<Part> parts = c.contributions().stream()
                .map((Contribution p) -> new Part(
                        p.feature().name().toLowerCase(java.util.Locale.ROOT),
                        Messages.label(p.feature(), Language.ENGLISH),
                        Messages.label(p.feature(), Language.CHINESE),
                        Messages.value(p.feature(), p.value(), Language.ENGLISH),
                        Messages.value(p.feature(), p.value(), Language.CHINESE),
                        p.weight(),
                        round(p.points()),
                        p.scored()))
                .toList();
        return new Explained(
                c.customerId(),
                c.asOf(),
                c.policyId() + "@" + c.policyVersion(),
                c.score().isPresent() ? c.score().getAsDouble() : null,
                c.scoredWeight(),
                c.scoreTier().code(),
                c.stableTier().code(),
                c.tier().code(),
                c.stage().code(),
                parts,
                reasons(c.tierReasons()),
                reasons(c.stageReasons()),
                new Text(
                        "actions",
                        Messages.actions(c.actions(), Language.ENGLISH),
                        Messages.actions(c.actions(), Language.CHINESE)),
                c.conflicts().stream().map(Views::conflict).toList(),
                c.override() != null);
    }

    private static List<Text> reasons(List<Reason> reasons) {
        return reasons.stream()
                .map(r -> new Text(
                        r.code().name().toLowerCase(java.util.Locale.ROOT),
                        Messages.reason(r, Language.ENGLISH),
                        Messages.reason(r, Language.CHINESE)))
                .toList();
    }

    private static Text conflict(Conflict conflict) {
        return new Text(
                conflict.benefit().name().toLowerCase(java.util.Locale.ROOT),
                Messages.conflict(conflict, Language.ENGLISH),
                Messages.conflict(conflict, Language.CHINESE));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
