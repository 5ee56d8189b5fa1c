package com.toaide.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.platform.db.Database;
import com.toaide.testing.Eventually;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The recorded christmas dinner conversation ({@code ai/conversations/christmas_dinner.json}),
 * replayed turn by turn through the turn route with a publish after each turn: the versions page
 * and the Atom feed say what each turn changed, in the page's own words. The christmas streams
 * were written by hand in the Messages API's recorded wire format (they were not captured from a
 * live model); the fake model server replays them byte for byte.
 */
class ChristmasNotesTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    @AutoClose static FakeModelServer model;
    @AutoClose static TestApp app;
    @AutoClose static Database db;

    @BeforeAll
    static void start() throws Exception {
        model = new FakeModelServer();
        var database = TestPostgres.freshDatabase();
        app = TestApp.start(database, model.environment(), TurnApiTest.TEST_LIMITS);
        app.awaitListening();
        db = Database.connect(database, 1);
    }

    @Test
    void the_feed_and_the_versions_page_say_what_each_turn_of_the_christmas_conversation_changed() throws Exception {
        var user = app.newUser();
        var created = app.postJson("/aides", "{}", user);
        UUID aide = UUID.fromString(JSON.readTree(created.body()).get("id").asString());
        String slug = null;
        for (JsonNode exchange : JSON.readTree(ChristmasNotesTest.class.getResourceAsStream("/ai/conversations/christmas_dinner.json"))) {
            model.stream(exchange.get("transcript").asString());
            turn(user, aide, exchange.get("message").asString());
            var published = app.postJson("/aides/" + aide + "/publish", "", user);
            assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
            String url = JSON.readTree(published.body()).get("url").asString();
            slug = url.substring(url.lastIndexOf('/') + 1);
        }

        var versions = JSON.readTree(app.getJson("/aides/" + aide + "/versions", user).body()).get("versions");
        List<String> notes = new ArrayList<>();
        versions.forEach(v -> notes.add(v.get("notes").asString()));
        assertThat(notes).containsExactly(
                "Turkey (6 kg): Done → yes; Added Crackers to Shopping",
                "Aunt May: Dish → Christmas pudding; Tom: Coming → no; Guests: Value → 11",
                "Added Christmas Dinner, added 3 to Christmas Dinner, added 2 to The day, added 5 to Guests, added 3 to Shopping");

        var feed = app.get("/s/" + slug + "/feed.xml").body();
        var entries = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(feed.getBytes(StandardCharsets.UTF_8))).getElementsByTagName("entry");
        assertThat(entries.getLength()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(entries.item(i).getTextContent()).contains(notes.get(i));
        }
        assertThat(feed).doesNotContain("Updated.");

        var page = app.get("/aides/" + aide + "/versions", "Cookie", user.cookie()).body();
        assertThat(page).contains("Aunt May: Dish → Christmas pudding; Tom: Coming → no").contains("Added Crackers to Shopping");
    }

    private static void turn(TestApp.TestUser user, UUID aide, String message) {
        var response = app.postJson("/aides/" + aide + "/turns", JSON.createObjectNode().put("message", message).toString(), user);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        UUID turn = UUID.fromString(JSON.readTree(response.body()).get("turn_id").asString());
        Eventually.within(Duration.ofSeconds(30), () -> {
            String status = db.asSystem(h -> h.createQuery("select status from turns where id = :t").bind("t", turn).mapTo(String.class).one());
            assertThat(status).isEqualTo("done");
        });
    }
}
