package org.policyevaluator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyevaluator.TestResources;
import org.policyevaluator.intake.excel.WorkbookDump;

class ExcelCommandsTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void evaluateWhenFormatIsXlsxWithoutOutShouldBeAUsageError() {
        Run r = run("evaluate", "samples/green-textile-factory.json", "--format", "xlsx", "--lang", "en");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: --format xlsx writes a workbook: give the file with --out REPORT.xlsx\n");
        assertThat(run("evaluate", "samples/green-textile-factory.json", "--format", "xlsx").err())
                .isEqualTo("错误：--format xlsx 输出工作簿：请用 --out 报告.xlsx 指定文件\n");
    }

    @Test
    void evaluateWhenAWorkbookIsNamedJsonShouldReadItByItsContent() throws Exception {
        Path disguised = Files.copy(Path.of("samples", "batch-applications.xlsx"), dir.resolve("batch.json"));
        Run r = run("evaluate", disguised.toString());
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).contains("\"evaluatedCount\" : 9");
    }

    @Test
    void evaluateWhenWorkbookIsEncryptedShouldSayPasswordProtected() throws Exception {
        Path corpus = TestResources.path("corpus/wild-xlsx/protected_passtika.xlsx");
        Run r = run("evaluate", "--lang", "en", corpus.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: protected_passtika.xlsx: the workbook is password-protected (encrypted); "
                + "remove the password in Excel (File > Info > Protect Workbook) and submit it again\n");
        assertThat(run("evaluate", corpus.toString()).err())
                .isEqualTo("错误：protected_passtika.xlsx：工作簿已加密：请去掉打开密码后重新保存再提交\n");
    }

    @Test
    void evaluateWhenFormatIsXlsxShouldWriteTheReport() {
        Path report = dir.resolve("report.xlsx");
        Run r = run("evaluate", "samples/batch-applications.xlsx", "--format", "xlsx", "--out", report.toString());
        assertThat(r.code()).isEqualTo(0);
        assertThat(report).isRegularFile();
    }

    @Test
    void templateShouldWriteTheCommittedTemplate() throws Exception {
        Path out = dir.resolve("t.xlsx");
        Run r = run("template", "--out", out.toString());
        assertThat(r.code()).isEqualTo(0);
        assertThat(WorkbookDump.of(out)).isEqualTo(WorkbookDump.of(Path.of("templates", "application-template.xlsx")));
        assertThat(r.err()).isEqualTo("模板已写入 " + out + "\n");
    }

    @Test
    void templateWhenItsFolderIsMissingShouldSaySoInTheLanguageAsked() {
        Path out = dir.resolve("no-such-folder/t.xlsx");
        Run r = run("template", "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("错误：" + out + "：无法写入：所在文件夹不存在\n");
        assertThat(run("template", "--lang", "en", "--out", out.toString()).err())
                .isEqualTo("error: " + out + ": cannot be written: its folder does not exist\n");
    }
}
