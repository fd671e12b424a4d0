package io.fidelis.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.fidelis.core.features.FeatureId;
import io.fidelis.core.features.FeatureValue;
import io.fidelis.store.FilesInPlace;
import io.fidelis.store.RunHeader;
import io.fidelis.store.RunProvenance;
import io.fidelis.store.RunResult;
import io.fidelis.store.Runs;
import io.fidelis.store.RunsSql;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a stored run for other systems (a CRM, a spreadsheet): one record per customer with its tier, score, stage,
 * reason codes, actions and every feature value (empty or null when missing, never 0). Column names are stable: the
 * run's provenance columns, then {@link RunsSql}'s result columns, then the feature codes. CSV is RFC 4180 (CRLF,
 * quotes only where needed) in UTF-8 without a byte order mark, multi-valued cells joined by {@value
 * RunsSql#SEPARATOR}; JSON is an object with the run's provenance and an array of customers. The file appears whole
 * or not at all: it is written to a temporary file beside it and moved into place.
 */
final class RunExport {

    /** An export column: its stable name and its cell. */
    private record Column(String name, Function<RunResult, String> cell) {}

    private final Runs runs;
    private final RunHeader run;

    RunExport(Runs runs, RunHeader run) {
        this.runs = runs;
        this.run = run;
    }

    /** Writes the CSV file and returns the number of customers. */
    long csv(Path out) throws IOException {
        List<Column> columns = columns();
        long[] count = {0};
        FilesInPlace.write(out, stream -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180)) {
                List<String> header = new ArrayList<>(columns.size());
                columns.forEach(c -> header.add(c.name()));
                csv.printRecord(header);
                List<String> cells = new ArrayList<>(columns.size());
                runs.forEachResult(run.runId(), result -> {
                    cells.clear();
                    for (Column column : columns) {
                        cells.add(column.cell().apply(result));
                    }
                    try {
                        csv.printRecord(cells);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    count[0]++;
                });
            }
        });
        return count[0];
    }

    /** Writes the JSON file and returns the number of customers. */
    long json(Path out) throws IOException {
        long[] count = {0};
        FilesInPlace.write(out, stream -> {
            try (JsonGenerator json = new JsonFactory().createGenerator(stream, JsonEncoding.UTF8)) {
                json.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
                json.writeStartObject();
                json.writeObjectFieldStart("run");
                RunProvenance p = run.provenance();
                json.writeNumberField("run_id", run.runId());
                json.writeStringField("policy_id", p.policyId());
                json.writeStringField("policy_version", p.policyVersion());
                json.writeStringField("policy_sha256", p.policySha256());
                json.writeStringField("as_of", p.asOf().toString());
                json.writeStringField("input_fingerprint", p.inputFingerprint());
                json.writeStringField("code_version", p.codeVersion());
                json.writeStringField("priors", p.priors());
                json.writeStringField("created_at", p.createdAt().toString());
                json.writeNumberField("customers", run.customers());
                json.writeEndObject();
                json.writeArrayFieldStart("customers");
                runs.forEachResult(run.runId(), result -> {
                    try {
                        customer(json, result);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    count[0]++;
                });
                json.writeEndArray();
                json.writeEndObject();
                json.writeRaw('\n');
            }
        });
        return count[0];
    }

    private static void customer(JsonGenerator json, RunResult r) throws IOException {
        json.writeStartObject();
        json.writeStringField("customer_id", r.customerId());
        json.writeStringField("tier", r.tier().code());
        json.writeFieldName("score");
        if (r.score().isPresent()) {
            json.writeNumber(plain(r.score().getAsDouble()));
        } else {
            json.writeNull();
        }
        json.writeFieldName("scored_weight");
        json.writeNumber(plain(r.scoredWeight()));
        json.writeStringField("score_tier", r.scoreTier().code());
        json.writeStringField("stable_tier", r.stableTier().code());
        json.writeStringField("stage", r.stage().code());
        codes(json, "tier_reasons", r.tierReasons());
        codes(json, "stage_reasons", r.stageReasons());
        json.writeNumberField("pricing_bps", r.actions().pricingBps());
        json.writeNumberField("rating_notch", r.actions().ratingNotch());
        json.writeStringField("approval_route", r.actions().approvalRoute().code());
        json.writeStringField("credit_line", r.actions().creditLine().code());
        codes(json, "outreach", r.actions().outreach());
        json.writeNumberField("conflicts", r.withheldBenefits().size());
        codes(json, "withheld_benefits", r.withheldBenefits());
        codes(json, "risk_signals", r.riskSignals());
        json.writeBooleanField("overridden", r.overridden());
        json.writeObjectFieldStart("features");
        for (FeatureId feature : FeatureId.values()) {
            FeatureValue value = r.feature(feature);
            json.writeFieldName(feature.code());
            if (value.present()) {
                json.writeNumber(plain(value.value()));
            } else {
                json.writeNull();
            }
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void codes(JsonGenerator json, String field, List<? extends Enum<?>> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (Enum<?> value : values) {
            json.writeString(RunsSql.code(value));
        }
        json.writeEndArray();
    }

    /** The CSV columns, in their stable order. */
    private List<Column> columns() {
        RunProvenance p = run.provenance();
        String runId = Long.toString(run.runId());
        String asOf = p.asOf().toString();
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("run_id", r -> runId));
        columns.add(new Column("as_of", r -> asOf));
        columns.add(new Column("policy_id", r -> p.policyId()));
        columns.add(new Column("policy_version", r -> p.policyVersion()));
        columns.add(new Column("customer_id", RunResult::customerId));
        columns.add(new Column("tier", r -> r.tier().code()));
        columns.add(new Column(
                "score",
                r -> r.score().isPresent() ? plain(r.score().getAsDouble()).toPlainString() : ""));
        columns.add(new Column("scored_weight", r -> plain(r.scoredWeight()).toPlainString()));
        columns.add(new Column("score_tier", r -> r.scoreTier().code()));
        columns.add(new Column("stable_tier", r -> r.stableTier().code()));
        columns.add(new Column("stage", r -> r.stage().code()));
        columns.add(new Column("tier_reasons", r -> RunsSql.join(r.tierReasons())));
        columns.add(new Column("stage_reasons", r -> RunsSql.join(r.stageReasons())));
        columns.add(new Column("pricing_bps", r -> Integer.toString(r.actions().pricingBps())));
        columns.add(new Column("rating_notch", r -> Integer.toString(r.actions().ratingNotch())));
        columns.add(
                new Column("approval_route", r -> r.actions().approvalRoute().code()));
        columns.add(new Column("credit_line", r -> r.actions().creditLine().code()));
        columns.add(new Column("outreach", r -> RunsSql.join(r.actions().outreach())));
        columns.add(new Column(
                "conflicts", r -> Integer.toString(r.withheldBenefits().size())));
        columns.add(new Column("withheld_benefits", r -> RunsSql.join(r.withheldBenefits())));
        columns.add(new Column("risk_signals", r -> RunsSql.join(r.riskSignals())));
        columns.add(new Column("overridden", r -> Boolean.toString(r.overridden())));
        for (FeatureId feature : FeatureId.values()) {
            columns.add(new Column(feature.code(), r -> {
                FeatureValue value = r.feature(feature);
                return value.present() ? plain(value.value()).toPlainString() : "";
            }));
        }
        return columns;
    }

    /** A number as its shortest decimal, never in exponent form (12000000, not 1.2E7). */
    private static BigDecimal plain(double value) {
        BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
        return decimal.scale() < 0 ? decimal.setScale(0) : decimal;
    }
}
