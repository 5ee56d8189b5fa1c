package com.toaide.aides;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.testing.Browser;
import com.toaide.testing.TestApp;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.JavascriptExecutor;

/** Items of lists and checklists in the editor: each one's menu sits on its own first line, at its right. */
class ItemRowsBrowserTest {
    @AutoClose static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start();
    }

    static final String PAGE = """
            {"events":[
              {"t":"entity.create","id":"page","display":"page","p":{"title":"Games night"}},
              {"t":"entity.create","id":"bring","parent":"page","display":"checklist","p":{"title":"Bring"}},
              {"t":"entity.create","id":"chips","parent":"bring","p":{"task":"Chips","done":true}},
              {"t":"entity.create","id":"dip","parent":"bring","p":{"task":"A dip that goes with the chips, enough for twelve people and then some more","done":false,"note":"Sam"}},
              {"t":"entity.create","id":"who","parent":"page","display":"list","p":{"title":"Who is coming"}},
              {"t":"entity.create","id":"ana","parent":"who","p":{"name":"Ana","note":"brings cards"}}
            ]}""";

    @ParameterizedTest(name = "{0}x{1} dark={2}")
    @CsvSource({"1280,800,false", "1280,800,true", "390,844,false", "390,844,true"})
    void each_items_menu_sits_on_its_first_line_at_its_right(int width, int height, boolean dark) {
        var user = app.newUser();
        UUID aide = EditApiTest.create(user, app);
        assertThat(app.postJson("/aides/" + aide + "/events", PAGE, user).statusCode()).isEqualTo(200);
        try (var browser = Browser.start(width, height)) {
            browser.dark(dark);
            var b = new PageByHandBrowserTest.Steps(browser, app);
            b.open(user, aide);
            for (String item : new String[] {"chips", "dip", "ana"}) {
                // Measured in one script: the live channel may redraw the page between two lookups.
                @SuppressWarnings("unchecked")
                Map<String, Number> at = b.until(x -> (Map<String, Number>) ((JavascriptExecutor) x).executeScript("""
                        const li = document.querySelector("#live-page li[data-entity=" + arguments[0] + "]");
                        const menu = li && li.querySelector("[data-handle-for=" + arguments[0] + "]");
                        if (!menu) return null;
                        const line = li.querySelector(":scope > label, :scope > .p").getBoundingClientRect();
                        const m = menu.getBoundingClientRect(), row = li.getBoundingClientRect();
                        return {lineTop: line.top, lineRight: line.right, menuTop: m.top, menuBottom: m.bottom,
                                menuLeft: m.left, menuRight: m.right, rowBottom: row.bottom, rowRight: row.right};""", item));
                assertThat(at.get("menuTop").doubleValue()).as(item + ": the menu starts within the item's first line")
                        .isLessThan(at.get("lineTop").doubleValue() + 24);
                assertThat(at.get("menuBottom").doubleValue()).as(item + ": and ends within the item")
                        .isLessThanOrEqualTo(at.get("rowBottom").doubleValue() + 1);
                assertThat(at.get("menuLeft").doubleValue()).as(item + ": right of its text")
                        .isGreaterThanOrEqualTo(at.get("lineRight").doubleValue() - 1);
                assertThat(at.get("menuRight").doubleValue()).as(item + ": inside the item, not past its edge")
                        .isLessThanOrEqualTo(at.get("rowRight").doubleValue() + 1);
            }
            b.screenshot("item-rows-" + width + "x" + height + (dark ? "-dark" : ""));
        }
    }
}
