package com.toaide.aides;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.testing.TestApp;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The starting points a blank page offers (static/starters/starters.json): each is one batch of
 * kernel events that applies whole through the events route, renders, publishes, and goes
 * away again with one undo.
 */
class StartersTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    @AutoClose static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start();
    }

    static JsonNode starters() throws IOException {
        try (InputStream in = StartersTest.class.getResourceAsStream("/static/starters/starters.json")) {
            return JSON.readTree(in).get("starters");
        }
    }

    @Test
    void there_are_at_least_six_starting_points_each_with_a_name_and_a_page() throws IOException {
        var starters = starters();
        assertThat(starters.size()).isGreaterThanOrEqualTo(6);
        for (JsonNode s : starters) {
            assertThat(s.get("name").asString()).isNotBlank();
            assertThat(s.get("summary").asString()).isNotBlank();
            assertThat(s.get("events").get(0).get("display").asString()).isEqualTo("page");
        }
    }

    @Test
    void each_starting_point_applies_whole_renders_publishes_and_undoes_in_one_step() throws IOException {
        for (JsonNode starter : starters()) {
            // The free plan keeps five active pages: a person per starting point.
            var user = app.newUser();
            UUID aide = UUID.fromString(JSON.readTree(app.postJson("/aides", "", user).body()).get("id").asString());
            JsonNode events = starter.get("events");
            var applied = app.postJson("/aides/" + aide + "/events", "{\"events\":" + events + "}", user);
            assertThat(applied.statusCode()).as(starter.get("id") + ": " + applied.body()).isEqualTo(200);
            JsonNode answer = JSON.readTree(applied.body());
            assertThat(answer.get("rejected").size()).as(starter.get("id") + ": " + answer).isZero();
            assertThat(answer.get("accepted").asInt()).isEqualTo(events.size());

            String title = events.get(0).get("p").get("title").asString();
            String editor = app.get("/aides/" + aide, "Cookie", user.cookie()).body();
            assertThat(editor).contains(title.replace("'", "&#39;"));

            var published = app.postJson("/aides/" + aide + "/publish", "{}", user);
            assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
            String url = JSON.readTree(published.body()).get("url").asString();
            String page = app.get(url.substring(url.indexOf("/s/"))).body();
            assertThat(page).contains("<h1>" + title + "</h1>");

            var undone = app.postJson("/aides/" + aide + "/undo", "", user);
            assertThat(undone.statusCode()).isEqualTo(200);
            JsonNode snapshot = JSON.readTree(app.getJson("/aides/" + aide + "/snapshot", user).body()).get("snapshot");
            for (JsonNode e : snapshot.get("entities")) {
                assertThat(e.get("_removed").asBoolean()).as(starter.get("id") + " after undo: " + e.get("id")).isTrue();
            }
            assertThat(app.get("/aides/" + aide, "Cookie", user.cookie()).body()).contains("What are you running?");
        }
    }
}
