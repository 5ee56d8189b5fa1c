package com.toaide.publish;

import static com.toaide.publish.PublishedFixtures.slugOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.testing.Browser;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Headless Chromium: the Publish button's steps and link, and the published page at phone and desktop sizes. */
class PublishBrowserTest {
    @AutoClose static TestApp app;
    @AutoClose static PublishedFixtures fx;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestPostgres.freshDatabase(), PublishedFixtures.BILLING_ON);
        fx = new PublishedFixtures(app);
    }

    UUID richAide(TestApp.TestUser user) {
        String id = PublishedFixtures.json(app.postJson("/aides", "", user).body()).get("id").asString();
        var response = app.postJson("/aides/" + id + "/events", """
                {"events":[
                  {"t":"entity.create","id":"page","display":"page","p":{"title":"Thursday Poker League"}},
                  {"t":"entity.create","id":"next","parent":"page","display":"card","p":{"title":"Next game","date":"2026-12-03","host":"Dave","snacks":"Mike"}},
                  {"t":"entity.create","id":"pot","parent":"page","p":{"label":"Season pot","value":"$340"}},
                  {"t":"entity.create","id":"players","parent":"page","display":"table","p":{"title":"Standings"}},
                  {"t":"entity.create","id":"p1","parent":"players","p":{"name":"Dave","wins":4,"buy_ins":6,"paid":true}},
                  {"t":"entity.create","id":"p2","parent":"players","p":{"name":"Mike","wins":2,"buy_ins":5,"paid":false}},
                  {"t":"entity.create","id":"p3","parent":"players","p":{"name":"Priya","wins":5,"buy_ins":6,"paid":true}},
                  {"t":"entity.create","id":"todo","parent":"page","display":"checklist","p":{"title":"Before Thursday"}},
                  {"t":"entity.create","id":"t1","parent":"todo","p":{"task":"Book the back room","done":true}},
                  {"t":"entity.create","id":"t2","parent":"todo","p":{"task":"Buy new chips","done":false}},
                  {"t":"entity.create","id":"note","parent":"page","p":{"text":"Doors at 7. Cards at 7:30 sharp."}}
                ]}""", user);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return UUID.fromString(id);
    }

    @Test
    void the_publish_button_shows_its_steps_and_the_link() {
        var user = app.newUser();
        UUID aide = richAide(user);
        try (var browser = Browser.start(1280, 900)) {
            var driver = browser.driver;
            driver.get(app.base + "/health");
            String[] cookie = user.cookie().split("=", 2);
            driver.manage().addCookie(new Cookie(cookie[0], cookie[1]));
            driver.get(app.base + "/aides/" + aide);
            driver.findElement(By.cssSelector("[data-publish-form] button")).click();
            browser.waiting().until(ExpectedConditions.attributeToBe(By.cssSelector("[data-step=done]"), "class", "done"));
            var link = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-publish-link] a")));
            String url = link.getText();
            assertThat(url).startsWith(app.config.publicUrl() + "/s/");
            assertThat(driver.findElement(By.cssSelector("[data-publish-link]")).getText()).startsWith("Published version 1 at");
            assertThat(driver.findElement(By.cssSelector("[data-publish-auto]")).isDisplayed()).isTrue();
            browser.screenshot("publish-editor-done");

            driver.findElement(By.cssSelector("[data-publish-form] button")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("[data-publish-link]"), "Published version 2 at"));
            driver.get(app.base + "/aides/" + aide + "/versions");
            assertThat(driver.findElements(By.cssSelector(".version-list > li"))).hasSize(2);
            browser.screenshot("publish-versions");

            driver.get(app.base + "/aides");
            assertThat(driver.findElement(By.linkText("Published")).getAttribute("href")).isEqualTo(url);
        }
    }

    @Test
    void the_published_page_reads_well_on_a_phone_and_on_a_desktop() {
        var user = app.newUser();
        String slug = slugOf(fx.publish(user, richAide(user), ""));
        for (int[] size : new int[][] {{390, 844}, {1280, 900}}) {
            try (var browser = Browser.start(size[0], size[1])) {
                browser.driver.get(app.base + "/s/" + slug);
                assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Thursday Poker League");
                // Nothing wider than the screen: no sideways scrolling on a phone.
                long overflow = (Long) browser.driver.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(overflow).isLessThanOrEqualTo(0L);
                browser.screenshot("published-page-" + size[0] + "x" + size[1]);
            }
        }
    }
}
