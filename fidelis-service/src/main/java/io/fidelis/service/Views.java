package io.fidelis.service;

import com.fasterxml.jackson.annotation.JsonInclude;
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

    /**
     * Which texts an answer carries: both (the default, for the dashboard, which switches language without asking
     * again) or one, for a system that shows one language ({@code lang=en|zh}: half the text to render and send).
     */
    enum Texts {
        BOTH,
        ENGLISH,
        CHINESE;

        /** The {@code lang} request parameter, as the API's documentation describes it. */
        static final String LANG = "en or zh: texts in one language only; left out: English and Chinese";

        /** {@code null} or blank for both, {@code en} or {@code zh} for one. */
        static Texts of(String lang) {
            if (lang == null || lang.isBlank()) {
                return BOTH;
            }
            return switch (lang.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "en" -> ENGLISH;
                case "zh" -> CHINESE;
                default -> throw new IllegalArgumentException("lang is en or zh (or left out for both), not " + lang);
            };
        }

        String en(java.util.function.Function<Language, String> text) {
            return this == CHINESE ? null : text.apply(Language.ENGLISH);
        }

        String zh(java.util.function.Function<Language, String> text) {
            return this == ENGLISH ? null : text.apply(Language.CHINESE);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Text(String code, String en, String zh) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
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

    static Explained explained(Classification c, Texts texts) {
        List<Part> parts = c.contributions().stream()
                .map((Contribution p) -> new Part(
                        p.feature().name().toLowerCase(java.util.Locale.ROOT),
                        texts.en(l -> Messages.label(p.feature(), l)),
                        texts.zh(l -> Messages.label(p.feature(), l)),
                        texts.en(l -> Messages.value(p.feature(), p.value(), l)),
                        texts.zh(l -> Messages.value(p.feature(), p.value(), l)),
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
                reasons(c.tierReasons(), texts),
                reasons(c.stageReasons(), texts),
                new Text(
                        "actions",
                        texts.en(l -> Messages.actions(c.actions(), l)),
                        texts.zh(l -> Messages.actions(c.actions(), l))),
                c.conflicts().stream()
                        .map(conflict -> conflict(conflict, texts))
                        .toList(),
                c.override() != null);
    }

    private static List<Text> reasons(List<Reason> reasons, Texts texts) {
        return reasons.stream()
                .map(r -> new Text(
                        r.code().name().toLowerCase(java.util.Locale.ROOT),
                        texts.en(l -> Messages.reason(r, l)),
                        texts.zh(l -> Messages.reason(r, l))))
                .toList();
    }

    private static Text conflict(Conflict conflict, Texts texts) {
        return new Text(
                conflict.benefit().name().toLowerCase(java.util.Locale.ROOT),
                texts.en(l -> Messages.conflict(conflict, l)),
                texts.zh(l -> Messages.conflict(conflict, l)));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
