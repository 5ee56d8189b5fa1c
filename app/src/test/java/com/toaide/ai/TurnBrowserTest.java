package com.toaide.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.testing.Browser;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The chat in headless Chromium, with the real app and a fake model replaying recorded turns. */
class TurnBrowserTest {
    @AutoClose static FakeModelServer model;
    @AutoClose static TestApp app;
    @AutoClose static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        model = new FakeModelServer();
        app = TestApp.start(TestPostgres.freshDatabase(), model.environment(),
                new StreamPolicy(Duration.ofSeconds(20), Duration.ofSeconds(30), List.of(Duration.ofMillis(1))));
        browser = Browser.start(1280, 900);
    }

    @Test
    void a_person_says_what_they_run_watches_it_appear_stops_the_next_turn_and_undoes_it() {
        var user = app.newUser();
        String aide = TurnApiTest.JSON.readTree(app.postJson("/aides", "{}", user).body()).get("id").asString();
        var driver = browser.driver;
        driver.get(app.base + "/health");
        String[] cookie = user.cookie().split("=", 2);
        driver.manage().addCookie(new Cookie(cookie[0], cookie[1]));
        driver.get(app.base + "/aides/" + aide);
        assertThat(driver.findElement(By.cssSelector("[data-turns-left]")).getText()).isEqualTo("50 turns left this week");

        // The first turn: Enter sends, the page builds itself, the voice line lands in the chat.
        model.stream("first_turn.sse");
        var message = driver.findElement(By.id("message"));
        message.sendKeys("Thursday poker league,", Keys.chord(Keys.SHIFT, Keys.ENTER), "10 players, $20 buy-in", Keys.ENTER);
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#live-page"), "José"));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-chat-log]"),
                "Thursday Poker League: 10 players, first game 2025-03-06, buy-in $20."));
        assertThat(driver.findElement(By.cssSelector("[data-chat-log] .chat-user")).getText())
                .isEqualTo("Thursday poker league,\n10 players, $20 buy-in");
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-stop]")));
        // Counted down when the 202 comes back, which races the turn's frames on the live channel.
        browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector("[data-turns-left]"), "49 turns left this week"));
        browser.screenshot("chat-first-turn");

        // The next turn stalls after its first change: Stop ends it and the change stays.
        model.streamThenHold("stalls_after_first_tool_call.sse");
        message.sendKeys("Mike's out this week", Keys.ENTER);
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#live-page"), "out this week"));
        browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-stop]"))).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-chat-log]"),
                "Stopped. Changes so far are kept."));
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-stop]")));
        browser.screenshot("chat-stopped");

        // One undo takes back that turn; the first turn's page stays.
        driver.findElement(By.cssSelector("[data-action=undo]")).click();
        browser.waiting().until(d -> !d.findElement(By.id("live-page")).getText().contains("out this week"));
        assertThat(driver.findElement(By.id("live-page")).getText()).contains("José");

        // A reload shows the conversation, rendered by the server.
        driver.navigate().refresh();
        assertThat(driver.findElements(By.cssSelector("[data-chat-log] li")).stream().map(e -> e.getText()).toList())
                .containsExactly("Thursday poker league,\n10 players, $20 buy-in",
                        "Thursday Poker League: 10 players, first game 2025-03-06, buy-in $20.",
                        "Mike's out this week", "1 change.", "Stopped. Changes so far are kept.");
    }

    @Test
    void on_a_phone_the_page_comes_first_and_the_chat_is_a_composer_pinned_to_the_bottom() {
        var user = app.newUser();
        String aide = TurnApiTest.JSON.readTree(app.postJson("/aides", "{}", user).body()).get("id").asString();
        try (var phone = Browser.phone(390, 844)) {
            var driver = phone.driver;
            driver.get(app.base + "/health");
            String[] cookie = user.cookie().split("=", 2);
            driver.manage().addCookie(new Cookie(cookie[0], cookie[1]));
            driver.get(app.base + "/aides/" + aide);
            assertThat((Long) driver.executeScript("return window.innerWidth;")).isEqualTo(390L);

            // A turn builds a long page; the composer stays within reach at the bottom of the screen.
            model.stream("first_turn.sse");
            driver.findElement(By.id("message")).sendKeys("Thursday poker league, 10 players", Keys.ENTER);
            phone.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#live-page"), "José"));
            phone.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-stop]")));
            driver.findElement(By.cssSelector("[data-chat-toggle]")).click();
            phone.waiting().until(d -> "false".equals(d.findElement(By.cssSelector("[data-chat-toggle]")).getAttribute("aria-expanded")));
            assertThat(driver.findElement(By.cssSelector("[data-chat-log]")).isDisplayed()).as("closed, the chat is only its composer").isFalse();
            assertThat(rect(driver, "#live-page").get("top")).as("the page comes first").isLessThan(rect(driver, "[data-chat]").get("top"));
            assertThat(rect(driver, "#live-page").get("bottom")).as("the page is longer than the screen").isGreaterThan(844);
            assertPinned(driver);
            driver.executeScript("window.scrollTo(0, document.body.scrollHeight)");
            assertPinned(driver);
            assertThat(phone.smallControls()).as("controls under 44 x 44 CSS px, chat closed").isEmpty();
            // An edit by hand at the foot of the page: its save status is on screen, above the composer.
            List<org.openqa.selenium.WebElement> values = driver.findElements(By.cssSelector("#live-page [data-type=string]"));
            driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", values.get(values.size() - 1));
            values.get(values.size() - 1).click();
            phone.waiting().until(d -> d.findElement(By.cssSelector("#live-page .inline-input"))).sendKeys(Keys.END, "!", Keys.ENTER);
            phone.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-save-bar]"), "Saved."));
            Map<String, Double> bar = rect(driver, "[data-save-bar]");
            assertThat(bar.get("top")).as("status top").isGreaterThanOrEqualTo(0.0);
            assertThat(bar.get("bottom")).as("status above the composer").isLessThanOrEqualTo(rect(driver, "[data-chat]").get("top"));
            phone.screenshot("chat-composer-390x844");
            phone.dark(true);
            phone.screenshot("chat-composer-390x844-dark");
            phone.dark(false);

            // Its title opens the conversation above the composer; typing opens it too.
            driver.findElement(By.cssSelector("[data-chat-toggle]")).click();
            phone.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-chat-log]")));
            assertThat(driver.findElement(By.cssSelector("[data-chat-log]")).getText())
                    .contains("Thursday Poker League: 10 players, first game 2025-03-06, buy-in $20.");
            assertPinned(driver);
            assertThat(phone.smallControls()).as("controls under 44 x 44 CSS px, chat open").isEmpty();
            phone.screenshot("chat-open-390x844");
            phone.dark(true);
            phone.screenshot("chat-open-390x844-dark");
            driver.findElement(By.cssSelector("[data-chat-toggle]")).click();
            phone.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-chat-log]")));
            driver.findElement(By.id("message")).click();
            phone.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-chat-log]")));
        }
    }

    /** The composer's box and Send button are on screen, the chat panel touching the screen's bottom edge. */
    private static void assertPinned(org.openqa.selenium.WebDriver driver) {
        Map<String, Double> chat = rect(driver, "[data-chat]");
        Map<String, Double> box = rect(driver, "#message");
        Map<String, Double> send = rect(driver, "[data-send]");
        assertThat(chat.get("bottom")).as("chat bottom").isBetween(843.0, 845.0);
        assertThat(box.get("top")).as("message box top").isGreaterThanOrEqualTo(0.0);
        assertThat(box.get("bottom")).as("message box bottom").isLessThanOrEqualTo(844.0);
        assertThat(send.get("bottom")).as("send bottom").isLessThanOrEqualTo(844.0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Double> rect(org.openqa.selenium.WebDriver driver, String css) {
        Map<String, Number> r = (Map<String, Number>) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
                        + " return {top: r.top, bottom: r.bottom};", css);
        return Map.of("top", r.get("top").doubleValue(), "bottom", r.get("bottom").doubleValue());
    }
}
