package org.policyevaluator.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End to end in a real headless Chromium: upload a sample, read the score and a reason, apply a
 * suggestion and see the score change. Uses the system browser and driver (Debian packages chromium
 * and chromium-driver) and never downloads one; skipped only when /usr/bin/chromium is absent.
 */
class BrowserTest extends WebTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    static WebDriver driver;
    static Path profile;

    @BeforeAll
    static void startBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at /usr/bin/chromium");
        // Selenium Manager would try to download a driver: there is no internet here, and the system one is used
        System.setProperty("SE_MANAGER_PATH", "/bin/false");
        profile = Files.createTempDirectory("pe-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1800", "--user-data-dir=" + profile);
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void uploadSampleShouldShowScoreAndReasonsAndApplyingASuggestionShouldRaiseTheScore() throws Exception {
        driver.get(uri("/?lang=en").toString());
        driver.findElement(By.id("file")).sendKeys(new File("samples/batch-applications.xlsx").getAbsolutePath());
        driver.findElement(By.id("upload-submit")).click();

        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        // the sample workbook holds nine applications: the batch page ranks them; open one
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#ranking tr.row-link")));
        assertThat(driver.findElements(By.cssSelector("#ranking tr.row-link"))).hasSize(9);
        assertThat(driver.findElement(By.id("workbook")).isDisplayed()).isTrue();
        screenshot("batch.png");
        driver.findElements(By.cssSelector("#ranking tr.row-link")).stream()
                .filter(row -> row.getText().contains("GT-2026-013")).findFirst().orElseThrow().click();
        WebElement total = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("total")));
        BigDecimal before = new BigDecimal(total.getText());
        assertThat(before).isEqualByComparingTo("46.5");
        String reason = driver.findElement(By.cssSelector("#findings tr[data-rule='GR-010'] td.reason")).getText();
        assertThat(reason).isEqualTo("Energy saving of 22%, reaching the >= 20% band (+5)");
        assertThat(driver.findElements(By.cssSelector("#chart svg g.dimension"))).hasSize(5);
        screenshot("result-before.png");

        String suggestion = driver.findElement(By.cssSelector(".suggestion .text")).getText();
        driver.findElement(By.id("apply-0")).click();
        WebElement applied = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("applied")));
        BigDecimal after = new BigDecimal(driver.findElement(By.id("total")).getText());
        assertThat(after).isGreaterThan(before);
        assertThat(applied.getText()).contains(suggestion, "total before 46.5");
        screenshot("result-after-suggestion.png");
    }

    @Test
    void formWhenAClaimLacksEvidenceShouldShowItsPointsPendingAndGivingTheListingShouldReleaseThem() throws Exception {
        driver.get(uri("/?lang=zh").toString());
        fillMinimalGreenFactory();
        driver.findElement(By.id("assess-submit")).click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("total")));
        // the green factory is declared without its listing: GR-040's 2 points wait for it
        assertThat(driver.findElements(By.cssSelector("#pending tr[data-rule='GR-040']"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("#findings tr[data-rule='GR-040']"))).isEmpty();
        BigDecimal without = new BigDecimal(driver.findElement(By.id("total")).getText());
        screenshot("result-pending-evidence.png");

        driver.get(uri("/?lang=zh").toString());
        fillMinimalGreenFactory();
        driver.findElement(By.id("ev-green-greenFactory")).sendKeys("绿色工厂 2021");
        driver.findElement(By.id("assess-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("total")));
        assertThat(driver.findElements(By.cssSelector("#findings tr[data-rule='GR-040']"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("#pending"))).isEmpty();
        assertThat(new BigDecimal(driver.findElement(By.id("total")).getText())).isEqualByComparingTo(without.add(new BigDecimal("2")));
    }

    @Test
    void reviewerWhenAssignedShouldScoreTheApplicationOnItsPageAndSubmitTheReview() throws Exception {
        account("br-applicant", "APPLICANT");
        account("br-chair", "REVIEWER", "general");
        account("br-reviewer", "REVIEWER", "general");
        var stored = json(send("POST", "/api/evaluations?program=general&suggestions=false", "br-applicant",
                sample("green-textile-factory.json")));
        String batchId = stored.get("batchId").asString();
        String evaluationId = stored.get("evaluations").get(0).get("evaluationId").asString();
        send("POST", "/api/batches/" + batchId + "/chairs", ADMIN, "{\"reviewer\": \"br-chair\"}");
        assertThat(send("POST", "/api/batches/" + batchId + "/assignments", "br-chair", "{\"reviewer\": \"br-reviewer\", "
                + "\"applicationIds\": [\"GT-2026-013\"]}").statusCode()).isEqualTo(201);

        driver.manage().deleteAllCookies();
        driver.get(uri("/login?lang=zh").toString());
        driver.findElement(By.id("username")).sendKeys("br-reviewer");
        driver.findElement(By.id("password")).sendKeys(password("br-reviewer"));
        driver.findElement(By.id("login-submit")).click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        // the sign-in must have completed (its session cookie set) before the next page is asked for:
        // navigating at once can abort the form's request and open the evaluation signed out
        wait.until(ExpectedConditions.urlContains("/batches"));
        driver.get(uri("/evaluations/" + evaluationId).toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review-form")));
        String[][] scores = {{"domesticCompute", "2"}, {"keyTechnology", "18"}, {"greenTransformation", "12"},
                {"aiApplication", "10"}, {"innovationEcosystem", "4.5"}};
        for (String[] s : scores) {
            driver.findElement(By.id("dim-" + s[0])).sendKeys(s[1]);
        }
        new Select(driver.findElement(By.id("recommendation"))).selectByValue("RESERVE");
        driver.findElement(By.id("comment")).sendKeys("与系统评分一致，建议备选");
        driver.findElement(By.id("review-submit")).click();
        WebElement done = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review-submitted")));
        assertThat(done.getText()).contains("提交，不能再修改", "46.5", "备选", "与系统评分一致，建议备选");
        assertThat(driver.findElements(By.id("review-form"))).isEmpty();
        screenshot("reviewer-submitted.png");
        // the panel sees it
        var panel = json(send("GET", "/api/batches/" + batchId + "/panel", "br-chair", null));
        assertThat(panel.get("rows").get(0).get("panel").get("reviews").get(0).get("total").decimalValue())
                .isEqualByComparingTo("46.5");
        driver.manage().deleteAllCookies();
    }

    private static void fillMinimalGreenFactory() {
        driver.findElement(By.id("f-applicationId")).sendKeys("EV-1");
        driver.findElement(By.id("f-title")).sendKeys("绿色工厂改造");
        driver.findElement(By.id("f-applicant-name")).sendKeys("测试公司");
        driver.findElement(By.id("f-applicant-creditCode")).sendKeys("91350100M000100Y43");
        new Select(driver.findElement(By.id("f-applicant-type"))).selectByValue("ENTERPRISE");
        new Select(driver.findElement(By.id("f-green-greenFactory"))).selectByValue("true");
        new Select(driver.findElement(By.id("f-scenario-sector"))).selectByValue("MANUFACTURING");
        driver.findElement(By.id("f-budget-total")).sendKeys("1000");
        driver.findElement(By.id("f-budget-requested")).sendKeys("400");
    }

    static void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name), png);
    }
}
