package io.fidelis.service;

import io.fidelis.core.classification.Classification;
import io.fidelis.store.RunCounts;
import io.fidelis.store.RunHeader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "runs", description = "Classification runs, classify-now and exports")
class RunsApi {

    record RunDetail(Views.Run run, RunCounts counts) {}

    record ClassifyNow(String customerId, LocalDate asOf) {}

    record NewRun(LocalDate asOf) {}

    private final Workspace workspace;
    private final Portfolio portfolio;
    private final Classifying classifying;
    private final Audit audit;

    RunsApi(Workspace workspace, Portfolio portfolio, Classifying classifying, Audit audit) {
        this.workspace = workspace;
        this.portfolio = portfolio;
        this.classifying = classifying;
        this.audit = audit;
    }

    @Operation(summary = "Every stored run, oldest first")
    @GetMapping("/api/runs")
    List<Views.Run> runs() {
        return portfolio.runs().stream().map(Views::run).toList();
    }

    @Operation(summary = "One run with its customers by tier and stage")
    @GetMapping("/api/runs/{runId}")
    RunDetail run(@PathVariable long runId) {
        RunHeader header = workspace.runs.run(runId).orElseThrow(() -> new NoSuchElementException("no run " + runId));
        return new RunDetail(Views.run(header), portfolio.counts(runId));
    }

    @Operation(summary = "Classify the whole book as of a date with the policy in force and store the run")
    @PostMapping("/api/runs")
    Views.Run classifyBook(@RequestBody NewRun body) {
        LocalDate asOf = body == null || body.asOf() == null ? classifying.today() : body.asOf();
        RunHeader run = classifying.run(
                asOf,
                FidelisService.class.getPackage().getImplementationVersion() == null
                        ? "dev"
                        : FidelisService.class.getPackage().getImplementationVersion());
        portfolio.runsChanged();
        audit.record("run.classify", "run " + run.runId(), "as of " + asOf + ", " + run.customers() + " customers");
        return Views.run(run);
    }

    @Operation(summary = "Classify one customer now (a loan application in progress), with the reasons")
    @PostMapping("/api/classify")
    Views.Explained classifyNow(
            @RequestBody ClassifyNow body,
            @RequestParam(required = false) @Parameter(description = Views.Texts.LANG) String lang) {
        Views.Texts texts = Views.Texts.of(lang);
        if (body == null || body.customerId() == null || body.customerId().isBlank()) {
            throw new IllegalArgumentException("give a customerId");
        }
        LocalDate asOf = body.asOf() == null ? classifying.today() : body.asOf();
        Classification classification = classifying.classify(body.customerId(), asOf);
        audit.record(
                "customer.classify",
                body.customerId(),
                "as of " + asOf + ": " + classification.tier().code() + "/"
                        + classification.stage().code());
        return Views.explained(classification, texts);
    }

    @Operation(summary = "A run's results as CSV (one row per customer)")
    @GetMapping("/api/runs/{runId}/export.csv")
    void export(@PathVariable long runId, HttpServletResponse response) {
        RunHeader header = workspace.runs.run(runId).orElseThrow(() -> new NoSuchElementException("no run " + runId));
        audit.record("run.export", "run " + runId, header.customers() + " customers");
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"fidelis-run-" + runId + ".csv\"");
        try {
            PrintWriter out = response.getWriter();
            out.println("customer_id,tier,stage,score,score_tier,stable_tier,overridden,tier_reasons,stage_reasons,"
                    + "pricing_bps,rating_notch,approval_route,credit_line");
            workspace.runs.forEachResult(
                    runId,
                    r -> out.println(String.join(
                            ",",
                            csv(r.customerId()),
                            r.tier().code(),
                            r.stage().code(),
                            r.score().isPresent() ? Double.toString(r.score().getAsDouble()) : "",
                            r.scoreTier().code(),
                            r.stableTier().code(),
                            Boolean.toString(r.overridden()),
                            csv(String.join(
                                    " ",
                                    r.tierReasons().stream().map(Enum::name).toList())),
                            csv(String.join(
                                    " ",
                                    r.stageReasons().stream().map(Enum::name).toList())),
                            Integer.toString(r.actions().pricingBps()),
                            Integer.toString(r.actions().ratingNotch()),
                            r.actions().approvalRoute().name().toLowerCase(java.util.Locale.ROOT),
                            r.actions().creditLine().name().toLowerCase(java.util.Locale.ROOT))));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV field, quoted when needed; a leading = + - @ is defused so that a spreadsheet never runs it. */
    static String csv(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
