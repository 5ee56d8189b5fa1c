package com.toaide.aides;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.testing.TestApp;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** History over real HTTP: the batches with who and a note, any point seen read-only, restore as one undoable batch. */
class HistoryApiTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    @AutoClose static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start();
    }

    static void edit(TestApp.TestUser user, UUID aide, String events) {
        assertThat(app.postJson("/aides/" + aide + "/events", "{\"events\":[" + events + "]}", user).statusCode()).isEqualTo(200);
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    @Test
    void history_lists_batches_newest_first_with_notes_naming_things_as_the_page_shows_them() {
        var user = app.newUser();
        UUID aide = EditApiTest.create(user, app);
        edit(user, aide, """
                {"t":"entity.create","id":"page","display":"page","p":{"title":"Poker Night"}},
                {"t":"entity.create","id":"roster","parent":"page","display":"table","p":{"title":"Roster"}}""");
        edit(user, aide, "{\"t\":\"entity.create\",\"id\":\"linda\",\"parent\":\"roster\",\"p\":{\"name\":\"Linda\",\"paid\":false}}");
        edit(user, aide, "{\"t\":\"entity.update\",\"ref\":\"linda\",\"p\":{\"paid\":true}}");
        edit(user, aide, "{\"t\":\"entity.remove\",\"ref\":\"linda\"}");
        assertThat(app.postJson("/aides/" + aide + "/undo", "", user).statusCode()).isEqualTo(200);

        var batches = json(app.getJson("/aides/" + aide + "/history", user).body()).get("batches");

        assertThat(batches).extracting(b -> b.get("note").asString()).containsExactly(
                "Undid a change", "Removed Linda", "Linda: Paid → yes", "Added Linda to Roster",
                "Added Poker Night; Added Roster to Poker Night");
        assertThat(batches).extracting(b -> b.get("who").asString()).containsExactly("Undo", "You", "You", "You", "You");
        assertThat(batches.get(2).get("seq").asLong()).isEqualTo(4);
        assertThat(batches.get(0).get("ts").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        var older = json(app.getJson("/aides/" + aide + "/history?before=3", user).body()).get("batches");
        assertThat(older).extracting(b -> b.get("seq").asLong()).containsExactly(3L, 2L);
    }

    @Test
    void a_point_of_history_shows_the_page_as_it_was_then_and_restore_brings_it_back_as_one_undoable_batch() {
        var user = app.newUser();
        UUID aide = EditApiTest.create(user, app);
        edit(user, aide, """
                {"t":"entity.create","id":"page","display":"page","p":{"title":"Party"}},
                {"t":"entity.create","id":"food","parent":"page","display":"list","p":{"title":"Food"}},
                {"t":"entity.create","id":"ice","parent":"food","p":{"name":"Ice"}}""");
        edit(user, aide, "{\"t\":\"entity.remove\",\"ref\":\"ice\"}");
        edit(user, aide, "{\"t\":\"entity.create\",\"id\":\"cake\",\"parent\":\"food\",\"p\":{\"name\":\"Cake\"}}");

        var then = app.getJson("/aides/" + aide + "/history/3", user);
        assertThat(then.statusCode()).isEqualTo(200);
        assertThat(json(then.body()).get("html").asString()).contains("Ice").doesNotContain("Cake").doesNotContain("contenteditable");
        assertThat(app.getJson("/aides/" + aide + "/history/99", user).statusCode()).isEqualTo(404);

        var restored = app.postJson("/aides/" + aide + "/history/3/restore", "", user);
        assertThat(restored.statusCode()).isEqualTo(200);
        var now = EditApiTest.snapshot(user, aide, app);
        assertThat(now.at("/snapshot/entities/ice/_removed").asBoolean()).isFalse();
        assertThat(now.at("/snapshot/entities/cake/_removed").asBoolean()).isTrue();
        assertThat(json(app.getJson("/aides/" + aide + "/history", user).body()).at("/batches/0/who").asString()).isEqualTo("Restore");
        assertThat(app.postJson("/aides/" + aide + "/history/3/restore", "", user).statusCode()).isEqualTo(409);

        assertThat(app.postJson("/aides/" + aide + "/undo", "", user).statusCode()).isEqualTo(200);
        var undone = EditApiTest.snapshot(user, aide, app);
        assertThat(undone.at("/snapshot/entities/ice/_removed").asBoolean()).isTrue();
        assertThat(undone.at("/snapshot/entities/cake/_removed").asBoolean()).isFalse();
        StoredLog.assertReplayEqualsStoredSnapshot(com.toaide.platform.db.Database.connect(app.database, 1), user.id(), aide);
    }

    @Test
    void another_users_history_is_not_found() {
        var owner = app.newUser();
        UUID aide = EditApiTest.create(owner, app);
        edit(owner, aide, "{\"t\":\"entity.create\",\"id\":\"page\",\"display\":\"page\",\"p\":{\"title\":\"Mine\"}}");
        var stranger = app.newUser();

        assertThat(app.getJson("/aides/" + aide + "/history", stranger).statusCode()).isEqualTo(404);
        assertThat(app.getJson("/aides/" + aide + "/history/1", stranger).statusCode()).isEqualTo(404);
        assertThat(app.postJson("/aides/" + aide + "/history/1/restore", "", stranger).statusCode()).isEqualTo(404);
    }
}
