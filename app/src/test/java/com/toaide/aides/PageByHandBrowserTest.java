package com.toaide.aides;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.testing.Browser;
import com.toaide.testing.TestApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person with no AI builds a real page with clicks, keys and typing only (the poker page of
 * issue 10), and the same page on a phone offers nothing smaller than a thumb.
 */
class PageByHandBrowserTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    @AutoClose static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start();
    }

    @Test
    void a_person_builds_the_poker_page_by_hand_and_the_snapshot_holds_it() {
        var user = app.newUser();
        UUID aide = newAide(user);
        try (var browser = Browser.start(1280, 800)) {
            var b = new Steps(browser, app);
            b.open(user, aide);

            // Without an AI the empty page and the chat speak to the person using it, not the operator.
            assertThat(d(b).findElement(By.cssSelector("[data-empty]")).getText())
                    .contains("Pick a starting point, or start with a blank page.").doesNotContain("chat");
            assertThat(d(b).findElement(By.cssSelector("[data-chat]")).getText())
                    .isEqualTo("The AI isn’t switched on here. Everything on the page can be edited by hand: click or tap it.");
            b.until(x -> x.findElements(By.cssSelector("[data-starters-list] button")).size() >= 6);
            b.screenshot("starters-1280x800");

            // A title.
            b.click(By.cssSelector("[data-action=start]"));
            b.type("Thursday Poker");
            b.waitText("#live-page h1", "Thursday Poker");

            // A table "Standings": Name becomes Player, then Wins (number) and Buy-ins (money).
            b.pageMenu("Add a block at the end", "Table");
            b.type("Standings");
            b.blockMenu("Standings", "Columns");
            b.renameColumn("Name", "Player");
            b.addColumn("Wins", "Number");
            b.addColumn("Buy-ins", "Money");
            b.closeDialog();
            b.clickValue("First row");
            b.type("Dave");
            b.waitText("#live-page table", "Dave");
            b.editCell("Dave", 1, "3");
            b.editCell("Dave", 2, "$20");
            for (String name : List.of("Linda", "Steve", "Mike")) {
                b.clickButton("+ Add row");
                b.type(name);
                b.waitText("#live-page table", name);
            }
            b.editCell("Linda", 1, "2");
            // Money reads as money, in the browser's currency to start with, and is edited as the
            // amount it is; the block's currency is chosen in its Columns panel.
            b.waitText("#live-page table", "$20.00");
            b.clickCell("Dave", 2);
            WebElement amount = b.until(x -> x.findElement(By.cssSelector("#live-page .inline-input")));
            assertThat(amount.getAttribute("value")).isEqualTo("20.00");
            amount.sendKeys(Keys.ESCAPE);
            b.blockMenu("Standings", "Columns");
            new Select(d(b).findElement(By.cssSelector("dialog[open] [data-focus=currency]"))).selectByValue("EUR");
            b.waitText("dialog[open] [data-columns-note]", "Money shows in Euro");
            b.closeDialog();
            b.waitText("#live-page table", "€20.00");

            // Paid, a yes/no column added later, switched on by clicking Dave's cell.
            b.blockMenu("Standings", "Columns");
            b.addColumn("Paid", "Yes / no");
            b.closeDialog();
            b.clickCell("Dave", 3);
            b.until(d -> snapshotProp(user, aide, rowNamed(user, aide, "Dave"), "paid").asBoolean());
            // The table is drawn again when Dave's change comes back on the live channel: a cell
            // found just before that is gone, so the keys go to the cell as it is when they are sent.
            b.until(x -> {
                b.cell("Steve", 3).sendKeys(Keys.SPACE);
                return true;
            });
            b.until(d -> snapshotProp(user, aide, rowNamed(user, aide, "Steve"), "paid").asBoolean());

            // A section "Schedule", and a table of dates and places made outside it, then moved in.
            b.pageMenu("Add a block at the end", "Section");
            b.type("Schedule");
            b.pageMenu("Add a block at the end", "Table");
            b.type("Games");
            b.blockMenu("Games", "Columns");
            b.renameColumn("Name", "Place");
            b.addColumn("Date", "Date");
            b.closeDialog();
            b.clickValue("First row");
            b.type("The garage");
            b.waitText("#live-page", "The garage");
            b.editCell("The garage", 1, "05142026");
            b.blockMenu("Games", "Move into a section", "Schedule");
            b.until(d -> parentOf(user, aide, "Games").equals(idOf(user, aide, "Schedule")));
            // The section's own add button names it; the page's stays "+ Add block".
            b.until(d -> d.findElements(By.xpath("//*[@id='live-page']//section/button[normalize-space()='+ Add to Schedule']")).size() == 1
                    && d.findElements(By.xpath("//*[@id='live-page']//article/button[normalize-space()='+ Add block']")).size() == 1);

            // A checklist: the text edits when clicked; the box ticks.
            b.pageMenu("Add a block at the end", "Checklist");
            b.type("Bring");
            b.clickValue("First item");
            b.type("Chips");
            b.waitText("#live-page .cl", "Chips");
            b.click(By.cssSelector("#live-page .cl input[type=checkbox]"));
            b.until(d -> d.findElement(By.cssSelector("#live-page .cl li")).getAttribute("class").contains("done"));

            // A block deleted, and the deletion undone from the status line.
            b.pageMenu("Add a block at the end", "Text");
            b.type("Snacks are on Mike.");
            b.waitText("#live-page", "Snacks are on Mike.");
            b.blockMenu("Snacks are on Mike.", "Delete");
            b.until(d -> !d.findElement(By.id("live-page")).getText().contains("Snacks are on Mike."));
            b.click(By.xpath("//*[@data-status-actions]/button[normalize-space()='Undo']"));
            b.waitText("#live-page", "Snacks are on Mike.");
            b.screenshot("poker-by-hand-1280x800");
            browser.dark(true);
            b.screenshot("poker-by-hand-1280x800-dark");
        }

        JsonNode snapshot = snapshot(user, aide);
        JsonNode entities = snapshot.get("entities");
        assertThat(snapshot.get("meta").get("title").asString()).isEqualTo("Thursday Poker");
        String standings = idOf(user, aide, "Standings");
        List<JsonNode> rows = liveChildren(snapshot, standings);
        assertThat(rows).extracting(r -> r.get("props").get("player").asString()).containsExactly("Dave", "Linda", "Steve", "Mike");
        JsonNode dave = rows.get(0).get("props");
        assertThat(dave.get("wins").asInt()).isEqualTo(3);
        assertThat(dave.get("buy_ins").asDouble()).isEqualTo(20.0);
        assertThat(dave.get("paid").asBoolean()).isTrue();
        assertThat(rows.get(1).get("props").get("wins").asInt()).isEqualTo(2);
        assertThat(rows.get(1).get("props").get("paid").asBoolean()).isFalse();
        assertThat(dave.get("name").isNull()).as("the renamed key is emptied on every row").isTrue();
        JsonNode table = entities.get(standings).get("props");
        assertThat(table.get("_show_fields").toString()).isEqualTo("[\"player\",\"wins\",\"buy_ins\",\"paid\"]");
        assertThat(table.get("_kinds").toString()).contains("wins:number", "buy_ins:money", "paid:yesno");
        assertThat(table.get("_currency").asString()).isEqualTo("EUR");
        String schedule = idOf(user, aide, "Schedule");
        assertThat(entities.get(schedule).get("display").asString()).isEqualTo("section");
        List<JsonNode> games = liveChildren(snapshot, idOf(user, aide, "Games"));
        assertThat(games).hasSize(1);
        assertThat(games.get(0).get("props").get("place").asString()).isEqualTo("The garage");
        assertThat(games.get(0).get("props").get("date").asString()).isEqualTo("2026-05-14");
        List<JsonNode> items = liveChildren(snapshot, idOf(user, aide, "Bring"));
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("props").get("task").asString()).isEqualTo("Chips");
        assertThat(items.get(0).get("props").get("done").asBoolean()).isTrue();
        assertThat(liveChildren(snapshot, "page")).extracting(e -> e.get("display").asString())
                .containsExactly("table", "section", "checklist", "text");

        try (var phone = Browser.phone(390, 844)) {
            var p = new Steps(phone, app);
            p.open(user, aide);
            p.screenshot("poker-by-hand-390x844");
            phone.dark(true);
            p.screenshot("poker-by-hand-390x844-dark");
        }
    }

    @Test
    void on_a_phone_every_control_in_the_editor_is_at_least_44_px_square() {
        var user = app.newUser();
        UUID aide = newAide(user);
        try (var phone = Browser.phone(390, 844)) {
            var p = new Steps(phone, app);
            p.open(user, aide);
            p.until(x -> x.findElements(By.cssSelector("[data-starters-list] button[data-starter]")).size() >= 6);
            p.screenshot("starters-390x844");
            p.click(By.cssSelector("[data-starters-list] button[data-starter]"));
            p.waitText("#live-page", "Standings");
            assertThat((Long) phone.driver.executeScript("return window.innerWidth;")).isEqualTo(390L);
            List<String> small = new ArrayList<>(p.smallControls());
            p.screenshot("hit-areas-390x844");
            // The menus and the columns panel are controls too.
            p.blockMenu("Standings");
            small.addAll(p.smallControls());
            p.screenshot("hit-areas-menu-390x844");
            p.click(By.xpath("//div[@role='menu']/button[normalize-space()='Columns']"));
            small.addAll(p.smallControls());
            p.screenshot("hit-areas-columns-390x844");
            p.closeDialog();

            // Every other display type, added above, below and inside blocks with a thumb: their controls too.
            p.blockMenu("Standings", "Add a block above", "Metric");
            p.escapeOnce(() -> liveChildren(snapshot(user, aide), "page").size() == 5);
            p.blockMenu("Schedule", "Add a block inside", "Heading");
            p.type("When we play");
            int blocks = 5;
            for (String type : List.of("Cards", "List", "Image", "Grid")) {
                p.blockMenu("Standings", "Add a block below", type);
                int want = ++blocks;
                p.escapeOnce(() -> liveChildren(snapshot(user, aide), "page").size() == want);
            }
            // A new grid's cells take typing; a new image takes its web address.
            p.escapeOnce(() -> true);
            p.click(By.cssSelector("#live-page table.cells td[data-field]"));
            p.type("A1");
            WebElement address = p.until(x -> x.findElement(By.cssSelector("#live-page .img-address input")));
            address.sendKeys("example dot org", Keys.ENTER);
            p.waitText("[data-status]", "an image address starts with https://");
            address.sendKeys(Keys.chord(Keys.CONTROL, "a"), "https://example.org/cards.jpg", Keys.ENTER);
            p.waitText("[data-status]", "Image address saved.");
            small.addAll(p.smallControls());
            p.screenshot("hit-areas-every-block-390x844");
            phone.dark(true);
            p.screenshot("hit-areas-every-block-390x844-dark");
            assertThat(small).as("controls under 44 x 44 CSS px").isEmpty();
        }
        JsonNode snapshot = snapshot(user, aide);
        assertThat(liveChildren(snapshot, "page")).extracting(e -> e.get("display").asString())
                .containsExactly("text", "metric", "table", "grid", "image", "list", "card", "section", "checklist");
        assertThat(liveChildren(snapshot, "schedule")).extracting(e -> e.get("props").path("title").asString())
                .containsExactly("Games", "When we play");
        List<JsonNode> blocks = liveChildren(snapshot, "page");
        assertThat(liveChildren(snapshot, blocks.get(3).get("id").asString())).hasSize(9)
                .extracting(c -> c.get("props").get("value").asString()).containsOnlyOnce("A1");
        assertThat(blocks.get(4).get("props").get("src").asString()).isEqualTo("https://example.org/cards.jpg");
    }

    @Test
    void a_link_is_chosen_from_a_list_of_the_pages_items_and_the_block_tools_answer_the_keyboard() {
        var user = app.newUser();
        UUID aide = newAide(user);
        assertThat(app.postJson("/aides/" + aide + "/events", """
                {"events":[
                 {"t":"entity.create","id":"page","display":"page","p":{"title":"League"}},
                 {"t":"entity.create","id":"players","parent":"page","display":"table","p":{"title":"Players"}},
                 {"t":"entity.create","id":"dave","parent":"players","p":{"player":"Dave","wins":3}},
                 {"t":"entity.create","id":"linda","parent":"players","p":{"player":"Linda","wins":2}},
                 {"t":"entity.create","id":"games","parent":"page","display":"table","p":{"title":"Games","_show_fields":["place","site"]}},
                 {"t":"entity.create","id":"g1","parent":"games","p":{"site":"https://example.org","place":"The garage"}},
                 {"t":"entity.create","id":"sched","parent":"page","display":"section","p":{"title":"Schedule"}},
                 {"t":"entity.create","id":"note","parent":"page","display":"text","p":{"text":"Bring cash."}}]}
                """, user).statusCode()).isEqualTo(200);
        try (var browser = Browser.start(1280, 800)) {
            var b = new Steps(browser, app);
            b.open(user, aide);

            // A link made from the row's menu: named, one target, picked from the page's items.
            b.click(By.cssSelector("[data-handle-for=g1]"));
            b.choose("Links to other items");
            WebElement name = b.until(x -> x.findElement(By.cssSelector("dialog[open] input[aria-label='New link name']")));
            // Named by the first column its table shows, though "site" is stored first.
            assertThat(d(b).findElement(By.id("links-title")).getText()).isEqualTo("Links from “The garage”");
            name.sendKeys("Hosted by");
            new Select(d(b).findElement(By.cssSelector("dialog[open] select[aria-label='New link points to']"))).selectByVisibleText("Dave");
            b.clickButton("Add link");
            b.until(x -> links(user, aide).equals(List.of("g1>dave:hosted_by:many_to_one")));
            b.closeDialog();
            b.until(x -> x.findElement(By.cssSelector("td[data-entity=g1][data-field=hosted_by]")).getText().equals("Dave"));
            b.screenshot("links-made-1280x800");

            // Changed from the cell itself, with the keyboard only: Enter opens the picker there.
            WebElement cell = b.until(x -> x.findElement(By.cssSelector("td[data-entity=g1][data-field=hosted_by]")));
            assertThat(cell.getText()).isEqualTo("Dave");
            cell.sendKeys(Keys.ENTER);
            WebElement pick = b.until(x -> x.findElement(By.cssSelector("dialog[open] select[aria-label='Hosted by']")));
            assertThat(d(b).switchTo().activeElement()).isEqualTo(pick);
            new Select(pick).selectByVisibleText("Linda");
            b.until(x -> links(user, aide).equals(List.of("g1>linda:hosted_by:many_to_one")));
            b.screenshot("links-picker-1280x800");
            browser.dark(true);
            b.screenshot("links-picker-1280x800-dark");
            browser.dark(false);
            new Select(b.until(x -> x.findElement(By.cssSelector("dialog[open] select[aria-label='Hosted by']")))).selectByVisibleText("— none —");
            b.until(x -> links(user, aide).isEmpty());
            b.waitText("dialog[open] [data-links-note]", "Hosted by: none.");

            // One each way, and several found by typing: Enter adds the one item left.
            b.newLink("Rival", "to one item, one each way", "Dave");
            b.until(x -> links(user, aide).equals(List.of("g1>dave:rival:one_to_one")));
            b.newLink("Regulars", "to several items", "Dave");
            WebElement find = b.until(x -> x.findElement(By.cssSelector("dialog[open] input[aria-label='Find an item to add to Regulars']")));
            find.sendKeys("lin");
            b.until(x -> new Select(x.findElement(By.cssSelector("dialog[open] select[aria-label='Add to Regulars']"))).getOptions()
                    .stream().map(WebElement::getText).toList().equals(List.of("Add…", "Linda")));
            find.sendKeys(Keys.ENTER);
            b.until(x -> links(user, aide).equals(List.of("g1>dave:rival:one_to_one", "g1>dave:regulars:many_to_many",
                    "g1>linda:regulars:many_to_many")));
            b.screenshot("links-kinds-1280x800");
            b.closeDialog();

            // Number and link values are checked as typed; the text stays with the reason.
            b.clickCell("Dave", 1);
            WebElement wins = b.until(x -> x.findElement(By.cssSelector("#live-page .inline-input")));
            wins.sendKeys(Keys.chord(Keys.CONTROL, "a"), "lots", Keys.ENTER);
            b.waitText("#live-page .field-note", "A number, like 12 or 3.5.");
            assertThat(wins.getAttribute("value")).isEqualTo("lots");
            wins.sendKeys(Keys.ESCAPE);
            b.click(By.cssSelector("td[data-entity=g1][data-field=site]"));
            WebElement site = b.until(x -> x.findElement(By.cssSelector("#live-page .inline-input")));
            site.sendKeys(Keys.chord(Keys.CONTROL, "a"), "example dot org", Keys.ENTER);
            b.waitText("#live-page .field-note", "A web address starting with https://");
            site.sendKeys(Keys.ESCAPE);
            assertThat(snapshotProp(user, aide, "dave", "wins").asInt()).isEqualTo(3);

            // The block tools from the keyboard: Shift+F10 opens the menu, Esc gives focus back.
            b.keysToHandle("players", Keys.chord(Keys.SHIFT, Keys.F10));
            b.until(x -> x.switchTo().activeElement().getAttribute("role").equals("menuitem"));
            d(b).switchTo().activeElement().sendKeys(Keys.ESCAPE);
            b.until(x -> "players".equals(x.switchTo().activeElement().getAttribute("data-handle-for")));

            // Alt+Down moves it and focus stays on it; Alt+Right puts it in the section above.
            b.keysToHandle("players", Keys.chord(Keys.ALT, Keys.ARROW_DOWN));
            b.until(x -> children(user, aide, "page").equals(List.of("games", "players", "sched", "note")));
            b.until(x -> "players".equals(x.switchTo().activeElement().getAttribute("data-handle-for")));
            b.keysToHandle("players", Keys.chord(Keys.ALT, Keys.ARROW_DOWN));
            b.until(x -> children(user, aide, "page").equals(List.of("games", "sched", "players", "note")));
            b.keysToHandle("players", Keys.chord(Keys.ALT, Keys.ARROW_RIGHT));
            b.until(x -> children(user, aide, "sched").equals(List.of("players")));
            b.until(x -> "players".equals(x.switchTo().activeElement().getAttribute("data-handle-for")));
            // Out again through the menu.
            b.blockMenu("Players", "Move out of the section");
            b.until(x -> children(user, aide, "sched").isEmpty() && children(user, aide, "page").equals(List.of("games", "sched", "players", "note")));

            // Alt+Shift+D duplicates (focus on the copy), Delete on its handle deletes, Ctrl+Z brings it back.
            b.keysToHandle("note", Keys.chord(Keys.ALT, Keys.SHIFT, "d"));
            b.until(x -> children(user, aide, "page").size() == 5);
            String copy = children(user, aide, "page").get(4);
            b.until(x -> copy.equals(x.switchTo().activeElement().getAttribute("data-handle-for")));
            b.keysToHandle(copy, Keys.DELETE);
            b.until(x -> children(user, aide, "page").size() == 4);
            b.waitText("[data-status]", "Deleted");
            d(b).findElement(By.tagName("body")).sendKeys(Keys.chord(Keys.CONTROL, "z"));
            b.until(x -> children(user, aide, "page").size() == 5);

            // Dragged: a row dropped on the upper half of another goes before it.
            b.drag("linda", "dave");
            b.until(x -> children(user, aide, "players").equals(List.of("linda", "dave")));

            // Columns: hidden, shown again, moved left.
            b.blockMenu("Players", "Columns");
            b.click(By.cssSelector("dialog[open] button[aria-label='Hide Wins']"));
            b.until(x -> showFields(user, aide, "players").equals("[\"player\"]"));
            b.click(By.cssSelector("dialog[open] button[aria-label='Show Wins']"));
            b.until(x -> showFields(user, aide, "players").equals("[\"player\",\"wins\"]"));
            b.click(By.cssSelector("dialog[open] button[aria-label='Move Wins left']"));
            b.until(x -> showFields(user, aide, "players").equals("[\"wins\",\"player\"]"));
            b.click(By.cssSelector("dialog[open] button[aria-label='Remove Wins']"));
            b.until(x -> showFields(user, aide, "players").equals("[\"player\"]") && snapshotProp(user, aide, "dave", "wins").isNull());
            b.closeDialog();

            // Long text edits in a growing multi-line field; "?" lists the shortcuts.
            b.clickValue("Bring cash.");
            WebElement text = b.until(x -> x.findElement(By.cssSelector("#live-page .inline-input")));
            assertThat(text.getTagName()).isEqualTo("textarea");
            text.sendKeys(Keys.ESCAPE);
            d(b).findElement(By.tagName("body")).sendKeys("?");
            b.waitText("dialog[data-shortcuts][open]", "Alt");
            b.screenshot("shortcuts-1280x800");
        }
        try (var phone = Browser.phone(390, 844)) {
            var p = new Steps(phone, app);
            p.open(user, aide);
            p.click(By.cssSelector("[data-handle-for=g1]"));
            p.choose("Links to other items");
            p.until(x -> x.findElement(By.cssSelector("dialog[open] input[aria-label='New link name']")));
            assertThat(p.smallControls()).as("controls under 44 x 44 CSS px in the links panel").isEmpty();
            p.screenshot("links-390x844");
            phone.dark(true);
            p.screenshot("links-390x844-dark");
        }
    }

    /** A column of times takes a time from the native input; a column's kind can go back to text. */
    @Test
    void a_time_column_takes_a_time_and_a_column_turns_back_into_text() {
        var user = app.newUser();
        UUID aide = EditApiTest.create(user, app);
        assertThat(app.postJson("/aides/" + aide + "/events", EditApiTest.PAGE, user).statusCode()).isEqualTo(200);
        try (var browser = Browser.start(1280, 800)) {
            var b = new Steps(browser, app);
            b.open(user, aide);
            b.blockMenu("Players", "Columns");
            b.addColumn("Starts", "Time");
            b.closeDialog();
            b.until(x -> String.valueOf(snapshotProp(user, aide, "players", "_kinds")).contains("starts:time"));
            b.clickCell("Dave", 2);
            WebElement time = b.until(x -> x.findElement(By.cssSelector("#live-page input.inline-input[type=time]")));
            time.sendKeys("0730PM", Keys.ENTER);
            b.until(x -> "19:30".equals(snapshotProp(user, aide, "dave", "starts").asString()));
            b.waitText("#live-page table", "19:30");

            b.blockMenu("Players", "Columns");
            new Select(b.until(x -> x.findElement(By.cssSelector("dialog[open] select[aria-label='Kind of Starts']")))).selectByValue("text");
            b.until(x -> !String.valueOf(snapshotProp(user, aide, "players", "_kinds")).contains("starts"));
            b.closeDialog();
            assertThat(snapshotProp(user, aide, "dave", "starts").asString()).as("the value stays as it was").isEqualTo("19:30");
            b.clickCell("Dave", 2);
            b.until(x -> x.findElement(By.cssSelector("#live-page .inline-input:not([type=time])")));
            b.screenshot("time-column-1280x800");
        }
    }

    /** On a phone a yes/no cell is a switch: one tap (a touch, not a mouse click) flips it and saves. */
    @Test
    void the_fields_of_cards_lists_and_checklists_are_ordered_and_hidden_by_hand_and_undone() {
        var user = app.newUser();
        UUID aide = newAide(user);
        assertThat(app.postJson("/aides/" + aide + "/events", """
                {"events":[
                  {"t":"entity.create","id":"page","display":"page","p":{"title":"Potluck"}},
                  {"t":"entity.create","id":"venue","parent":"page","display":"card","p":{"title":"Venue","address":"1 Main St","phone":"555-0100","host":"Dee"}},
                  {"t":"entity.create","id":"guests","parent":"page","display":"list","p":{"title":"Guests"}},
                  {"t":"entity.create","id":"ann","parent":"guests","p":{"name":"Ann","dish":"Salad","note":"Gluten free"}},
                  {"t":"entity.create","id":"bring","parent":"page","display":"checklist","p":{"title":"Bring"}},
                  {"t":"entity.create","id":"chairs","parent":"bring","p":{"task":"Chairs","done":false,"owner":"Bob","due":"Friday"}}
                ]}""", user).statusCode()).isEqualTo(200);
        try (var browser = Browser.start(1280, 800)) {
            var b = new Steps(browser, app);
            b.open(user, aide);

            // A card: Host moved to the top with the keyboard, Phone hidden with a click.
            b.blockMenu("Venue", "Fields");
            assertThat(fieldNames(b)).containsExactly("Address", "Phone", "Host");
            WebElement up = b.until(x -> x.findElement(By.cssSelector("dialog[open] [data-focus='up-host']")));
            up.sendKeys(Keys.ENTER);
            b.until(x -> showFields(user, aide, "venue").equals("[\"address\",\"host\",\"phone\"]"));
            // The panel is drawn again with the focus on the moved field's button.
            b.until(x -> fieldNames(b).equals(List.of("Address", "Host", "Phone")));
            b.until(x -> "up-host".equals(x.switchTo().activeElement().getAttribute("data-focus")));
            d(b).switchTo().activeElement().sendKeys(Keys.ENTER);
            b.until(x -> showFields(user, aide, "venue").equals("[\"host\",\"address\",\"phone\"]"));
            // At the top its ↑ is gone: the focus moves to its ↓, still on the moved field.
            b.until(x -> fieldNames(b).equals(List.of("Host", "Address", "Phone")));
            b.until(x -> "down-host".equals(x.switchTo().activeElement().getAttribute("data-focus")));
            b.click(By.cssSelector("dialog[open] [data-focus='hide-phone']"));
            b.until(x -> showFields(user, aide, "venue").equals("[\"host\",\"address\"]"));
            b.until(x -> x.findElements(By.cssSelector("dialog[open] li.hidden-column input[aria-label='Name of Phone']")).size() == 1);
            b.screenshot("fields-of-a-card-1280x800");
            b.closeDialog();
            List<WebElement> labels = b.until(x -> x.findElements(By.cssSelector("#live-page [data-entity=venue] dt")));
            assertThat(labels).extracting(WebElement::getText).containsExactly("Host", "Address");
            assertThat(d(b).findElement(By.id("live-page")).getText()).doesNotContain("555-0100");

            // A list: the name stays first and is not ordered; Note moved above Dish, then Dish hidden.
            b.blockMenu("Guests", "Fields");
            assertThat(fieldNames(b)).containsExactly("Name", "Dish", "Note");
            assertThat(d(b).findElements(By.cssSelector("dialog[open] [data-focus='up-name'], dialog[open] [data-focus='hide-name']"))).isEmpty();
            b.click(By.cssSelector("dialog[open] [data-focus='up-note']"));
            b.until(x -> showFields(user, aide, "guests").equals("[\"note\",\"dish\"]"));
            b.click(By.cssSelector("dialog[open] [data-focus='hide-dish']"));
            b.until(x -> showFields(user, aide, "guests").equals("[\"note\"]"));
            b.closeDialog();
            b.until(x -> !x.findElement(By.cssSelector("#live-page [data-entity=guests]")).getText().contains("Salad"));
            assertThat(d(b).findElement(By.cssSelector("#live-page [data-entity=ann]")).getText()).startsWith("Ann").contains("Gluten free");

            // A checklist: the task and its box are not fields to order; the owner hidden, then the hiding undone.
            b.blockMenu("Bring", "Fields");
            assertThat(fieldNames(b)).containsExactly("Task", "Done", "Owner", "Due");
            b.click(By.cssSelector("dialog[open] [data-focus='hide-owner']"));
            b.until(x -> showFields(user, aide, "bring").equals("[\"due\"]"));
            b.closeDialog();
            b.until(x -> !x.findElement(By.cssSelector("#live-page [data-entity=bring]")).getText().contains("Bob"));
            b.click(By.xpath("//button[normalize-space()='Undo']"));
            b.until(x -> showFields(user, aide, "bring").equals("null"));
            b.waitText("#live-page [data-entity=bring]", "Bob");
        }
    }

    private static List<String> fieldNames(Steps b) {
        return b.until(x -> x.findElements(By.cssSelector("dialog[open] .column-list input"))).stream()
                .map(input -> input.getAttribute("value")).toList();
    }

    @Test
    void a_yes_no_cell_toggles_on_a_tap_on_a_phone() {
        var user = app.newUser();
        UUID aide = EditApiTest.create(user, app);
        assertThat(app.postJson("/aides/" + aide + "/events", """
                {"events":[
                  {"t":"entity.create","id":"page","display":"page","p":{"title":"Dues"}},
                  {"t":"entity.create","id":"players","parent":"page","display":"table","p":{"title":"Players"}},
                  {"t":"entity.create","id":"dave","parent":"players","p":{"name":"Dave","paid":false}}
                ]}""", user).statusCode()).isEqualTo(200);
        try (var phone = Browser.phone(390, 844)) {
            var p = new Steps(phone, app);
            p.open(user, aide);
            WebElement cell = p.until(x -> x.findElement(By.cssSelector("#live-page [data-entity=dave] [data-field=paid][role=switch]")));
            assertThat(cell.getAttribute("aria-checked")).isEqualTo("false");
            ((JavascriptExecutor) phone.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", cell);
            tap(phone, cell);
            p.until(x -> "true".equals(x.findElement(By.cssSelector("#live-page [data-entity=dave] [data-field=paid]")).getAttribute("aria-checked")));
            p.waitText("[data-save-bar]", "saved");
            p.screenshot("yes-no-tapped-390x844");
        }
        assertThat(EditApiTest.snapshot(user, aide, app).at("/snapshot/entities/dave/props/paid").asBoolean()).isTrue();
    }

    /** A touch at the middle of {@code element}, as a finger makes it (touchstart, touchend, then the tap's click). */
    private static void tap(Browser phone, WebElement element) {
        // Touch points are in viewport pixels, so the box comes from the page, not from getRect.
        @SuppressWarnings("unchecked")
        var middle = (Map<String, Number>) phone.driver.executeScript(
                "const r = arguments[0].getBoundingClientRect(); return {x: r.left + r.width / 2, y: r.top + r.height / 2};", element);
        var point = Map.of("x", middle.get("x").doubleValue(), "y", middle.get("y").doubleValue());
        phone.driver.executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", "touchStart", "touchPoints", List.of(point)));
        phone.driver.executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", "touchEnd", "touchPoints", List.of()));
    }

    private static WebDriver d(Steps s) {
        return s.d;
    }

    /** The aide's live links as "from>to:type:cardinality". */
    static List<String> links(TestApp.TestUser user, UUID aide) {
        var out = new ArrayList<String>();
        for (JsonNode l : snapshot(user, aide).get("relationships")) {
            out.add(l.get("from").asString() + ">" + l.get("to").asString() + ":" + l.get("type").asString() + ":"
                    + l.get("cardinality").asString());
        }
        return out;
    }

    static List<String> children(TestApp.TestUser user, UUID aide, String id) {
        return liveChildren(snapshot(user, aide), id).stream().map(e -> e.get("id").asString()).toList();
    }

    static String showFields(TestApp.TestUser user, UUID aide, String id) {
        return String.valueOf(snapshotProp(user, aide, id, "_show_fields"));
    }

    // ---- the steps a person takes ----

    static final class Steps {
        final Browser browser;
        final WebDriver d;
        final TestApp on;

        Steps(Browser browser, TestApp on) {
            this.browser = browser;
            this.d = browser.driver;
            this.on = on;
        }

        void open(TestApp.TestUser user, UUID aide) {
            d.get(on.base + "/health");
            String[] cookie = user.cookie().split("=", 2);
            d.manage().addCookie(new Cookie(cookie[0], cookie[1]));
            d.get(on.base + "/aides/" + aide);
            until(x -> ((JavascriptExecutor) x).executeScript("return document.readyState").equals("complete"));
        }

        <T> T until(Function<WebDriver, T> condition) {
            return browser.waiting().ignoring(StaleElementReferenceException.class).until(condition::apply);
        }

        /** Clicks like a person who scrolls a thing to mid-screen first, clear of the status line and composer. */
        void click(By by) {
            until(x -> {
                WebElement e = x.findElement(by);
                ((JavascriptExecutor) x).executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
                e.click();
                return true;
            });
        }

        void clickButton(String text) {
            click(By.xpath("//button[normalize-space()='" + text + "']"));
        }

        /** Types into the value editor that is open, and saves with Enter. */
        void type(String text) {
            WebElement input = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#live-page .inline-input")));
            if (!"date".equals(input.getAttribute("type"))) {
                input.sendKeys(Keys.chord(Keys.CONTROL, "a"));
            }
            input.sendKeys(text, Keys.ENTER);
            until(x -> x.findElements(By.cssSelector("#live-page .inline-input")).isEmpty());
        }

        void waitText(String css, String text) {
            until(x -> x.findElement(By.cssSelector(css)).getText().contains(text));
        }

        void clickValue(String text) {
            click(By.xpath("//*[@id='live-page']//*[@data-field][normalize-space()='" + text + "']"));
        }

        /** The cell in column {@code column} (0 is the row header) of the row whose header reads {@code row}. */
        void clickCell(String row, int column) {
            click(By.xpath("//*[@id='live-page']//tr[th[normalize-space()='" + row + "']]/*[@data-field][" + (column + 1) + "]"));
        }

        WebElement cell(String row, int column) {
            return until(x -> x.findElement(By.xpath("//*[@id='live-page']//tr[th[normalize-space()='" + row + "']]/*[@data-field][" + (column + 1) + "]")));
        }

        void editCell(String row, int column, String text) {
            clickCell(row, column);
            type(text);
        }

        void pageMenu(String... path) {
            click(By.cssSelector("#live-page article > .block-tools .handle"));
            choose(path);
        }

        /** Opens the menu of the block whose text includes {@code name} and follows {@code path}. */
        void blockMenu(String name, String... path) {
            click(By.xpath("(//*[@id='live-page']//*[@data-entity][not(@data-field)][not(self::tr)][not(self::li)][not(self::article)]"
                    + "[contains(normalize-space(.), \"" + name + "\")])[last()]/div[@class='block-tools']/button"));
            choose(path);
        }

        void choose(String... path) {
            for (String item : path) {
                click(By.xpath("//div[@role='menu']/button[starts-with(normalize-space(), '" + item + "')]"));
            }
        }

        void renameColumn(String from, String to) {
            WebElement name = until(x -> x.findElement(By.cssSelector("dialog[open] input[aria-label='Name of " + from + "']")));
            name.sendKeys(Keys.chord(Keys.CONTROL, "a"), to, Keys.ENTER);
            until(x -> !x.findElements(By.cssSelector("dialog[open] input[aria-label='Name of " + to + "']")).isEmpty());
        }

        void addColumn(String name, String kind) {
            WebElement input = until(x -> x.findElement(By.cssSelector("dialog[open] .column-add input")));
            new org.openqa.selenium.support.ui.Select(d.findElement(By.cssSelector("dialog[open] .column-add select"))).selectByVisibleText(kind);
            input.sendKeys(name, Keys.ENTER);
            String human = name.replace("-", " ");
            until(x -> !x.findElements(By.cssSelector("dialog[open] input[aria-label='Name of " + human + "']")).isEmpty());
        }

        /** Makes a new kind of link from the open links panel. */
        void newLink(String name, String how, String to) {
            until(x -> x.findElement(By.cssSelector("dialog[open] input[aria-label='New link name']"))).sendKeys(name);
            new Select(d.findElement(By.cssSelector("dialog[open] select[aria-label='How many it points to']"))).selectByVisibleText(how);
            new Select(d.findElement(By.cssSelector("dialog[open] select[aria-label='New link points to']"))).selectByVisibleText(to);
            clickButton("Add link");
            waitText("dialog[open] [data-links-note]", "Linked: " + name);
        }

        /**
         * Once {@code added} holds, leaves the value editor the new block opens (a moment later)
         * without saving, so the next tap does not land mid-redraw.
         */
        void escapeOnce(java.util.function.BooleanSupplier added) {
            until(x -> added.getAsBoolean());
            try {
                new org.openqa.selenium.support.ui.WebDriverWait(d, java.time.Duration.ofSeconds(4))
                        .until(x -> !x.findElements(By.cssSelector("#live-page .inline-input")).isEmpty());
            } catch (org.openqa.selenium.TimeoutException none) {
                return;
            }
            until(x -> {
                List<WebElement> open = x.findElements(By.cssSelector("#live-page .inline-input"));
                if (!open.isEmpty()) {
                    open.get(0).sendKeys(Keys.ESCAPE);
                }
                return open.isEmpty();
            });
        }

        void closeDialog() {
            click(By.xpath("//dialog[@open]//button[normalize-space()='Done']"));
            until(x -> x.findElements(By.cssSelector("dialog[open]")).isEmpty());
        }

        List<String> smallControls() {
            return browser.smallControls();
        }

        void screenshot(String name) {
            browser.screenshot(name);
        }

        /** Keys pressed on an item's handle; found again if the live channel redrew the page first. */
        void keysToHandle(String id, CharSequence keys) {
            until(x -> {
                WebElement h = x.findElement(By.cssSelector("[data-handle-for='" + id + "']"));
                ((JavascriptExecutor) x).executeScript("arguments[0].focus()", h);
                h.sendKeys(keys);
                return true;
            });
        }

        /**
         * Drags one item's handle onto the upper half of another's, with the events a browser
         * fires for a drag (ChromeDriver cannot perform an HTML5 drag itself).
         */
        void drag(String from, String onto) {
            ((JavascriptExecutor) d).executeScript("""
                    const handle = document.querySelector(`[data-handle-for="${arguments[0]}"]`);
                    const target = document.querySelector(`[data-entity="${arguments[1]}"]:not([data-field])`);
                    const data = new DataTransfer();
                    const r = target.getBoundingClientRect();
                    const at = { bubbles: true, cancelable: true, dataTransfer: data, clientX: r.left + 5, clientY: r.top + 2 };
                    handle.dispatchEvent(new DragEvent("dragstart", at));
                    target.dispatchEvent(new DragEvent("dragover", at));
                    target.dispatchEvent(new DragEvent("drop", at));
                    handle.dispatchEvent(new DragEvent("dragend", at));
                    """, from, onto);
        }
    }

    // ---- the snapshot, read through the API ----

    static UUID newAide(TestApp.TestUser user) {
        var created = app.postJson("/aides", "", user);
        return UUID.fromString(JSON.readTree(created.body()).get("id").asString());
    }

    static JsonNode snapshot(TestApp.TestUser user, UUID aide) {
        return JSON.readTree(app.getJson("/aides/" + aide + "/snapshot", user).body()).get("snapshot");
    }

    static List<JsonNode> liveChildren(JsonNode snapshot, String id) {
        var out = new ArrayList<JsonNode>();
        for (JsonNode c : snapshot.get("entities").get(id).get("_children")) {
            JsonNode e = snapshot.get("entities").get(c.asString());
            if (!e.get("_removed").asBoolean()) {
                out.add(e);
            }
        }
        return out;
    }

    /** The live entity titled {@code title}. */
    static String idOf(TestApp.TestUser user, UUID aide, String title) {
        for (Map.Entry<String, JsonNode> e : snapshot(user, aide).get("entities").properties()) {
            JsonNode t = e.getValue().get("props").get("title");
            if (!e.getValue().get("_removed").asBoolean() && t != null && title.equals(t.asString())) {
                return e.getKey();
            }
        }
        return "";
    }

    static String parentOf(TestApp.TestUser user, UUID aide, String title) {
        return snapshot(user, aide).get("entities").get(idOf(user, aide, title)).get("parent").asString();
    }

    static String rowNamed(TestApp.TestUser user, UUID aide, String player) {
        for (Map.Entry<String, JsonNode> e : snapshot(user, aide).get("entities").properties()) {
            JsonNode p = e.getValue().get("props").get("player");
            if (p != null && player.equals(p.asString())) {
                return e.getKey();
            }
        }
        return "";
    }

    static JsonNode snapshotProp(TestApp.TestUser user, UUID aide, String entity, String key) {
        JsonNode e = snapshot(user, aide).get("entities").get(entity);
        return e == null || e.get("props").get(key) == null ? JSON.nullNode() : e.get("props").get(key);
    }
}
