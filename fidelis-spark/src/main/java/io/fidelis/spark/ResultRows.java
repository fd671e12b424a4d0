package io.fidelis.spark;

import io.fidelis.core.classification.Classification;
import io.fidelis.core.classification.Reason;
import io.fidelis.core.features.Evidence;
import io.fidelis.core.features.FeatureId;
import io.fidelis.core.features.FeatureValue;
import io.fidelis.store.Reject;
import io.fidelis.store.RunResult;
import io.fidelis.store.RunsSql;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The rows the job makes: one per customer with the columns of {@code fidelis export --format csv} (provenance
 * columns but the run id, then {@link RunsSql}'s result columns, then one column per feature, NULL when missing), typed
 * for Parquet; and, nested in it until they are written apart, the customer's reasons (stable codes and their
 * evidence, never text: readers render it in their language from the code, as the CLI does) and the rejects of its
 * rows.
 */
final class ResultRows {

    /** The columns of the results table, in export order. */
    static final List<String> RESULT_COLUMNS = resultColumns();

    static final StructType REASON = new StructType()
            .add("kind", DataTypes.StringType, false)
            .add("position", DataTypes.IntegerType, false)
            .add("code", DataTypes.StringType, false)
            .add("effect", DataTypes.StringType, false)
            .add("evidence", DataTypes.StringType, false);

    static final StructType REJECT = new StructType()
            .add("source", DataTypes.StringType, false)
            .add("line", DataTypes.LongType, false)
            .add("column", DataTypes.StringType, true)
            .add("value", DataTypes.StringType, true)
            .add("rule", DataTypes.StringType, false)
            .add("message", DataTypes.StringType, false);

    /** A customer's row: the result columns (all NULL when its records were rejected), its reasons, its rejects. */
    static final StructType SCHEMA = schema();

    private ResultRows() {}

    private static List<String> resultColumns() {
        List<String> names = new ArrayList<>(List.of("as_of", "policy_id", "policy_version"));
        RunsSql.RESULT_COLUMNS.stream()
                .map(RunsSql.Column::name)
                .filter(name -> !name.equals("run_id"))
                .forEach(names::add);
        for (FeatureId feature : FeatureId.values()) {
            names.add(feature.code());
        }
        return List.copyOf(names);
    }

    private static StructType schema() {
        List<StructField> fields = new ArrayList<>();
        for (String name : RESULT_COLUMNS) {
            fields.add(DataTypes.createStructField(name, type(name), !name.equals("customer_id")));
        }
        fields.add(DataTypes.createStructField("reasons", DataTypes.createArrayType(REASON, false), false));
        fields.add(DataTypes.createStructField("rejects", DataTypes.createArrayType(REJECT, false), false));
        return DataTypes.createStructType(fields);
    }

    private static DataType type(String column) {
        return switch (column) {
            case "as_of" -> DataTypes.DateType;
            case "score", "scored_weight" -> DataTypes.DoubleType;
            case "pricing_bps", "rating_notch", "conflicts" -> DataTypes.IntegerType;
            case "overridden" -> DataTypes.BooleanType;
            default -> isFeature(column) ? DataTypes.DoubleType : DataTypes.StringType;
        };
    }

    private static boolean isFeature(String column) {
        for (FeatureId feature : FeatureId.values()) {
            if (feature.code().equals(column)) {
                return true;
            }
        }
        return false;
    }

    /** The row of a classified customer. */
    static Row classified(Classification classification) {
        RunResult r = RunResult.of(classification);
        List<Object> cells = new ArrayList<>(SCHEMA.size());
        cells.add(Date.valueOf(classification.asOf()));
        cells.add(classification.policyId());
        cells.add(classification.policyVersion());
        cells.add(r.customerId());
        cells.add(r.tier().code());
        cells.add(r.score().isPresent() ? r.score().getAsDouble() : null);
        cells.add(r.scoredWeight());
        cells.add(r.scoreTier().code());
        cells.add(r.stableTier().code());
        cells.add(r.stage().code());
        cells.add(RunsSql.join(r.tierReasons()));
        cells.add(RunsSql.join(r.stageReasons()));
        cells.add(r.actions().pricingBps());
        cells.add(r.actions().ratingNotch());
        cells.add(r.actions().approvalRoute().code());
        cells.add(r.actions().creditLine().code());
        cells.add(RunsSql.join(r.actions().outreach()));
        cells.add(r.withheldBenefits().size());
        cells.add(RunsSql.join(r.withheldBenefits()));
        cells.add(RunsSql.join(r.riskSignals()));
        cells.add(r.overridden());
        for (FeatureId feature : FeatureId.values()) {
            FeatureValue value = r.feature(feature);
            cells.add(value.present() ? value.value() : null);
        }
        if (cells.size() != RESULT_COLUMNS.size()) {
            throw new IllegalStateException("a result row has " + cells.size() + " cells for " + RESULT_COLUMNS.size()
                    + " columns: RunsSql's columns changed without this job");
        }
        List<Row> reasons = new ArrayList<>();
        reasons(reasons, "tier", classification.tierReasons());
        reasons(reasons, "stage", classification.stageReasons());
        cells.add(seq(reasons));
        cells.add(seq(List.of()));
        return RowFactory.create(cells.toArray());
    }

    /** The row of a customer some of whose records were rejected: no result, only the rejects. */
    static Row rejected(String customerId, List<Reject> rejects) {
        Object[] cells = new Object[SCHEMA.size()];
        cells[RESULT_COLUMNS.indexOf("customer_id")] = customerId == null ? "" : customerId;
        cells[cells.length - 2] = seq(List.of());
        List<Row> rows = new ArrayList<>(rejects.size());
        for (Reject reject : rejects) {
            rows.add(RowFactory.create(
                    reject.file(), reject.line(), reject.column(), reject.value(), reject.rule(), reject.message()));
        }
        cells[cells.length - 1] = seq(rows);
        return RowFactory.create(cells);
    }

    private static void reasons(List<Row> rows, String kind, List<Reason> reasons) {
        for (int i = 0; i < reasons.size(); i++) {
            Reason reason = reasons.get(i);
            StringBuilder evidence = new StringBuilder();
            for (Evidence e : reason.evidence()) {
                if (evidence.length() > 0) {
                    evidence.append(RunsSql.SEPARATOR);
                }
                evidence.append(e.feature().code()).append('=');
                evidence.append(e.value().present() ? Double.toString(e.value().value()) : "");
            }
            rows.add(RowFactory.create(
                    kind, i + 1, RunsSql.code(reason.code()), RunsSql.code(reason.effect()), evidence.toString()));
        }
    }

    static Object seq(List<Row> rows) {
        return CollectionConverters.asScala(rows).toSeq();
    }
}
