package com.toaide.aides;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.testing.Browser;
import com.toaide.testing.TestApp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What a person sees on the dashboard: Archive, its Undo in the status line, the Archived list,
 * the free plan's limit in place of "New page"; and the "No page here" a visitor gets once a page
 * is unpublished. Screenshots at desktop and phone width, light and dark, in target/screenshots.
 */
class ArchiveBrowserTest {
    @AutoClose static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start();
    }

    static void signIn(Browser browser, TestApp.TestUser user) {
        browser.driver.get(app.base + "/health");
        String[] cookie = user.cookie().split("=", 2);
        browser.driver.manage().addCookie(new Cookie(cookie[0], cookie[1]));
    }

    @Test
    void archive_is_undone_from_the_status_line_and_the_limit_is_explained_on_the_dashboard() {
        var user = app.newUser();
        UUID league = ArchiveAndLimitsTest.edited(user, "Poker league", app);
        for (int i = 1; i < AideService.FREE_ACTIVE_AIDES; i++) {
            ArchiveAndLimitsTest.edited(user, "Page " + i, app);
        }
        var publish = app.postJson("/aides/" + league + "/publish", "{}", user);
        assertThat(publish.statusCode()).as(publish.body()).isEqualTo(200);
        String url = EditApiTest.JSON.readTree(publish.body()).get("url").asString();
        String slug = url.substring(url.lastIndexOf('/') + 1);

        try (var browser = Browser.start(1280, 800)) {
            var driver = browser.driver;
            signIn(browser, user);
            driver.get(app.base + "/aides");
            assertThat(driver.findElement(By.cssSelector("[data-limit]")).getText()).contains("Archive one to start another");
            assertThat(driver.findElements(By.xpath("//button[normalize-space()='New page']"))).isEmpty();
            browser.screenshot("dashboard-limit-1280-light");

            driver.findElement(By.xpath("//a[normalize-space()='Poker league']/following-sibling::span[@class='aide-actions']//button[normalize-space()='Archive']")).click();
            var status = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".status-line")));
            assertThat(status.getText()).contains("“Poker league” is archived.").contains("Its published page stays up");
            assertThat(driver.findElement(By.id("archived-title")).getText()).isEqualTo("Archived");
            assertThat(driver.findElements(By.cssSelector("[data-limit]"))).isEmpty();
            browser.screenshot("dashboard-archived-1280-light");
            browser.dark(true);
            browser.screenshot("dashboard-archived-1280-dark");
            browser.dark(false);

            status.findElement(By.xpath(".//button[normalize-space()='Undo']")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-limit]")));
            assertThat(driver.findElements(By.id("archived-title"))).isEmpty();
            assertThat(app.get("/s/" + slug).statusCode()).isEqualTo(200);
        }

        app.postJson("/aides/" + league + "/unpublish", "", user);
        try (var browser = Browser.phone(390, 844)) {
            var driver = browser.driver;
            signIn(browser, user);
            driver.get(app.base + "/aides");
            assertThat(((Number) driver.executeScript("return window.innerWidth")).intValue()).isEqualTo(390);
            assertThat((Boolean) driver.executeScript("return document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
            assertThat(((Number) driver.executeScript("""
                    return Math.min(...[...document.querySelectorAll('.aide-actions .tool')].filter(b => b.getClientRects().length)
                        .map(b => Math.min(b.getBoundingClientRect().height, b.getBoundingClientRect().width)))""")).doubleValue())
                    .as("the smallest dashboard button at 390 px").isGreaterThanOrEqualTo(44);
            browser.screenshot("dashboard-limit-390-light");
            browser.dark(true);
            browser.screenshot("dashboard-limit-390-dark");
            browser.dark(false);

            driver.findElement(By.xpath("//a[normalize-space()='Poker league']/following-sibling::span[@class='aide-actions']//button[normalize-space()='Archive']")).click();
            var status = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".status-line")));
            assertThat(status.getText()).contains("“Poker league” is archived.").doesNotContain("published page");
            assertThat((Boolean) driver.executeScript("return document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
            browser.screenshot("dashboard-archived-390-light");
            browser.dark(true);
            browser.screenshot("dashboard-archived-390-dark");
            browser.dark(false);

            driver.get(app.base + "/s/" + slug);
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("No page here");
            browser.screenshot("not-found-390-light");
            browser.dark(true);
            browser.screenshot("not-found-390-dark");

            browser.dark(false);
            driver.get(app.base + "/aides");
            // The dashboard may still be settling after the load (a node found then replaced): the
            // click goes to the button as it is, and is not repeated once the button is gone.
            By unarchive = By.xpath("//section[@class='archived']//button[normalize-space()='Unarchive']");
            browser.waiting().ignoring(WebDriverException.class).until(d -> {
                List<WebElement> button = d.findElements(unarchive);
                if (button.isEmpty()) {
                    return d.findElements(By.id("archived-title")).isEmpty();
                }
                button.get(0).click();
                return true;
            });
            browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("archived-title")));
            assertThat(driver.findElement(By.cssSelector(".aide-list")).getText()).contains("Poker league");
        }
        try (var browser = Browser.start(1280, 800)) {
            browser.driver.get(app.base + "/s/" + slug);
            browser.screenshot("not-found-1280-light");
            browser.dark(true);
            browser.screenshot("not-found-1280-dark");
        }
    }
}
