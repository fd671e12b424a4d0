package io.fidelis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fidelis.core.classification.Language;
import io.fidelis.core.classification.Messages;
import io.fidelis.core.policy.Tier;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportCommandTest {

    @TempDir
    static Path temp;

    private static Path report;

    @BeforeAll
    static void reportAYearOfMonthEndsWithAStrategy() {
        Path workspace = Cli.generatedWorkspace(temp, 41);
        Cli.Result classified = Cli.run(
                "classify",
                "--from",
                "2025-09-30",
                "--to",
                "2026-09-30",
                "--every",
                "month",
                "--workspace",
                workspace.toString());
        assertThat(classified.exit()).as(classified.err()).isEqualTo(Main.OK);
        Cli.Result assigned = Cli.run(
                "assign",
                "--strategy",
                "pilot",
                "--as-of",
                "2025-09-30",
                "--seed",
                "7",
                "--workspace",
                workspace.toString());
        assertThat(assigned.exit()).as(assigned.err()).isEqualTo(Main.OK);
        report = temp.resolve("report");
        Cli.Result reported = Cli.run("report", "--out", report.toString(), "--workspace", workspace.toString());
        assertThat(reported.exit()).as(reported.err()).isEqualTo(Main.OK);
    }

    @Test
    void htmlNamesEveryTierInEnglishAndChinese() throws Exception {
        String html = Files.readString(report.resolve("report.html"));
        for (Tier tier : Tier.values()) {
            assertThat(html).contains(tier.code()).contains(Messages.label(tier, Language.CHINESE));
        }
        assertThat(html).contains("Tier migration").contains("等级迁移").contains("Strategy evaluation");
    }

    @Test
    void htmlIsSelfContainedWithSvgCharts() throws Exception {
        String html = Files.readString(report.resolve("report.html"));
        assertThat(html).contains("<svg").contains("<polyline").contains("<circle");
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<script");
    }

    @Test
    void workbookHasOneSheetPerTableWithTwoHeaderRows() throws Exception {
        try (InputStream in = Files.newInputStream(report.resolve("report.xlsx"));
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(workbook.getSheet("Distribution").getPhysicalNumberOfRows())
                    .isEqualTo(2 + Tier.values().length);
            assertThat(workbook.getSheet("Trend").getPhysicalNumberOfRows()).isEqualTo(2 + 13);
            // the tiers and the row of customers absent from the first run
            assertThat(workbook.getSheet("Migration").getPhysicalNumberOfRows())
                    .isEqualTo(2 + Tier.values().length + 1);
            assertThat(workbook.getSheet("Evaluation").getPhysicalNumberOfRows())
                    .isGreaterThan(2);
            assertThat(workbook.getSheet("Distribution").getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("等级");
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "<script>alert(1)</script>|&lt;script&gt;alert(1)&lt;/script&gt;",
                "A & B \"quoted\" 'single'|A &amp; B &quot;quoted&quot; &#39;single&#39;",
                "客户 plain|客户 plain"
            })
    void escapeMakesTextInert(String text, String escaped) {
        assertThat(ReportHtml.escape(text)).isEqualTo(escaped);
    }

    @Test
    void labelsAreEscapedInEachLanguage() {
        assertThat(new ReportHtml(ReportCommand.Lang.BOTH).label("<b>", "<i>")).isEqualTo("&lt;b&gt; &lt;i&gt;");
        assertThat(new ReportHtml(ReportCommand.Lang.ZH).label("tier", "等级")).isEqualTo("等级");
    }

    @Test
    void langEnglishLeavesTheChineseHeadingsOut() throws Exception {
        Path english = temp.resolve("english");
        Cli.Result reported = Cli.run(
                "report",
                "--out",
                english.toString(),
                "--lang",
                "en",
                "--workspace",
                temp.resolve("workspace").toString());
        assertThat(reported.exit()).as(reported.err()).isEqualTo(Main.OK);
        String html = Files.readString(english.resolve("report.html"));
        assertThat(html).contains("Customer loyalty report").doesNotContain("客户忠诚度报告");
    }

    @Test
    void withoutOutItIsAUsageError() {
        assertThat(Cli.run("report", "--workspace", temp.resolve("workspace").toString())
                        .exit())
                .isEqualTo(Main.USAGE);
    }

    @Test
    void anEmptyWorkspaceIsADataError() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        Cli.Result result =
                Cli.run("report", "--out", temp.resolve("none").toString(), "--workspace", empty.toString());
        assertThat(result.exit()).isEqualTo(Main.DATA_ERRORS);
        assertThat(result.err()).contains("holds no book");
    }
}
