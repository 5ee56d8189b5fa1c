package com.toaide.aides;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.kernel.Json;
import com.toaide.platform.db.Database;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestApp.TestUser;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Direct editing over real HTTP: batches through the kernel, undo/redo, persistence, bad input. */
class EditApiTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    @AutoClose static TestApp app;
    @AutoClose static Database db;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        db = Database.connect(app.database, 2);
    }

    static final String PAGE = """
            {"events":[
              {"t":"entity.create","id":"page","display":"page","p":{"title":"Poker Night"}},
              {"t":"entity.create","id":"players","parent":"page","display":"table","p":{"title":"Players"}},
              {"t":"entity.create","id":"dave","parent":"players","p":{"name":"Dave","wins":4}}
            ]}""";

    @Test
    void creating_an_aide_redirects_to_its_editor_and_json_gets_its_id() {
        var user = app.newUser();
        var page = app.postForm("/aides", java.util.Map.of(), "Cookie", user.cookie());
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location").orElseThrow()).matches("/aides/[0-9a-f-]{36}");
        var json = app.postJson("/aides", "", user);
        assertThat(json.statusCode()).isEqualTo(201);
        assertThat(json.body()).matches("\\{\"id\":\"[0-9a-f-]{36}\"}");
    }

    @Test
    void a_page_that_is_full_refuses_what_would_make_it_bigger_and_still_takes_what_makes_it_smaller() {
        var user = app.newUser();
        UUID aide = create(user);
        assertThat(app.postJson("/aides/" + aide + "/events", PAGE, user).statusCode()).isEqualTo(200);
        // Each batch under the 64 KB body limit, every value within the kernel's 10,000 characters.
        String text = "x".repeat(9_000);
        int made = 0;
        HttpResponse<String> response;
        do {
            var events = new java.util.StringJoiner(",", "{\"events\":[", "]}");
            for (int i = 0; i < 6; i++, made++) {
                events.add("{\"t\":\"entity.create\",\"id\":\"r" + made + "\",\"parent\":\"players\",\"p\":{\"note\":\"" + text + "\"}}");
            }
            response = app.postJson("/aides/" + aide + "/events", events.toString(), user);
        } while (response.statusCode() == 200 && made < 400);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body()).contains("This page is full").contains("Nothing was changed");
        JsonNode snapshot = snapshot(user, aide).get("snapshot");
        assertThat(snapshot.get("entities").has("r" + (made - 1))).as("the refused batch left nothing").isFalse();
        assertThat(snapshot.get("entities").has("r" + (made - 7))).isTrue();
        assertThat(snapshot.toString().length()).isLessThanOrEqualTo(EditService.MAX_STATE_CHARS);
        assertThat(made).as("a page holds about 2,000,000 characters").isGreaterThan(200);

        var smaller = app.postJson("/aides/" + aide + "/events", "{\"events\":[{\"t\":\"entity.remove\",\"ref\":\"r0\"}]}", user);
        assertThat(smaller.statusCode()).as(smaller.body()).isEqualTo(200);
    }

    @Test
    void a_batch_applies_through_the_kernel_and_reports_the_new_version() {
        var user = app.newUser();
        UUID aide = create(user);
        var response = app.postJson("/aides/" + aide + "/events", PAGE, user);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"accepted\":3,\"rejected\":[],\"sequence\":3}");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode snapshot = snapshot(user, aide);
        assertThat(snapshot.at("/snapshot/meta/title").asString()).isEqualTo("Poker Night");
        assertThat(snapshot.at("/snapshot/entities/dave/props/wins").asInt()).isEqualTo(4);
        assertThat(snapshot.at("/_sequence").asLong()).isEqualTo(3);
    }

    @Test
    void a_rejected_event_is_reported_by_index_and_the_valid_ones_still_apply() {
        var user = app.newUser();
        UUID aide = create(user);
        app.postJson("/aides/" + aide + "/events", PAGE, user);
        var response = app.postJson("/aides/" + aide + "/events", """
                {"events":[
                  {"t":"entity.update","ref":"dave","p":{"wins":5}},
                  {"t":"entity.update","ref":"nobody","p":{"wins":1}},
                  {"t":"entity.update","ref":"dave","p":7}
                ]}""", user);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("accepted").asInt()).isEqualTo(1);
        assertThat(body.get("rejected")).hasSize(2);
        assertThat(body.at("/rejected/0/index").asInt()).isEqualTo(1);
        assertThat(body.at("/rejected/0/reason").asString()).startsWith("ENTITY_NOT_FOUND");
        assertThat(body.at("/rejected/1/index").asInt()).isEqualTo(2);
        assertThat(body.at("/rejected/1/reason").asString()).startsWith("INVALID_FIELD");
        assertThat(snapshot(user, aide).at("/snapshot/entities/dave/props/wins").asInt()).isEqualTo(5);
    }

    @Test
    void the_answer_written_by_hand_is_what_the_mapper_wrote() {
        var hostile = List.of(new AideRoutes.Rejection(0, "ENTITY_NOT_FOUND: \"a\\b\"\n\t</script>\u2028é😀\u0000"),
                new AideRoutes.Rejection(7, ""), new AideRoutes.Rejection(Integer.MAX_VALUE, null));
        for (var edited : List.of(new AideRoutes.Edited(0, List.of(), 0), new AideRoutes.Edited(3, hostile, Long.MAX_VALUE),
                new AideRoutes.Edited(1, hostile.subList(0, 1), 42))) {
            assertThat(edited.json()).isEqualTo(Json.MAPPER.writeValueAsString(edited));
        }
    }

    @Test
    void a_batch_where_everything_is_rejected_is_a_422_and_changes_nothing() {
        var user = app.newUser();
        UUID aide = create(user);
        app.postJson("/aides/" + aide + "/events", PAGE, user);
        var response = app.postJson("/aides/" + aide + "/events", "{\"events\":[{\"t\":\"entity.remove\",\"ref\":\"ghost\"}]}", user);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("\"accepted\":0", "ENTITY_NOT_FOUND", "\"sequence\":3");
        assertThat(snapshot(user, aide).at("/_sequence").asLong()).isEqualTo(3);
    }

    @Test
    void malformed_or_empty_or_oversized_bodies_get_a_clear_error_and_change_nothing() {
        var user = app.newUser();
        UUID aide = create(user);
        app.postJson("/aides/" + aide + "/events", PAGE, user);
        String path = "/aides/" + aide + "/events";
        var malformed = app.postJson(path, "{\"events\":[{\"t\":", user);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("not valid JSON");
        assertThat(app.postJson(path, "{\"events\":[]}", user).statusCode()).isEqualTo(400);
        assertThat(app.postJson(path, "{\"changes\":[1]}", user).statusCode()).isEqualTo(400);
        assertThat(app.postJson(path, "[1,2]", user).statusCode()).isEqualTo(400);
        String huge = "{\"events\":[{\"t\":\"entity.update\",\"ref\":\"dave\",\"p\":{\"note\":\"" + "x".repeat(70_000) + "\"}}]}";
        int oversized = app.postDeclaringLength(path, huge.length(), "Content-Type", "application/json", "Cookie", user.cookie());
        assertThat(oversized).isEqualTo(413);
        assertThat(snapshot(user, aide).at("/_sequence").asLong()).isEqualTo(3);
    }

    @Test
    void undo_takes_back_the_last_batch_and_redo_puts_it_back() {
        var user = app.newUser();
        UUID aide = create(user);
        app.postJson("/aides/" + aide + "/events", PAGE, user);
        app.postJson("/aides/" + aide + "/events", "{\"events\":[{\"t\":\"entity.update\",\"ref\":\"dave\",\"p\":{\"wins\":9}}]}", user);

        var undo = app.postJson("/aides/" + aide + "/undo", "", user);
        assertThat(undo.statusCode()).isEqualTo(200);
        assertThat(undo.body()).isEqualTo("{\"sequence\":5}");
        assertThat(snapshot(user, aide).at("/snapshot/entities/dave/props/wins").asInt()).isEqualTo(4);

        assertThat(app.postJson("/aides/" + aide + "/redo", "", user).body()).isEqualTo("{\"sequence\":6}");
        assertThat(snapshot(user, aide).at("/snapshot/entities/dave/props/wins").asInt()).isEqualTo(9);
        assertThat(app.postJson("/aides/" + aide + "/redo", "", user).statusCode()).isEqualTo(409);
    }

    @Test
    void there_is_nothing_to_undo_on_a_new_aide() {
        var user = app.newUser();
        UUID aide = create(user);
        var response = app.postJson("/aides/" + aide + "/undo", "", user);
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("Nothing to undo.");
    }

    @Test
    void replaying_the_stored_log_gives_the_stored_snapshot_after_random_edits_undos_and_redos() {
        var user = app.newUser();
        UUID aide = create(user);
        app.postJson("/aides/" + aide + "/events", PAGE, user);
        var random = new Random(42);
        for (int step = 0; step < 60; step++) {
            int roll = random.nextInt(10);
            if (roll < 2) {
                app.postJson("/aides/" + aide + "/undo", "", user);
            } else if (roll < 3) {
                app.postJson("/aides/" + aide + "/redo", "", user);
            } else {
                String id = "row" + random.nextInt(8);
                String event = switch (random.nextInt(4)) {
                    case 0 -> "{\"t\":\"entity.create\",\"id\":\"" + id + "\",\"parent\":\"players\",\"p\":{\"name\":\"P" + step + "\"}}";
                    case 1 -> "{\"t\":\"entity.update\",\"ref\":\"" + id + "\",\"p\":{\"wins\":" + step + "}}";
                    case 2 -> "{\"t\":\"entity.remove\",\"ref\":\"" + id + "\"}";
                    default -> "{\"t\":\"meta.annotate\",\"p\":{\"note\":\"step " + step + "\"}}";
                };
                app.postJson("/aides/" + aide + "/events", "{\"events\":[" + event + "]}", user);
            }
        }
        StoredLog.assertReplayEqualsStoredSnapshot(db, user.id(), aide);
    }

    @Test
    void another_users_aide_is_a_404_on_every_route_and_shows_nothing() {
        var owner = app.newUser();
        var other = app.newUser();
        UUID aide = create(owner);
        app.postJson("/aides/" + aide + "/events", PAGE, owner);
        String base = "/aides/" + aide;
        assertThat(app.getJson(base + "/snapshot", other).statusCode()).isEqualTo(404);
        var page = app.get(base, "Cookie", other.cookie());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("Poker");
        for (String action : List.of("/events", "/undo", "/redo")) {
            var response = app.postJson(base + action, PAGE, other);
            assertThat(response.statusCode()).as(action).isEqualTo(404);
            assertThat(response.body()).doesNotContain("Poker");
        }
        for (String action : List.of("/rename", "/archive", "/delete")) {
            assertThat(app.postForm(base + action, java.util.Map.of("title", "Mine"), "Cookie", other.cookie()).statusCode())
                    .as(action).isEqualTo(404);
        }
        assertThat(app.getJson("/aides/not-a-uuid/snapshot", other).statusCode()).isEqualTo(404);
        assertThat(snapshot(owner, aide).at("/snapshot/meta/title").asString()).isEqualTo("Poker Night");
    }

    @Test
    void the_free_plan_keeps_five_active_aides_and_says_so() {
        var user = app.newUser();
        for (int i = 0; i < 5; i++) {
            assertThat(app.postJson("/aides/" + create(user) + "/events", PAGE, user).statusCode()).isEqualTo(200);
        }
        var sixth = app.postJson("/aides", "", user);
        assertThat(sixth.statusCode()).isEqualTo(409);
        assertThat(sixth.body()).contains("The free plan keeps 5 pages going at once");
        UUID first = UUID.fromString(JSON.readTree(app.getJson("/aides", user).body()).at("/aides/0/id").asString());
        assertThat(app.postForm("/aides/" + first + "/archive", java.util.Map.of(), "Cookie", user.cookie()).statusCode()).isEqualTo(303);
        assertThat(app.postJson("/aides", "", user).statusCode()).isEqualTo(201);
    }

    @Test
    void rename_archive_and_delete_change_the_dashboard() {
        var user = app.newUser();
        UUID aide = create(user);
        assertThat(app.postForm("/aides/" + aide + "/rename", java.util.Map.of("title", "  Trip to Lisbon "), "Cookie", user.cookie()).statusCode()).isEqualTo(303);
        assertThat(app.getJson("/aides", user).body()).contains("\"title\":\"Trip to Lisbon\"");
        assertThat(app.postForm("/aides/" + aide + "/rename", java.util.Map.of("title", " "), "Cookie", user.cookie()).statusCode()).isEqualTo(400);
        app.postForm("/aides/" + aide + "/delete", java.util.Map.of(), "Cookie", user.cookie());
        assertThat(app.getJson("/aides", user).body()).doesNotContain(aide.toString());
        assertThat(app.getJson("/aides/" + aide + "/snapshot", user).statusCode()).isEqualTo(404);
    }

    @Test
    void a_malformed_referer_on_rename_is_a_clear_400_and_renames_nothing() {
        var user = app.newUser();
        UUID aide = create(user);
        var refused = app.postForm("/aides/" + aide + "/rename", java.util.Map.of("title", "Lisbon"),
                "Cookie", user.cookie(), "Referer", "http://localhost/aides/%zz not a url");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Referer header is not a web address");
        assertThat(app.getJson("/aides", user).body()).doesNotContain("Lisbon");
        // A good Referer still sends the browser back where it was.
        var renamed = app.postForm("/aides/" + aide + "/rename", java.util.Map.of("title", "Lisbon"),
                "Cookie", user.cookie(), "Referer", app.origin() + "/aides/" + aide);
        assertThat(renamed.statusCode()).isEqualTo(303);
        assertThat(renamed.headers().firstValue("Location")).hasValue("/aides/" + aide);
        assertThat(app.getJson("/aides", user).body()).contains("\"title\":\"Lisbon\"");
    }

    static UUID create(TestUser user) {
        return create(user, app);
    }

    static UUID create(TestUser user, TestApp app) {
        var response = app.postJson("/aides", "", user);
        assertThat(response.statusCode()).isEqualTo(201);
        return UUID.fromString(JSON.readTree(response.body()).get("id").asString());
    }

    static JsonNode snapshot(TestUser user, UUID aide) {
        return snapshot(user, aide, app);
    }

    static JsonNode snapshot(TestUser user, UUID aide, TestApp app) {
        var response = app.getJson("/aides/" + aide + "/snapshot", user);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
