package io.fidelis.cli;

import io.fidelis.core.classification.Language;
import io.fidelis.core.classification.Messages;
import io.fidelis.core.evaluation.Comparison;
import io.fidelis.core.evaluation.Estimate;
import io.fidelis.core.evaluation.MigrationMatrix;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import io.fidelis.store.RunCounts;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The report's tables as a workbook: one sheet each, with an English and a Chinese header row. */
final class ReportXlsx {

    private ReportXlsx() {}

    static void write(Path file, ReportCommand.Data data) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            distribution(workbook.createSheet("Distribution"), data.counts());
            if (!data.trendRuns().isEmpty()) {
                trend(workbook.createSheet("Trend"), data);
            }
            if (data.migration() != null) {
                migration(workbook.createSheet("Migration"), data.migration());
            }
            if (!data.evaluations().isEmpty()) {
                evaluation(workbook.createSheet("Evaluation"), data.evaluations());
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
    }

    private static void distribution(Sheet sheet, RunCounts counts) {
        List<Object> english = new ArrayList<>(List.of("tier"));
        List<Object> chinese = new ArrayList<>(List.of("等级"));
        for (Stage stage : Stage.values()) {
            english.add(stage.code());
            chinese.add(Messages.label(stage, Language.CHINESE));
        }
        english.add("total");
        chinese.add("合计");
        row(sheet, english);
        row(sheet, chinese);
        for (Tier tier : Tier.values()) {
            List<Object> cells = new ArrayList<>(List.of(tier.code() + " " + Messages.label(tier, Language.CHINESE)));
            for (Stage stage : Stage.values()) {
                cells.add(counts.count(tier, stage));
            }
            cells.add(counts.total(tier));
            row(sheet, cells);
        }
    }

    private static void trend(Sheet sheet, ReportCommand.Data data) {
        List<Object> english = new ArrayList<>(List.of("as of", "run"));
        List<Object> chinese = new ArrayList<>(List.of("截至日期", "运行"));
        for (Tier tier : Tier.values()) {
            english.add(tier.code());
            chinese.add(Messages.label(tier, Language.CHINESE));
        }
        row(sheet, english);
        row(sheet, chinese);
        for (int i = 0; i < data.trendRuns().size(); i++) {
            List<Object> cells = new ArrayList<>(List.of(
                    data.trendRuns().get(i).provenance().asOf().toString(),
                    data.trendRuns().get(i).runId()));
            for (Tier tier : Tier.values()) {
                cells.add(data.trendCounts().get(i).total(tier));
            }
            row(sheet, cells);
        }
    }

    private static void migration(Sheet sheet, MigrationMatrix matrix) {
        List<Object> english = new ArrayList<>(List.of("from \\ to " + matrix.fromDate() + " → " + matrix.toDate()));
        List<Object> chinese = new ArrayList<>(List.of("从 \\ 到"));
        for (String to : matrix.labels()) {
            english.add(to);
            chinese.add(MigrateCommand.chinese(to));
        }
        english.add("total");
        chinese.add("合计");
        row(sheet, english);
        row(sheet, chinese);
        for (String from : matrix.labels()) {
            List<Object> cells = new ArrayList<>(List.of(from + " " + MigrateCommand.chinese(from)));
            for (String to : matrix.labels()) {
                cells.add(matrix.count(from, to));
            }
            cells.add(matrix.rowTotal(from));
            row(sheet, cells);
        }
    }

    private static void evaluation(Sheet sheet, List<ReportCommand.StrategyEvaluation> evaluations) {
        row(sheet, List.of("strategy", "outcome", "group", "treatment - control", "lower 95%", "upper 95%"));
        row(sheet, List.of("策略", "结果指标", "组", "处理组 - 对照组", "95% 下限", "95% 上限"));
        for (ReportCommand.StrategyEvaluation evaluation : evaluations) {
            for (Comparison c : evaluation.result().comparisons()) {
                List<Object> cells = new ArrayList<>(List.of(
                        evaluation.strategyId(),
                        EvaluationLabels.outcome(c.outcome()),
                        EvaluationLabels.group(c.group())));
                if (c.difference() instanceof Estimate e) {
                    double scale = EvaluationLabels.scale(c.outcome());
                    cells.add(e.point() * scale);
                    cells.add(e.lower() * scale);
                    cells.add(e.upper() * scale);
                } else {
                    cells.add("not enough data 数据不足");
                }
                row(sheet, cells);
            }
        }
    }

    private static void row(Sheet sheet, List<Object> cells) {
        Row row = sheet.createRow(sheet.getPhysicalNumberOfRows());
        for (int i = 0; i < cells.size(); i++) {
            Object value = cells.get(i);
            if (value instanceof Number number) {
                row.createCell(i).setCellValue(number.doubleValue());
            } else {
                row.createCell(i).setCellValue(value.toString());
            }
        }
    }
}
