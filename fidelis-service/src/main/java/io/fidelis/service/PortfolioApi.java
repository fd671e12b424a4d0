package io.fidelis.service;

import io.fidelis.core.domain.Coded;
import io.fidelis.core.domain.Customer;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import io.fidelis.store.RunCounts;
import io.fidelis.store.RunHeader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "portfolio", description = "The portfolio overview and its customers")
class PortfolioApi {

    record Page(long total, int page, int size, List<CustomerRow> customers) {}

    record CustomerRow(
            String customerId,
            String name,
            String industry,
            String region,
            String size,
            String tier,
            String stage,
            Double score,
            boolean overridden) {}

    record Point(LocalDate asOf, long runId, Map<String, Long> tiers) {}

    record Overview(
            Views.Run run,
            Map<String, Map<String, Long>> tierByStage,
            Map<String, Long> tiers,
            Map<String, Long> stages,
            Map<String, Long> scores,
            Map<String, Long> industries,
            List<Point> trend,
            Migration migration,
            long conflicts,
            long overridden) {}

    record Migration(Views.Run from, Views.Run to, Map<String, Map<String, Long>> tiers) {}

    record Placed(long runId, LocalDate asOf, String tier, String stage, Double score) {}

    record CustomerPage(
            String customerId,
            String name,
            String industry,
            String region,
            String size,
            LocalDate onboardedOn,
            LocalDate closedOn,
            Views.Explained explanation,
            List<Placed> history,
            List<OverridesApi.OverrideView> overrides) {}

    private final Workspace workspace;
    private final Portfolio portfolio;
    private final Classifying classifying;
    private final KnownOverrides overrides;
    private final Map<String, Migration> migrations = new java.util.concurrent.ConcurrentHashMap<>();

    PortfolioApi(Workspace workspace, Portfolio portfolio, Classifying classifying, KnownOverrides overrides) {
        this.overrides = overrides;
        this.workspace = workspace;
        this.portfolio = portfolio;
        this.classifying = classifying;
    }

    @Operation(summary = "The latest run: tier by stage, distributions, the trend over month-ends and the migration")
    @GetMapping("/api/overview")
    Overview overview() {
        Portfolio.Snapshot snapshot = portfolio
                .snapshot()
                .orElseThrow(() -> new NoSuchElementException("no run yet: classify the book first (POST /api/runs)"));
        RunCounts counts = portfolio.counts(snapshot.run().runId());
        Map<String, Map<String, Long>> matrix = new LinkedHashMap<>();
        Map<String, Long> tiers = new LinkedHashMap<>();
        Map<String, Long> stages = new LinkedHashMap<>();
        for (Tier tier : Tier.values()) {
            Map<String, Long> row = new LinkedHashMap<>();
            for (Stage stage : Stage.values()) {
                row.put(stage.code(), counts.count(tier, stage));
            }
            matrix.put(tier.code(), row);
            tiers.put(tier.code(), counts.total(tier));
        }
        for (Stage stage : Stage.values()) {
            stages.put(stage.code(), counts.total(stage));
        }
        Map<String, Long> scores = new LinkedHashMap<>();
        for (int band = 0; band < 10; band++) {
            scores.put(band * 10 + "-" + (band * 10 + 10), 0L);
        }
        Map<String, Long> industries = new TreeMap<>();
        for (Portfolio.Row row : snapshot.rows()) {
            if (row.score() != null) {
                int band = Math.min(9, (int) (row.score() / 10));
                scores.merge(band * 10 + "-" + (band * 10 + 10), 1L, Long::sum);
            }
            industries.merge(row.industry() == null ? "?" : row.industry(), 1L, Long::sum);
        }
        List<RunHeader> monthEnds = portfolio.monthEnds();
        List<Point> trend = new ArrayList<>();
        for (RunHeader run : monthEnds.subList(Math.max(0, monthEnds.size() - 36), monthEnds.size())) {
            RunCounts c = portfolio.counts(run.runId());
            Map<String, Long> byTier = new LinkedHashMap<>();
            for (Tier tier : Tier.values()) {
                byTier.put(tier.code(), c.total(tier));
            }
            trend.add(new Point(run.provenance().asOf(), run.runId(), byTier));
        }
        Migration migration = null;
        if (monthEnds.size() >= 2) {
            RunHeader to = monthEnds.get(monthEnds.size() - 1);
            RunHeader from = monthEnds.get(monthEnds.size() - 2);
            migration = migrations.computeIfAbsent(from.runId() + "-" + to.runId(), k -> migration(from, to));
        }
        return new Overview(
                Views.run(snapshot.run()),
                matrix,
                tiers,
                stages,
                scores,
                industries,
                trend,
                migration,
                counts.customersWithConflicts(),
                counts.overridden());
    }

    private Migration migration(RunHeader from, RunHeader to) {
        Map<String, Tier> before = new HashMap<>();
        workspace.runClasses.forEachPlaced(from.runId(), p -> before.put(p.customerId(), p.tier()));
        Map<Tier, Map<Tier, Long>> moves = new EnumMap<>(Tier.class);
        workspace.runClasses.forEachPlaced(to.runId(), p -> {
            Tier was = before.get(p.customerId());
            if (was != null) {
                moves.computeIfAbsent(was, t -> new EnumMap<>(Tier.class)).merge(p.tier(), 1L, Long::sum);
            }
        });
        Map<String, Map<String, Long>> tiers = new LinkedHashMap<>();
        for (Tier a : Tier.values()) {
            Map<String, Long> row = new LinkedHashMap<>();
            for (Tier b : Tier.values()) {
                row.put(b.code(), moves.getOrDefault(a, Map.of()).getOrDefault(b, 0L));
            }
            tiers.put(a.code(), row);
        }
        return new Migration(Views.run(from), Views.run(to), tiers);
    }

    @Operation(summary = "Customers of the latest run, filtered and paged (page from 0, size up to 500)")
    @GetMapping("/api/customers")
    Page customers(
            @RequestParam(required = false) String tier,
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) String industry,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw new IllegalArgumentException("page must be 0 or more and size 1 to 500");
        }
        Predicate<Portfolio.Row> filter = row -> true;
        if (present(tier)) {
            Tier wanted = Coded.parse(Tier.class, tier);
            filter = filter.and(row -> row.tier() == wanted);
        }
        if (present(stage)) {
            Stage wanted = Coded.parse(Stage.class, stage);
            filter = filter.and(row -> row.stage() == wanted);
        }
        if (present(industry)) {
            filter = filter.and(row -> industry.equalsIgnoreCase(row.industry()));
        }
        if (present(region)) {
            filter = filter.and(row -> region.equalsIgnoreCase(row.region()));
        }
        if (present(q)) {
            String needle = q.strip().toLowerCase(Locale.ROOT);
            boolean byName = Audit.seesContactData();
            filter = filter.and(row -> row.customerId().toLowerCase(Locale.ROOT).contains(needle)
                    || (byName
                            && row.name() != null
                            && row.name().toLowerCase(Locale.ROOT).contains(needle)));
        }
        List<Portfolio.Row> rows = present(q)
                ? portfolio.rows(filter)
                : portfolio.rows(
                        String.join(
                                "\u0000",
                                present(tier) ? Coded.parse(Tier.class, tier).code() : "",
                                present(stage) ? Coded.parse(Stage.class, stage).code() : "",
                                present(industry) ? industry.toLowerCase(Locale.ROOT) : "",
                                present(region) ? region.toLowerCase(Locale.ROOT) : ""),
                        filter);
        int from = (int) Math.min(rows.size(), (long) page * size);
        int to = Math.min(rows.size(), from + size);
        List<CustomerRow> shown = rows.subList(from, to).stream()
                .map(r -> new CustomerRow(
                        r.customerId(),
                        Audit.mask(r.name()),
                        r.industry(),
                        r.region(),
                        r.size(),
                        r.tier().code(),
                        r.stage().code(),
                        r.score(),
                        r.overridden()))
                .toList();
        return new Page(rows.size(), page, size, shown);
    }

    @Operation(
            summary =
                    "One customer: explanation as of the latest run's date, tiers and stages over the runs, overrides")
    @GetMapping("/api/customers/{id}")
    CustomerPage customer(
            @PathVariable String id,
            @RequestParam(required = false) @Parameter(description = Views.Texts.LANG) String lang) {
        Views.Texts texts = Views.Texts.of(lang);
        LocalDate asOf = portfolio.latestRun().map(r -> r.provenance().asOf()).orElse(classifying.today());
        Classifying.Classified classified = classifying.classifyWithHistory(id, asOf);
        Customer customer = classified.history().customer();
        Views.Explained explained = Views.explained(classified.classification(), texts);
        List<Placed> placed = portfolio
                .snapshot()
                .map(snapshot -> snapshot.timeline(id).stream()
                        .map(p -> new Placed(
                                p.run().runId(),
                                p.run().provenance().asOf(),
                                p.tier().code(),
                                p.stage().code(),
                                null))
                        .toList())
                .orElse(List.of());
        List<OverridesApi.OverrideView> overrides =
                overridesOf(id).stream().map(OverridesApi::view).toList();
        return new CustomerPage(
                customer.id(),
                Audit.mask(customer.name()),
                customer.industry(),
                customer.region(),
                customer.size() == null ? null : customer.size().code(),
                customer.onboardedOn(),
                customer.closedOn(),
                explained,
                placed,
                overrides);
    }

    private List<io.fidelis.core.classification.ManualOverride> overridesOf(String customerId) {
        return overrides.all().stream()
                .filter(o -> o.customerId().equals(customerId))
                .toList();
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
