package com.toaide.aides;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.platform.db.Database;
import com.toaide.testing.Browser;
import com.toaide.testing.TestApp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Nothing typed is lost: edits made while the server cannot be reached wait and land once, in
 * order; a refused value stays in its field with a plain reason; a reload while typing offers
 * the text back; a signed-out session says so.
 */
class NothingLostBrowserTest {
    @AutoClose static TestApp app;
    @AutoClose static Database db;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        db = Database.connect(app.database, 1);
    }

    private UUID pokerPage(TestApp.TestUser user) {
        UUID aide = EditApiTest.create(user, app);
        assertThat(app.postJson("/aides/" + aide + "/events", EditApiTest.PAGE, user).statusCode()).isEqualTo(200);
        return aide;
    }

    @Test
    void two_edits_made_while_the_server_is_cut_off_land_once_and_in_order() {
        var user = app.newUser();
        UUID aide = pokerPage(user);
        try (var browser = Browser.start(1280, 800)) {
            var b = new PageByHandBrowserTest.Steps(browser, app);
            b.open(user, aide);
            b.waitText("#live-page table", "Dave");
            offline(browser, true);
            b.clickValue("Dave");
            b.type("Dave A");
            b.waitText("[data-save-bar]", "1 change waiting");
            b.clickValue("Dave A");
            b.type("Dave B");
            b.waitText("[data-save-bar]", "2 changes waiting");
            browser.screenshot("offline-two-changes-waiting");
            offline(browser, false);
            new WebDriverWait(browser.driver, Duration.ofSeconds(40)).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.cssSelector("[data-save-bar]")).getText().contains("saved"));
            b.waitText("#live-page table", "Dave B");
        }
        List<String> names = StoredLog.read(db, user.id(), aide).entries().stream()
                .filter(e -> e.event().path("ref").asString().equals("dave") && e.event().path("p").has("name"))
                .map(e -> e.event().path("p").path("name").asString()).toList();
        assertThat(names).containsExactly("Dave A", "Dave B");
    }

    /** The real thing: the server process stops (a deploy, a crash) while the page is open, then comes back. */
    @Test
    void two_edits_made_while_the_server_is_down_land_once_and_in_order_when_it_is_back() {
        TestApp own = TestApp.start();
        try (var ownDb = Database.connect(own.database, 1)) {
            var user = own.newUser();
            UUID aide = EditApiTest.create(user, own);
            assertThat(own.postJson("/aides/" + aide + "/events", EditApiTest.PAGE, user).statusCode()).isEqualTo(200);
            try (var browser = Browser.start(1280, 800)) {
                var b = new PageByHandBrowserTest.Steps(browser, own);
                b.open(user, aide);
                b.waitText("#live-page table", "Dave");
                own = own.restart(() -> {
                    b.clickValue("Dave");
                    b.type("Dave A");
                    b.waitText("[data-save-bar]", "1 change waiting");
                    b.clickValue("Dave A");
                    b.type("Dave B");
                    b.waitText("[data-save-bar]", "2 changes waiting");
                    browser.screenshot("server-down-two-changes-waiting");
                });
                new WebDriverWait(browser.driver, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                        .until(d -> d.findElement(By.cssSelector("[data-save-bar]")).getText().contains("saved"));
                b.waitText("#live-page table", "Dave B");
                browser.screenshot("server-back-changes-saved");
                // The live channel reconnected to the server that came back: a change made elsewhere shows by itself.
                assertThat(own.postJson("/aides/" + aide + "/events",
                        "{\"events\":[{\"t\":\"entity.update\",\"ref\":\"dave\",\"p\":{\"wins\":9}}]}", user).statusCode()).isEqualTo(200);
                new WebDriverWait(browser.driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                        .until(d -> d.findElement(By.xpath("//*[@id='live-page']//tr[th[normalize-space()='Dave B']]")).getText().contains("9"));
            }
            List<String> names = StoredLog.read(ownDb, user.id(), aide).entries().stream()
                    .filter(e -> e.event().path("ref").asString().equals("dave") && e.event().path("p").has("name"))
                    .map(e -> e.event().path("p").path("name").asString()).toList();
            assertThat(names).containsExactly("Dave A", "Dave B");
        } finally {
            own.close();
        }
    }

    /** The save state shows twice: a badge beside the value being saved, and the status line that stays on screen. */
    @Test
    void the_save_state_shows_beside_the_field_and_in_the_status_line() {
        var user = app.newUser();
        UUID aide = pokerPage(user);
        try (var browser = Browser.start(1280, 800)) {
            var b = new PageByHandBrowserTest.Steps(browser, app);
            b.open(user, aide);
            b.waitText("#live-page table", "Dave");
            // Offline, the save waits: the badge and the status line both say so, in the same words.
            offline(browser, true);
            b.clickValue("Dave");
            b.type("Dave S");
            b.waitText("[data-save-bar]", "1 change waiting");
            b.waitText(".save-badge[data-kind=saving]", "Waiting");
            WebElement field = browser.driver.findElement(By.xpath("//*[@id='live-page']//*[@data-field][normalize-space()='Dave S']"));
            WebElement badge = browser.driver.findElement(By.cssSelector(".save-badge"));
            assertThat(Math.abs(badge.getRect().getY() - field.getRect().getY()))
                    .as("the badge sits on the field's line").isLessThan(field.getRect().getHeight());
            browser.screenshot("save-badge-saving");
            offline(browser, false);
            b.waitText(".save-badge[data-kind=saved]", "Saved");
            new WebDriverWait(browser.driver, Duration.ofSeconds(40)).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.cssSelector("[data-save-bar]")).getText().matches("(?s).*(Saved|saved).*"));
            browser.screenshot("save-badge-saved");
        }
    }

    @Test
    void an_over_long_value_stays_in_its_field_with_a_plain_reason() {
        var user = app.newUser();
        UUID aide = pokerPage(user);
        try (var browser = Browser.start(1280, 800)) {
            var b = new PageByHandBrowserTest.Steps(browser, app);
            b.open(user, aide);
            b.clickValue("Dave");
            WebElement input = browser.waiting().until(d -> d.findElement(By.cssSelector("#live-page .inline-input")));
            // Ten thousand characters typed key by key take minutes here: most of them are pasted in.
            browser.driver.executeScript("arguments[0].value = 'x'.repeat(10000);", input);
            input.sendKeys(Keys.END, "y", Keys.ENTER);
            var note = browser.waiting().ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.cssSelector("#live-page .field-note[data-kind=error]")));
            assertThat(note.getText()).isEqualTo("Not saved: that is too long. A value holds at most 10,000 characters.");
            WebElement kept = browser.driver.findElement(By.cssSelector("#live-page .inline-input"));
            assertThat(kept.getAttribute("value")).hasSize(10_001).endsWith("xy");
            assertThat(browser.driver.findElement(By.cssSelector("[data-save-bar]")).getText()).contains("too long").doesNotContain("LIMIT_EXCEEDED");
            browser.screenshot("over-long-value-kept");
        }
        assertThat(snapshot(user, aide).at("/entities/dave/props/name").asString()).isEqualTo("Dave");
    }

    @Test
    void text_typed_before_a_reload_is_offered_back_and_saved() {
        var user = app.newUser();
        UUID aide = pokerPage(user);
        try (var browser = Browser.start(1280, 800)) {
            var b = new PageByHandBrowserTest.Steps(browser, app);
            b.open(user, aide);
            b.clickValue("Dave");
            WebElement input = browser.waiting().until(d -> d.findElement(By.cssSelector("#live-page .inline-input")));
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), "David");
            browser.driver.navigate().refresh();
            b.waitText("[data-save-bar]", "David");
            b.click(By.xpath("//*[@data-status-actions]/button[normalize-space()='Save it']"));
            b.waitText("#live-page table", "David");
        }
        assertThat(snapshot(user, aide).at("/entities/dave/props/name").asString()).isEqualTo("David");
    }

    @Test
    void a_signed_out_editor_says_so_and_links_to_sign_in() {
        var user = app.newUser();
        UUID aide = pokerPage(user);
        try (var browser = Browser.start(1280, 800)) {
            var b = new PageByHandBrowserTest.Steps(browser, app);
            b.open(user, aide);
            b.waitText("#live-page table", "Dave");
            browser.driver.manage().deleteAllCookies();
            b.clickValue("Dave");
            b.type("Dave S");
            b.waitText("[data-save-bar]", "You are signed out");
            assertThat(browser.driver.findElement(By.cssSelector("[data-status-actions] a")).getAttribute("href")).endsWith("/login");
            browser.screenshot("signed-out");
        }
    }

    private static tools.jackson.databind.JsonNode snapshot(TestApp.TestUser user, UUID aide) {
        return tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(app.getJson("/aides/" + aide + "/snapshot", user).body()).get("snapshot");
    }

    private static void offline(Browser browser, boolean off) {
        browser.driver.executeCdpCommand("Network.enable", Map.of());
        browser.driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of(
                "offline", off, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }
}
