package com.toaide.aides;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.ai.FakeModelServer;
import com.toaide.testing.Browser;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The status line, and on a phone the chat composer, stay fixed over the bottom of the screen:
 * scrolled to the end, the page's last block and its add button lie above them and take a click,
 * on a laptop and on a phone, with the chat on and with it off.
 */
class BottomRoomBrowserTest {
    @AutoClose static FakeModelServer model;
    @AutoClose static TestApp withChat;
    @AutoClose static TestApp withoutChat;

    @BeforeAll
    static void start() throws Exception {
        model = new FakeModelServer();
        withChat = TestApp.start(TestPostgres.freshDatabase(), model.environment());
        withoutChat = TestApp.start();
    }

    @Test
    void scrolled_to_the_end_the_last_block_is_clear_of_the_status_line_and_the_chat() throws Exception {
        for (TestApp app : List.of(withChat, withoutChat)) {
            var user = app.newUser();
            UUID aide = longPage(app, user);
            for (var size : List.of(new int[] {1280, 800}, new int[] {390, 844})) {
                try (var browser = size[0] < 600 ? Browser.phone(size[0], size[1]) : Browser.start(size[0], size[1])) {
                    var b = new PageByHandBrowserTest.Steps(browser, app);
                    b.open(user, aide);
                    b.waitText("#live-page", "Note 14");
                    var js = (JavascriptExecutor) browser.driver;
                    js.executeScript("window.scrollTo(0, document.documentElement.scrollHeight)");
                    b.until(x -> (Boolean) js.executeScript(
                            "return Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight - 1"));
                    @SuppressWarnings("unchecked")
                    var at = (Map<String, Object>) js.executeScript("""
                            const bars = [...document.querySelectorAll('[data-save-bar], [data-chat]')]
                              .filter((b) => getComputedStyle(b).position === 'fixed');
                            const last = [...document.querySelectorAll('#live-page [data-entity]:not([data-field])')].pop();
                            const add = [...document.querySelectorAll('#live-page .add-block')].pop();
                            return { barsTop: Math.min(innerHeight, ...bars.map((b) => b.getBoundingClientRect().top)),
                                     fixedBars: bars.length, lastBottom: last.getBoundingClientRect().bottom,
                                     addBottom: add.getBoundingClientRect().bottom };
                            """);
                    String where = (app == withChat ? "chat on, " : "chat off, ") + size[0] + "x" + size[1];
                    assertThat(((Number) at.get("fixedBars")).intValue()).as(where).isPositive();
                    assertThat(((Number) at.get("lastBottom")).doubleValue()).as(where + ": the last block")
                            .isLessThanOrEqualTo(((Number) at.get("barsTop")).doubleValue());
                    assertThat(((Number) at.get("addBottom")).doubleValue()).as(where + ": the add button")
                            .isLessThanOrEqualTo(((Number) at.get("barsTop")).doubleValue());
                    // A real click, not a script's: it lands on the value, not on a bar above it.
                    browser.driver.findElement(By.xpath("//*[@id='live-page']//*[@data-field][normalize-space()='Note 14']")).click();
                    b.until(x -> !x.findElements(By.cssSelector("#live-page .inline-input")).isEmpty());
                    b.screenshot("page-end-" + (app == withChat ? "chat-" : "") + size[0] + "x" + size[1]);
                }
            }
        }
    }

    private static UUID longPage(TestApp app, TestApp.TestUser user) {
        var created = app.postJson("/aides", "", user);
        UUID aide = UUID.fromString(JsonMapper.builder().build().readTree(created.body()).get("id").asString());
        var events = new StringBuilder("{\"events\":[{\"t\":\"entity.create\",\"id\":\"page\",\"display\":\"page\",\"p\":{\"title\":\"Notes\"}}");
        for (int i = 1; i <= 14; i++) {
            events.append(",{\"t\":\"entity.create\",\"id\":\"note_").append(i)
                    .append("\",\"parent\":\"page\",\"display\":\"text\",\"p\":{\"text\":\"Note ").append(i).append("\"}}");
        }
        assertThat(app.postJson("/aides/" + aide + "/events", events.append("]}").toString(), user).statusCode()).isEqualTo(200);
        return aide;
    }
}
