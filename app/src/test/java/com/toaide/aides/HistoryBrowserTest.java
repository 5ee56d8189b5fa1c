package com.toaide.aides;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.testing.Browser;
import com.toaide.testing.Eventually;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The History panel in a real browser: preview an old point, restore it, undo the restore, by
 * mouse at desktop width and by keyboard on a phone; and a restored published version that stays
 * live while the page is edited with "Keep the published page up to date" on. Automatic publishes
 * are shortened to a 1 s quiet and a 3 s gap.
 */
class HistoryBrowserTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    @AutoClose static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestPostgres.freshDatabase(), Map.of("AUTO_PUBLISH_QUIET_SECONDS", "1", "AUTO_PUBLISH_GAP_SECONDS", "3"));
        app.awaitListening();
    }

    /** Three changes: the page with Dave, Dave renamed, Mike added. */
    private UUID threeChanges(TestApp.TestUser user) {
        UUID aide = EditApiTest.create(user, app);
        edit(user, aide, EditApiTest.PAGE);
        edit(user, aide, "{\"events\":[{\"t\":\"entity.update\",\"ref\":\"dave\",\"p\":{\"name\":\"Dave Ace\"}}]}");
        edit(user, aide, "{\"events\":[{\"t\":\"entity.create\",\"id\":\"mike\",\"parent\":\"players\",\"p\":{\"name\":\"Mike\",\"wins\":1}}]}");
        return aide;
    }

    private static void edit(TestApp.TestUser user, UUID aide, String body) {
        assertThat(app.postJson("/aides/" + aide + "/events", body, user).statusCode()).isEqualTo(200);
    }

    @Test
    void an_old_point_is_previewed_restored_and_the_restore_undone_from_the_status_line() {
        var user = app.newUser();
        UUID aide = threeChanges(user);
        try (var browser = Browser.start(1280, 800)) {
            var b = new PageByHandBrowserTest.Steps(browser, app);
            b.open(user, aide);
            b.waitText("#live-page table", "Mike");
            b.clickButton("History");
            b.until(d -> d.findElements(By.cssSelector(".history-item")).size() == 3);
            assertThat(b.d.findElement(By.cssSelector(".history-item")).getText()).contains("You").contains("Added Mike to Players");

            // The oldest change: the page as it was before Dave was renamed and Mike added.
            b.click(By.xpath("(//button[contains(@class,'history-item')])[3]"));
            b.waitText("[data-history-page]", "Dave");
            String preview = b.d.findElement(By.cssSelector("[data-history-page]")).getText();
            assertThat(preview).doesNotContain("Mike").doesNotContain("Dave Ace");
            assertThat(b.d.findElements(By.cssSelector("[data-history-page] [data-field]"))).isEmpty();
            browser.screenshot("history-preview-desktop-light");
            browser.dark(true);
            browser.screenshot("history-preview-desktop-dark");
            browser.dark(false);

            b.clickButton("Restore this");
            b.until(d -> !d.findElement(By.cssSelector("[data-history]")).isDisplayed());
            b.until(d -> !d.findElement(By.id("live-page")).getText().contains("Mike"));
            b.waitText("[data-save-bar]", "Restored the page");
            assertThat(b.d.findElement(By.id("live-page")).getText()).doesNotContain("Dave Ace");
            browser.screenshot("history-restored-desktop-light");

            b.click(By.xpath("//*[@data-status-actions]//button[normalize-space()='Undo']"));
            b.waitText("#live-page table", "Mike");
            b.waitText("#live-page table", "Dave Ace");
        }
        var snapshot = snapshot(user, aide);
        assertThat(snapshot.path("entities").path("mike").path("_removed").asBoolean(false)).isFalse();
        assertThat(snapshot.path("entities").path("dave").path("props").path("name").asString()).isEqualTo("Dave Ace");
    }

    @Test
    void on_a_phone_history_works_from_the_keyboard_and_the_list_and_preview_take_turns() {
        var user = app.newUser();
        UUID aide = threeChanges(user);
        try (var browser = Browser.phone(390, 844)) {
            var b = new PageByHandBrowserTest.Steps(browser, app);
            b.open(user, aide);
            b.waitText("#live-page table", "Mike");
            b.d.findElement(By.tagName("body")).sendKeys("h");
            b.until(d -> d.findElements(By.cssSelector(".history-item")).size() == 3);
            browser.screenshot("history-list-phone-light");
            browser.dark(true);
            browser.screenshot("history-list-phone-dark");
            browser.dark(false);

            // Tab reaches the list; the arrows move through it; Enter chooses.
            var active = b.d.switchTo().activeElement();
            for (int i = 0; i < 5 && !"history-item".equals(active.getAttribute("class")); i++) {
                active.sendKeys(Keys.TAB);
                active = b.d.switchTo().activeElement();
            }
            assertThat(active.getAttribute("class")).isEqualTo("history-item");
            active.sendKeys(Keys.ARROW_DOWN);
            b.d.switchTo().activeElement().sendKeys(Keys.ENTER);
            b.waitText("[data-history-page]", "Dave Ace");
            assertThat(b.d.findElement(By.cssSelector("[data-history-page]")).getText()).doesNotContain("Mike");
            assertThat(b.d.findElement(By.cssSelector(".history-list")).isDisplayed()).isFalse();
            browser.screenshot("history-preview-phone-light");
            browser.dark(true);
            browser.screenshot("history-preview-phone-dark");
            browser.dark(false);

            b.d.switchTo().activeElement().sendKeys(Keys.ENTER); // "All changes" has the focus
            b.until(d -> d.findElement(By.cssSelector(".history-list")).isDisplayed());
            b.d.switchTo().activeElement().sendKeys(Keys.ESCAPE);
            b.until(d -> !d.findElement(By.cssSelector("[data-history]")).isDisplayed());
        }
    }

    @Test
    void a_restored_version_stays_live_while_the_page_is_edited_with_automatic_publishing_on() {
        var user = app.newUser();
        UUID aide = EditApiTest.create(user, app);
        edit(user, aide, EditApiTest.PAGE);
        String slug = slug(app.postJson("/aides/" + aide + "/publish", "", user));
        app.postJson("/aides/" + aide + "/auto-publish", "{\"on\":true}", user);
        edit(user, aide, "{\"events\":[{\"t\":\"entity.update\",\"ref\":\"dave\",\"p\":{\"name\":\"Dave Two\"}}]}");
        Eventually.within(Duration.ofSeconds(30), () -> assertThat(app.get("/s/" + slug).body()).contains("Dave Two"));

        try (var browser = Browser.start(1280, 800)) {
            var b = new PageByHandBrowserTest.Steps(browser, app);
            b.open(user, aide);
            b.d.get(app.base + "/aides/" + aide + "/versions");
            b.click(By.xpath("(//button[normalize-space()='Restore as the latest version'])[last()]"));
            // Back in the editor: the draft is version 1's page, and it is what is live.
            b.waitText("#live-page table", "Dave");
            assertThat(b.d.findElement(By.id("live-page")).getText()).doesNotContain("Dave Two");
            b.until(d -> "live".equals(d.findElement(By.cssSelector("[data-publish-link]")).getAttribute("data-state")));
            assertThat(b.d.findElement(By.cssSelector("[data-publish-link]")).getText()).contains("Version 3 is live");
            browser.screenshot("restored-version-live-desktop-light");

            b.clickValue("4");
            b.type("7");
            // The change is due, then live on top of the restored page.
            // An automatic publish takes a few seconds (the gap) and the editor asks every 5 s.
            var slow = new WebDriverWait(b.d, Duration.ofSeconds(40)).ignoring(StaleElementReferenceException.class);
            slow.until(d -> d.findElement(By.cssSelector("[data-publish-link]")).getText().contains("Version 4 is live"));
            slow.until(d -> "live".equals(d.findElement(By.cssSelector("[data-publish-link]")).getAttribute("data-state")));
            browser.screenshot("restored-then-edited-live-desktop-light");
        }
        String live = app.get("/s/" + slug).body();
        assertThat(live).contains(">7<").contains("Dave").doesNotContain("Dave Two");
    }

    private JsonNode snapshot(TestApp.TestUser user, UUID aide) {
        return JSON.readTree(app.getJson("/aides/" + aide + "/snapshot", user).body()).path("snapshot");
    }

    private static String slug(java.net.http.HttpResponse<String> published) {
        assertThat(published.statusCode()).isEqualTo(200);
        String url = JSON.readTree(published.body()).get("url").asString();
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
