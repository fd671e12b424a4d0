package io.fidelis.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.features.FeatureId;
import io.fidelis.core.features.FeatureValue;
import io.fidelis.store.RunResult;
import io.fidelis.store.RunsSql;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The job's results against the embedded engine's, customer by customer and column by column. */
final class SameResults {

    private SameResults() {}

    /** Every customer's row in {@code out}/results against the embedded engine's result, column by column. */
    static void assertSameAs(SparkSession spark, Map<String, RunResult> embedded, Path out) {
        List<Row> rows = BookInput.parquet(
                        spark,
                        new org.apache.hadoop.fs.Path(out.resolve("results").toUri()))
                .collectAsList();
        assertThat(rows).hasSize(embedded.size());
        Map<String, Map<String, Object>> job = new HashMap<>();
        for (Row row : rows) {
            Map<String, Object> cells = new HashMap<>();
            for (String column : row.schema().fieldNames()) {
                cells.put(column, row.getAs(column));
            }
            job.put(row.getAs("customer_id"), cells);
        }
        List<String> differences = new ArrayList<>();
        for (RunResult expected : embedded.values()) {
            Map<String, Object> actual = job.get(expected.customerId());
            if (actual == null) {
                differences.add(expected.customerId() + " missing");
                continue;
            }
            for (Map.Entry<String, Object> cell : expectedCells(expected).entrySet()) {
                Object got = actual.get(cell.getKey());
                if (!Objects.equals(cell.getValue(), got)) {
                    differences.add(expected.customerId() + " " + cell.getKey() + ": embedded " + cell.getValue()
                            + ", spark " + got);
                }
            }
        }
        assertThat(differences).as("differences (first ones)").isEmpty();
    }

    private static Map<String, Object> expectedCells(RunResult r) {
        Map<String, Object> cells = new HashMap<>();
        cells.put("tier", r.tier().code());
        cells.put("score", r.score().isPresent() ? r.score().getAsDouble() : null);
        cells.put("scored_weight", r.scoredWeight());
        cells.put("score_tier", r.scoreTier().code());
        cells.put("stable_tier", r.stableTier().code());
        cells.put("stage", r.stage().code());
        cells.put("tier_reasons", RunsSql.join(r.tierReasons()));
        cells.put("stage_reasons", RunsSql.join(r.stageReasons()));
        cells.put("pricing_bps", r.actions().pricingBps());
        cells.put("rating_notch", r.actions().ratingNotch());
        cells.put("approval_route", r.actions().approvalRoute().code());
        cells.put("credit_line", r.actions().creditLine().code());
        cells.put("outreach", RunsSql.join(r.actions().outreach()));
        cells.put("conflicts", r.withheldBenefits().size());
        cells.put("withheld_benefits", RunsSql.join(r.withheldBenefits()));
        cells.put("risk_signals", RunsSql.join(r.riskSignals()));
        cells.put("overridden", r.overridden());
        for (FeatureId feature : FeatureId.values()) {
            FeatureValue value = r.feature(feature);
            cells.put(feature.code(), value.present() ? value.value() : null);
        }
        return cells;
    }
}
