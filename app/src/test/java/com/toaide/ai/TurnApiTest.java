package com.toaide.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.kernel.History;
import com.toaide.kernel.LogEntry;
import com.toaide.kernel.Source;
import com.toaide.ops.JobLock;
import com.toaide.images.Multipart;
import com.toaide.images.TestImages;
import com.toaide.platform.db.Database;
import com.toaide.testing.Eventually;
import com.toaide.testing.LiveSocket;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * AI turns end to end: real HTTP into the app, the real Anthropic client against a local
 * fake model server replaying recorded streams byte for byte, frames on a real WebSocket,
 * and the rows the turn left in Postgres.
 */
class TurnApiTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Stalled after 5 s without progress: short for the stall tests, long for the first bytes of every other turn on a busy machine. */
    static final StreamPolicy TEST_LIMITS = new StreamPolicy(
            Duration.ofSeconds(5), Duration.ofSeconds(30), List.of(Duration.ofMillis(1), Duration.ofMillis(1)));
    static final Duration WAIT = Duration.ofSeconds(20);

    @AutoClose static FakeModelServer model;
    @AutoClose static TestApp app;
    @AutoClose static Database db;

    @BeforeAll
    static void start() throws Exception {
        model = new FakeModelServer();
        var database = TestPostgres.freshDatabase();
        app = TestApp.start(database, model.environment(), TEST_LIMITS);
        app.awaitListening();
        db = Database.connect(database, 2);
    }

    // ---------- helpers ----------

    static UUID newAide(TestApp.TestUser user) {
        var response = app.postJson("/aides", "{}", user);
        assertThat(response.statusCode()).isEqualTo(201);
        return UUID.fromString(JSON.readTree(response.body()).get("id").asString());
    }

    static HttpResponse<String> say(TestApp.TestUser user, UUID aide, String message) {
        return app.postJson("/aides/" + aide + "/turns", JSON.createObjectNode().put("message", message).toString(), user);
    }

    static UUID started(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return UUID.fromString(JSON.readTree(response.body()).get("turn_id").asString());
    }

    static JsonNode finished(TestApp.TestUser user, UUID aide, UUID turn) {
        // Waits on the turn's row: polling the route every 50 ms through a turn of a few seconds
        // would spend much of the user's 100 requests a minute, and the next request gets a 429.
        // The turn ends in one transaction, so the route shows everything it left once the row does.
        Eventually.within(WAIT, () -> assertThat(turnRecord(turn).get("status")).isNotEqualTo("running"));
        var response = app.getJson("/aides/" + aide + "/turns/" + turn, user);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode state = JSON.readTree(response.body());
        assertThat(state.get("status").asString()).isNotEqualTo("running");
        return state;
    }

    /** Runs one whole turn on the next scripted reply and returns its final state. */
    static JsonNode turn(TestApp.TestUser user, UUID aide, String message) {
        return finished(user, aide, started(say(user, aide, message)));
    }

    static JsonNode snapshot(TestApp.TestUser user, UUID aide) {
        return JSON.readTree(app.getJson("/aides/" + aide + "/snapshot", user).body()).get("snapshot");
    }

    static LiveSocket tab(TestApp.TestUser user, UUID aide) {
        var socket = LiveSocket.open(app, "/aides/" + aide + "/live", app.origin(), user.cookie());
        socket.next("page");
        return socket;
    }

    /** Frames up to and including the turn's end. */
    static List<JsonNode> framesOfTurn(LiveSocket socket) {
        var frames = new ArrayList<JsonNode>();
        while (true) {
            JsonNode frame = socket.next();
            frames.add(frame);
            if (frame.path("type").asString().equals("turn.end")) {
                return frames;
            }
        }
    }

    /**
     * Skips to {@code turn}'s start. Frames travel through Postgres NOTIFY, so a tab opened just
     * after an earlier turn ended may still get that turn's last frames; this turn's own frames
     * all come after its start, which is committed before the turn runs.
     */
    static JsonNode startOf(LiveSocket socket, UUID turn) {
        return socket.next(frame -> frame.path("type").asString().equals("turn.start")
                && frame.path("turn").asString().equals(turn.toString()));
    }

    /** This turn's frames, from its start up to and including its end (see {@link #startOf}). */
    static List<JsonNode> framesOfTurn(LiveSocket socket, UUID turn) {
        var frames = new ArrayList<JsonNode>(List.of(startOf(socket, turn)));
        frames.addAll(framesOfTurn(socket));
        return frames;
    }

    static List<String> types(List<JsonNode> frames) {
        return frames.stream().map(f -> f.get("type").asString()).toList();
    }

    static List<String> conversation(UUID aide) {
        return db.asSystem(h -> h.createQuery("select role || ': ' || text from conversations where aide_id = :a order by id")
                .bind("a", aide).mapTo(String.class).list());
    }

    static Map<String, Object> turnRecord(UUID turn) {
        return db.asSystem(h -> h.createQuery("select * from turns where id = :t").bind("t", turn).mapToMap().one());
    }

    static void build(TestApp.TestUser user, UUID aide) {
        model.stream("first_turn.sse");
        assertThat(turn(user, aide, "Thursday poker league, 10 players, $20 buy-in, snacks rotate").get("status").asString())
                .isEqualTo("done");
    }

    // ---------- turns ----------

    @Test
    void a_first_turn_builds_the_page_while_the_tab_watches() {
        var user = app.newUser();
        UUID aide = newAide(user);
        try (var socket = tab(user, aide)) {
            model.stream("first_turn.sse");
            UUID turn = started(say(user, aide, "Thursday poker league, 10 players, $20 buy-in, snacks rotate"));

            var frames = framesOfTurn(socket);
            var state = finished(user, aide, turn);

            assertThat(types(frames).get(0)).isEqualTo("turn.start");
            assertThat(frames.get(0).get("message").asString()).startsWith("Thursday poker league");
            assertThat(types(frames)).filteredOn(t -> t.equals("page") || t.equals("patch")).hasSizeGreaterThanOrEqualTo(20);
            assertThat(frames).filteredOn(f -> f.get("type").asString().equals("voice")).extracting(f -> f.get("text").asString())
                    .containsExactly("Thursday Poker League: 10 players, first game 2025-03-06, buy-in $20.");
            var end = frames.get(frames.size() - 1);
            assertThat(end.get("applied").asInt()).isEqualTo(29);
            assertThat(end.get("rejected").asInt()).isZero();
            assertThat(types(frames)).doesNotContain("turn.error");
            // the voice line came after the changes it describes
            assertThat(types(frames).lastIndexOf("voice")).isGreaterThan(types(frames).lastIndexOf("page"));

            assertThat(state.get("status").asString()).isEqualTo("done");
            assertThat(state.get("applied").asInt()).isEqualTo(29);
            assertThat(snapshot(user, aide).path("meta").path("title").asString()).isEqualTo("Thursday Poker League");
            assertThat(snapshot(user, aide).path("entities").path("player_jose").path("props").path("name").asString()).isEqualTo("José");
            assertThat(conversation(aide)).containsExactly(
                    "user: Thursday poker league, 10 players, $20 buy-in, snacks rotate",
                    "voice: Thursday Poker League: 10 players, first game 2025-03-06, buy-in $20.");
            var record = turnRecord(turn);
            assertThat(record.get("tier")).isEqualTo("deep");
            assertThat(record.get("model")).isEqualTo("claude-sonnet-4-5");
            assertThat(record.get("prompt_version")).isEqualTo("v2");
            assertThat(record.get("applied")).isEqualTo(29);
            assertThat((Integer) record.get("input_tokens")).isPositive();
            assertThat((Integer) record.get("output_tokens")).isPositive();
            assertThat(record.get("first_change_ms")).isNotNull();
            assertThat(record.get("total_ms")).isNotNull();
            assertThat(((java.math.BigDecimal) record.get("cost_usd")).signum()).isPositive();
        }
    }

    @Test
    void an_update_turn_changes_the_page_on_the_fast_tier() {
        var user = app.newUser();
        UUID aide = newAide(user);
        build(user, aide);
        try (var socket = tab(user, aide)) {
            model.stream("update_turn.sse");
            UUID turn = started(say(user, aide, "Mike's out this week, Dave's hosting"));

            var frames = framesOfTurn(socket, turn);
            var state = finished(user, aide, turn);

            assertThat(types(frames)).startsWith("turn.start").endsWith("voice", "turn.end").contains("patch");
            assertThat(state.get("applied").asInt()).isEqualTo(3);
            assertThat(state.get("voice").get(0).asString()).isEqualTo("This week: Dave hosts, Mike out.");
            var entities = snapshot(user, aide).path("entities");
            assertThat(entities.path("player_mike").path("props").path("status").asString()).isEqualTo("out this week");
            assertThat(entities.path("game_2025_03_06").path("props").path("location").asString()).isEqualTo("Dave's place");
            assertThat(turnRecord(turn).get("tier")).isEqualTo("fast");
            assertThat(conversation(aide)).endsWith("user: Mike's out this week, Dave's hosting", "voice: This week: Dave hosts, Mike out.");
            // the window sent to the model carried the earlier exchange
            String body = model.requests().get(model.requests().size() - 1).body();
            assertThat(body).contains("Thursday poker league, 10 players").contains("Mike's out this week");
        }
    }

    @Test
    void a_voice_line_breaking_the_rules_is_rewritten_or_dropped_before_it_is_shown_or_stored() {
        var user = app.newUser();
        UUID aide = newAide(user);
        build(user, aide);
        model.streamText(ScriptedAnswer.sse(ScriptedAnswer.JSON.readTree("""
                [["mutate_entity", {"action": "update", "ref": "player_mike", "props": {"paid": true}}],
                 ["voice", {"text": "Awesome! I marked Mike as paid 🎉"}],
                 ["voice", {"text": "Great, Mike paid!"}]]
                """)));

        var state = turn(user, aide, "Mike paid");

        assertThat(state.get("voice")).extracting(JsonNode::asString).containsExactly("Mike paid.");
        assertThat(state.get("rejected").asInt()).isEqualTo(1);
        assertThat(conversation(aide)).endsWith("user: Mike paid", "voice: Mike paid.");
    }

    @Test
    void a_question_is_answered_by_voice_alone() {
        var user = app.newUser();
        UUID aide = newAide(user);
        build(user, aide);
        JsonNode before = snapshot(user, aide);
        model.stream("question_turn.sse");

        var state = turn(user, aide, "Who hasn't paid?");

        assertThat(state.get("status").asString()).isEqualTo("done");
        assertThat(state.get("applied").asInt()).isZero();
        assertThat(state.get("voice")).extracting(JsonNode::asString).containsExactly("Unpaid: Linda, Steve.");
        assertThat(snapshot(user, aide)).isEqualTo(before);
        assertThat(conversation(aide)).endsWith("user: Who hasn't paid?", "voice: Unpaid: Linda, Steve.");
    }

    @Test
    void a_fast_turn_that_escalates_runs_again_on_the_deep_tier() {
        var user = app.newUser();
        UUID aide = newAide(user);
        build(user, aide);
        int before = model.requests().size();
        model.stream("escalation.sse").stream("update_turn.sse");

        var state = turn(user, aide, "Mike's out this week, Dave's hosting");

        var requests = model.requests().subList(before, model.requests().size());
        assertThat(requests).hasSize(2);
        assertThat(JSON.readTree(requests.get(0).body()).get("model").asString()).isEqualTo("claude-haiku-4-5");
        assertThat(JSON.readTree(requests.get(1).body()).get("model").asString()).isEqualTo("claude-sonnet-4-5");
        assertThat(state.get("status").asString()).isEqualTo("done");
        assertThat(state.get("applied").asInt()).isEqualTo(3);
        // the escalation itself is never shown
        assertThat(state.get("voice")).extracting(JsonNode::asString).containsExactly("This week: Dave hosts, Mike out.");
        assertThat(turnRecord(UUID.fromString(lastTurn(aide))).get("tier")).isEqualTo("deep");
    }

    static String lastTurn(UUID aide) {
        return db.asSystem(h -> h.createQuery("select id::text from turns where aide_id = :a order by started_at desc limit 1")
                .bind("a", aide).mapTo(String.class).one());
    }

    @Test
    void a_stream_cut_mid_tool_call_keeps_what_was_applied_and_says_so() {
        var user = app.newUser();
        UUID aide = newAide(user);
        try (var socket = tab(user, aide)) {
            model.stream("cut_mid_tool_call.sse");
            UUID turn = started(say(user, aide, "Thursday poker league"));

            var frames = framesOfTurn(socket);
            var state = finished(user, aide, turn);

            assertThat(types(frames)).endsWith("voice", "turn.error", "turn.end");
            assertThat(frames.get(frames.size() - 2).get("error").asString()).isEqualTo("The answer was cut off. Changes so far are kept.");
            assertThat(state.get("status").asString()).isEqualTo("error");
            assertThat(state.get("applied").asInt()).isEqualTo(2);
            assertThat(snapshot(user, aide).path("entities").propertyNames())
                    .containsExactlyInAnyOrder("poker_league", "players_section");
            assertThat(conversation(aide)).containsExactly("user: Thursday poker league", "voice: 2 changes.",
                    "notice: The answer was cut off. Changes so far are kept.");
            assertThat(turnRecord(turn).get("error")).isEqualTo("cut");
        }
    }

    @Test
    void a_malformed_tool_input_is_skipped_and_the_rest_applies() {
        var user = app.newUser();
        UUID aide = newAide(user);
        build(user, aide);
        model.stream("malformed_tool_input.sse");

        var state = turn(user, aide, "Linda and Steve paid");

        assertThat(state.get("status").asString()).isEqualTo("done");
        assertThat(state.get("applied").asInt()).isEqualTo(1);
        assertThat(state.get("rejected").asInt()).isEqualTo(1);
        assertThat(state.get("voice")).extracting(JsonNode::asString).containsExactly("Paid: 9 of 10.");
        var entities = snapshot(user, aide).path("entities");
        assertThat(entities.path("player_linda").path("props").path("paid").asBoolean()).isTrue();
        assertThat(entities.path("player_steve").path("props").path("paid").asBoolean()).isFalse();
    }

    @Test
    void an_overloaded_model_before_the_first_token_is_asked_again() {
        var user = app.newUser();
        UUID aide = newAide(user);
        build(user, aide);
        int before = model.requests().size();
        model.stream("overloaded_before_content.sse").stream("update_turn.sse");

        var state = turn(user, aide, "Mike's out this week, Dave's hosting");

        assertThat(model.requests().size() - before).isEqualTo(2);
        assertThat(state.get("status").asString()).isEqualTo("done");
        assertThat(state.get("applied").asInt()).isEqualTo(3);
    }

    @Test
    void an_overloaded_model_after_the_first_token_is_not_asked_again() {
        var user = app.newUser();
        UUID aide = newAide(user);
        int before = model.requests().size();
        model.stream("overloaded_after_content.sse");

        var state = turn(user, aide, "Thursday poker league");

        assertThat(model.requests().size() - before).isEqualTo(1);
        assertThat(state.get("status").asString()).isEqualTo("error");
        assertThat(state.get("applied").asInt()).isEqualTo(1);
        assertThat(snapshot(user, aide).path("entities").has("poker_league")).isTrue();
        assertThat(conversation(aide)).endsWith("notice: The model is unavailable right now. Changes so far are kept. Try again in a minute.");
    }

    @Test
    void a_stalled_stream_times_out_and_keeps_the_first_change() {
        var user = app.newUser();
        UUID aide = newAide(user);
        build(user, aide);
        model.streamThenHold("stalls_after_first_tool_call.sse");

        var state = turn(user, aide, "Mike's out this week");

        assertThat(state.get("status").asString()).isEqualTo("error");
        assertThat(state.get("applied").asInt()).isEqualTo(1);
        assertThat(snapshot(user, aide).path("entities").path("player_mike").path("props").path("status").asString())
                .isEqualTo("out this week");
        assertThat(conversation(aide)).endsWith("notice: The model stopped responding. Changes so far are kept.");
        assertThat(turnRecord(UUID.fromString(lastTurn(aide))).get("error")).isEqualTo("stalled");
    }

    @Test
    void stop_in_the_browser_interrupts_the_turn_and_keeps_its_changes() {
        var user = app.newUser();
        UUID aide = newAide(user);
        build(user, aide);
        try (var socket = tab(user, aide)) {
            model.streamThenHold("stalls_after_first_tool_call.sse");
            UUID turn = started(say(user, aide, "Mike's out this week"));
            startOf(socket, turn);
            socket.next("patch");

            socket.send("{\"type\":\"interrupt\"}");

            var end = socket.next("turn.end");
            assertThat(end.get("status").asString()).isEqualTo("interrupted");
            assertThat(end.get("notice").asString()).isEqualTo("Stopped. Changes so far are kept.");
            var state = finished(user, aide, turn);
            assertThat(state.get("status").asString()).isEqualTo("interrupted");
            assertThat(state.get("applied").asInt()).isEqualTo(1);
            assertThat(snapshot(user, aide).path("entities").path("player_mike").path("props").path("status").asString())
                    .isEqualTo("out this week");
            assertThat(conversation(aide)).endsWith("user: Mike's out this week", "voice: 1 change.", "notice: Stopped. Changes so far are kept.");
        }
    }

    @Test
    void a_tab_on_another_instance_follows_the_turn_and_its_stop_reaches_it() {
        try (var other = app.another()) {
            other.awaitListening();
            var user = app.newUser();
            UUID aide = newAide(user);
            build(user, aide);
            try (var tabOnOther = LiveSocket.open(other, "/aides/" + aide + "/live", other.origin(), user.cookie())) {
                tabOnOther.next("page");
                model.streamThenHold("stalls_after_first_tool_call.sse");
                UUID turn = started(say(user, aide, "Mike's out this week"));

                assertThat(startOf(tabOnOther, turn).get("turn").asString()).isEqualTo(turn.toString());
                assertThat(tabOnOther.next("patch").get("html").asString()).contains("out this week");
                tabOnOther.send("{\"type\":\"interrupt\"}");

                var end = tabOnOther.next("turn.end");
                assertThat(end.get("status").asString()).isEqualTo("interrupted");
                assertThat(end.get("applied").asInt()).isEqualTo(1);
                assertThat(finished(user, aide, turn).get("status").asString()).isEqualTo("interrupted");
            }
        }
    }

    // ---------- limits and access ----------

    @Test
    void three_rejected_changes_in_a_row_end_the_turn_with_a_clear_message() {
        var user = app.newUser();
        UUID aide = newAide(user);
        build(user, aide);
        model.stream("three_rejections.sse");

        var state = turn(user, aide, "Nobody and Noone paid");

        assertThat(state.get("status").asString()).isEqualTo("error");
        assertThat(state.get("applied").asInt()).isZero();
        assertThat(state.get("rejected").asInt()).isEqualTo(3);
        assertThat(state.get("error").asString()).isEqualTo("rejections");
        // the fourth call, after the stop, was not applied
        assertThat(snapshot(user, aide).path("entities").path("player_mike").path("props").path("paid").asBoolean()).isTrue();
        assertThat(conversation(aide)).last().asString()
                .isEqualTo("notice: Stopped after 3 changes in a row could not be applied. Try saying it another way.");
    }



    @Test
    void the_51st_free_turn_in_a_week_is_refused_before_the_model_is_called() {
        var user = app.newUser();
        UUID aide = newAide(user);
        db.asUser(user.id(), h -> h.createUpdate("update users set turn_count = 50, turn_week_start = now() - interval '1 day' where id = :u")
                .bind("u", user.id()).execute());
        int before = model.requests().size();

        var response = say(user, aide, "Thursday poker league");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.body()).contains("50 AI turns a week").contains("Pro");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(model.requests()).hasSize(before);
        assertThat(conversation(aide)).isEmpty();
    }

    @Test
    void more_than_fifty_turns_in_an_hour_are_refused_on_any_plan() {
        var user = app.newUser();
        UUID aide = newAide(user);
        int before = model.requests().size();

        // Holding the app's abuse check, which pauses a free user over 20 turns an hour (with a
        // different 429) when its minute comes between the rows and the request.
        var response = JobLock.holding(db, "abuse-check", () -> {
            db.asSystem(h -> h.createUpdate("""
                    insert into turns (aide_id, user_id, status, started_at)
                    select :a, :u, 'done', now() - interval '10 minutes' from generate_series(1, 50)
                    """).bind("a", aide).bind("u", user.id()).execute());
            return say(user, aide, "Thursday poker league");
        });

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.body()).contains("More than 50 turns in an hour");
        assertThat(model.requests()).hasSize(before);
    }

    @Test
    void without_an_ai_key_a_turn_is_refused_in_plain_words() {
        try (var plain = TestApp.start(app.database, Map.of("JWT_SECRET", app.config.jwtSecret()))) {
            var user = plain.newUser();
            UUID aide = UUID.fromString(JSON.readTree(plain.postJson("/aides", "{}", user).body()).get("id").asString());

            var response = plain.postJson("/aides/" + aide + "/turns", "{\"message\":\"Thursday poker\"}", user);

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body()).contains("The AI isn’t switched on here. Nothing was changed").doesNotContain("ANTHROPIC_API_KEY", "restart");
            assertThat(plain.get("/aides/" + aide, "Cookie", user.cookie()).body()).contains("The AI isn’t switched on here");
        }
    }

    @Test
    void an_empty_or_too_long_message_is_refused() {
        var user = app.newUser();
        UUID aide = newAide(user);

        assertThat(say(user, aide, "   ").statusCode()).isEqualTo(400);
        assertThat(say(user, aide, "x".repeat(10_001)).statusCode()).isEqualTo(400);
        var form = app.postForm("/aides/" + aide + "/turns", Map.of("message", ""), "Cookie", user.cookie(), "Accept", "application/json");
        assertThat(form.statusCode()).isEqualTo(400);
    }

    @Test
    void a_second_turn_while_one_runs_is_refused() {
        var user = app.newUser();
        UUID aide = newAide(user);
        build(user, aide);
        model.streamThenHold("stalls_after_first_tool_call.sse");
        UUID first = started(say(user, aide, "Mike's out this week"));

        var second = say(user, aide, "Dave's hosting");

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains("A turn is already running on this page.");
        assertThat(app.get("/aides/" + aide, "Cookie", user.cookie()).body()).contains("data-running=\"true\"");
        finished(user, aide, first);
        assertThat(app.get("/aides/" + aide, "Cookie", user.cookie()).body()).doesNotContain("data-running");
    }

    @Test
    void another_users_aide_has_no_turns() {
        var owner = app.newUser();
        var stranger = app.newUser();
        UUID aide = newAide(owner);
        build(owner, aide);
        String turn = lastTurn(aide);
        int before = model.requests().size();

        assertThat(say(stranger, aide, "Mike's out").statusCode()).isEqualTo(404);
        assertThat(app.getJson("/aides/" + aide + "/turns/" + turn, stranger).statusCode()).isEqualTo(404);
        assertThat(app.getJson("/aides/" + aide + "/turns/not-a-turn", owner).statusCode()).isEqualTo(404);
        assertThat(model.requests()).hasSize(before);
    }

    @Test
    void one_undo_takes_back_the_whole_turn() {
        var user = app.newUser();
        UUID aide = newAide(user);
        build(user, aide);
        model.stream("update_turn.sse");
        turn(user, aide, "Mike's out this week, Dave's hosting");

        assertThat(app.postJson("/aides/" + aide + "/undo", "", user).statusCode()).isEqualTo(200);

        var entities = snapshot(user, aide).path("entities");
        assertThat(entities.path("player_mike").path("props").has("status")).isFalse();
        assertThat(entities.path("game_2025_03_06").path("props").path("location").asString("")).isNotEqualTo("Dave's place");
        assertThat(entities.has("poker_league")).isTrue();

        app.postJson("/aides/" + aide + "/undo", "", user);
        assertThat(snapshot(user, aide).path("entities").path("poker_league").path("_removed").asBoolean(false)
                || !snapshot(user, aide).path("entities").has("poker_league")).isTrue();
    }

    @Test
    void replaying_the_log_after_turns_gives_the_stored_snapshot() {
        var user = app.newUser();
        UUID aide = newAide(user);
        build(user, aide);
        model.stream("update_turn.sse");
        turn(user, aide, "Mike's out this week, Dave's hosting");
        model.stream("malformed_tool_input.sse");
        turn(user, aide, "Linda and Steve paid");

        List<LogEntry> log = db.asSystem(h -> h.createQuery(
                        "select seq, batch, actor, source, ts, event::text as event from aide_events where aide_id = :a order by seq")
                .bind("a", aide).map((rs, ctx) -> new LogEntry(rs.getLong("seq"), rs.getString("batch"), rs.getString("actor"),
                        Source.named(rs.getString("source")), StoredEventTs.format(rs.getTimestamp("ts").toInstant()),
                        JSON.readTree(rs.getString("event"))))
                .list());

        assertThat(log).allMatch(entry -> entry.source() == Source.AI && entry.actor().equals("ai"));
        assertThat(log.stream().map(LogEntry::batch).distinct()).hasSize(3);
        assertThat(History.replay(log).snapshot().toJson()).isEqualTo(snapshot(user, aide));
    }

    // ---------- fair counting ----------

    static int turnsUsed(TestApp.TestUser user) {
        return JSON.readTree(app.getJson("/account", user).body()).get("turns_used").asInt();
    }

    @Test
    void a_turn_the_model_never_answered_gives_its_turn_back() {
        var user = app.newUser();
        UUID aide = newAide(user);
        build(user, aide);
        // Nothing queued: the fake answers 500 to the call and to both retries.
        try (var socket = tab(user, aide)) {
            UUID turn = started(say(user, aide, "Mike's out this week"));
            var frames = framesOfTurn(socket, turn);
            var end = frames.get(frames.size() - 1);
            assertThat(end.get("counted").asBoolean()).isFalse();
            assertThat(end.get("turns_left").asInt()).isEqualTo(49);
        }

        assertThat(turnRecord(UUID.fromString(lastTurn(aide))).get("status")).isEqualTo("error");
        assertThat(turnsUsed(user)).isEqualTo(1);
        assertThat(app.get("/account", "Cookie", user.cookie()).body()).contains("1 of 50 AI turns used this week; 49 left.");
    }

    @Test
    void a_refused_turn_gives_its_turn_back() {
        var user = app.newUser();
        UUID aide = newAide(user);
        build(user, aide);
        model.refuse(400, "invalid_request_error");

        var state = turn(user, aide, "Mike's out this week");

        assertThat(state.get("status").asString()).isEqualTo("error");
        assertThat(turnsUsed(user)).isEqualTo(1);
    }

    @Test
    void a_turn_stalled_before_its_first_change_gives_its_turn_back() {
        var user = app.newUser();
        UUID aide = newAide(user);
        build(user, aide);
        model.streamThenHold("stalls_before_any_change.sse");

        var state = turn(user, aide, "Mike's out this week");

        assertThat(state.get("status").asString()).isEqualTo("error");
        assertThat(state.get("applied").asInt()).isZero();
        assertThat(turnsUsed(user)).isEqualTo(1);
        assertThat(app.get("/aides/" + aide, "Cookie", user.cookie()).body()).contains("49 turns left this week");
    }

    @Test
    void a_turn_that_changed_the_page_counts_however_it_ends() {
        var user = app.newUser();
        model.stream("overloaded_after_content.sse");
        assertThat(turn(user, newAide(user), "Thursday poker league").get("applied").asInt()).isEqualTo(1);
        assertThat(turnsUsed(user)).isEqualTo(1);
        UUID aide = newAide(user);
        build(user, aide);
        try (var socket = tab(user, aide)) {
            model.streamThenHold("stalls_after_first_tool_call.sse");
            UUID turn = started(say(user, aide, "Mike's out this week"));
            startOf(socket, turn);
            socket.next("patch");
            socket.send("{\"type\":\"interrupt\"}");
            var end = socket.next("turn.end");
            assertThat(end.get("status").asString()).isEqualTo("interrupted");
            assertThat(end.get("counted").asBoolean()).isTrue();
        }
        finished(user, aide, UUID.fromString(lastTurn(aide)));

        assertThat(turnsUsed(user)).isEqualTo(3);
    }

    @Test
    void the_account_counts_the_turns() {
        var user = app.newUser();
        UUID aide = newAide(user);
        build(user, aide);
        model.stream("question_turn.sse");
        turn(user, aide, "Who hasn't paid?");

        var account = JSON.readTree(app.getJson("/account", user).body());

        assertThat(account.get("turns_used").asInt()).isEqualTo(2);
        assertThat(account.get("turns_limit").asInt()).isEqualTo(50);
        assertThat(app.get("/aides/" + aide, "Cookie", user.cookie()).body()).contains("48 turns left this week")
                .contains("Unpaid: Linda, Steve.");
    }

    @Test
    void a_recorded_conversation_replayed_through_the_turn_route_builds_the_page_it_describes() throws Exception {
        JsonNode recording = JSON.readTree(TurnApiTest.class.getResourceAsStream("/ai/conversations/poker_league.json"));
        // The page the recording describes: each recorded stream's tool calls, mapped and applied in order.
        var expected = History.empty();
        var direct = new AnthropicProvider(model.baseUrl(), "test-key", TEST_LIMITS);
        int step = 0;
        for (JsonNode exchange : recording) {
            model.stream(exchange.get("transcript").asString());
            var listener = new RecordingListener();
            direct.stream(AnthropicProviderTest.turn("claude-sonnet-4-5", List.of(), exchange.get("message").asString()), listener);
            listener.awaitEnd();
            String batch = "recorded-" + step++;
            for (ToolCall call : listener.toolCalls) {
                var mapped = ToolMapping.map(call);
                if (!mapped.rejected() && !mapped.event().path("t").asString().equals("escalate")) {
                    expected.applyBatch(List.of(mapped.event()), "ai", Source.AI, "2025-03-01T10:00:00.000Z", batch);
                }
            }
        }
        var user = app.newUser();
        UUID aide = newAide(user);

        for (JsonNode exchange : recording) {
            model.stream(exchange.get("transcript").asString());
            assertThat(turn(user, aide, exchange.get("message").asString()).get("status").asString()).isEqualTo("done");
        }

        assertThat(snapshot(user, aide)).isEqualTo(expected.snapshot().toJson());
        assertThat(conversation(aide)).hasSize(8).filteredOn(line -> line.startsWith("user: ")).hasSize(4);
        var account = JSON.readTree(app.getJson("/account", user).body());
        assertThat(account.get("turns_used").asInt()).isEqualTo(4);
    }

    @Test
    void a_turn_places_a_photo_that_was_uploaded_but_not_on_the_page_by_its_id() {
        var user = app.newUser();
        UUID aide = newAide(user);
        var seeded = app.postJson("/aides/" + aide + "/events", """
                {"events":[{"t":"entity.create","id":"page","parent":"root","display":"page","p":{"title":"Kitchen"}},
                 {"t":"entity.create","id":"before","parent":"page","display":"section","p":{"title":"Before"}},
                 {"t":"entity.create","id":"after","parent":"page","display":"section","p":{"title":"After"}}]}""", user);
        assertThat(seeded.statusCode()).as(seeded.body()).isEqualTo(200);
        String photo = upload(user, aide, "kitchen.jpg");
        int asked = model.requests().size();
        var answer = JSON.createArrayNode();
        answer.addArray().add("mutate_entity").add(JSON.createObjectNode().put("action", "create").put("id", "photo_kitchen")
                .put("parent", "before").put("display", "image")
                .set("props", JSON.createObjectNode().put("src", "upload:" + photo).put("alt", "The kitchen before the work")));
        answer.addArray().add("voice").add(JSON.createObjectNode().put("text", "Before: the kitchen photo."));
        model.streamText(ScriptedAnswer.sse(answer));

        var state = turn(user, aide, "Put the kitchen photo under Before");

        assertThat(state.get("status").asString()).isEqualTo("done");
        assertThat(state.get("applied").asInt()).isEqualTo(1);
        // The model was offered the photo by its id and file name, as not yet on the page.
        var system = new StringBuilder();
        JSON.readTree(model.requests().get(asked).body()).get("system").forEach(block -> system.append(block.get("text").asString()));
        assertThat(system.toString()).contains("upload:" + photo + " 800x600 landscape, file \"kitchen.jpg\", uploaded ")
                .contains("not on the page");
        JsonNode placed = snapshot(user, aide).get("entities").get("photo_kitchen");
        assertThat(placed.get("parent").asString()).isEqualTo("before");
        assertThat(placed.get("props").get("src").asString()).isEqualTo("upload:" + photo);
        // The editor shows it from the owner's route, in every size, with the alt the turn gave it.
        assertThat(app.get("/aides/" + aide, "Cookie", user.cookie()).body())
                .contains("/aides/" + aide + "/images/" + photo + "/480.jpg 480w")
                .contains("alt=\"The kitchen before the work\"");
    }

    @Test
    void a_turn_that_would_make_a_full_page_bigger_stops_and_says_so() {
        var user = app.newUser();
        UUID aide = newAide(user);
        String text = "x".repeat(9_000);
        int made = 0;
        while (true) {
            var events = new java.util.StringJoiner(",", "{\"events\":[", "]}");
            for (int i = 0; i < 6; i++, made++) {
                events.add("{\"t\":\"entity.create\",\"id\":\"r" + made + "\",\"parent\":\"root\",\"display\":\"text\",\"p\":{\"text\":\"" + text + "\"}}");
            }
            var response = app.postJson("/aides/" + aide + "/events", events.toString(), user);
            if (response.statusCode() != 200) {
                assertThat(response.body()).as("made " + made).contains("This page is full");
                break;
            }
        }
        // More than the room left (under one refused batch of 54,000 characters).
        var answer = JSON.createArrayNode();
        for (int i = 0; i < 7; i++) {
            answer.addArray().add("mutate_entity").add(JSON.createObjectNode().put("action", "create").put("id", "more" + i)
                    .put("parent", "root").put("display", "text").set("props", JSON.createObjectNode().put("text", text)));
        }
        model.streamText(ScriptedAnswer.sse(answer));

        var state = turn(user, aide, "Add seven more notes");

        assertThat(state.get("status").asString()).isEqualTo("error");
        assertThat(state.get("error").asString()).isEqualTo("page_full");
        assertThat(state.get("applied").asInt()).isLessThan(7);
        assertThat(snapshot(user, aide).get("entities").has("more6")).isFalse();
        assertThat(snapshot(user, aide).toString().length()).isLessThanOrEqualTo(com.toaide.aides.EditService.MAX_STATE_CHARS);
    }

    @Test
    void a_photo_the_aide_does_not_have_is_refused_and_the_turn_goes_on() {
        var user = app.newUser();
        UUID aide = newAide(user);
        var seeded = app.postJson("/aides/" + aide + "/events", """
                {"events":[{"t":"entity.create","id":"page","parent":"root","display":"page","p":{"title":"Kitchen"}}]}""", user);
        assertThat(seeded.statusCode()).as(seeded.body()).isEqualTo(200);
        String mine = upload(user, aide, "kitchen.jpg");
        var stranger = app.newUser();
        String theirs = upload(stranger, newAide(stranger), "their-kitchen.jpg");
        String madeUp = UUID.randomUUID().toString();
        var answer = JSON.createArrayNode();
        for (String src : List.of("upload:" + madeUp, "upload:" + theirs, "upload:" + mine, "upload:../../etc/passwd")) {
            answer.addArray().add("mutate_entity").add(JSON.createObjectNode().put("action", "create")
                    .put("id", "photo_" + Math.abs(src.hashCode())).put("parent", "page").put("display", "image")
                    .set("props", JSON.createObjectNode().put("src", src).put("alt", "A kitchen")));
        }
        model.streamText(ScriptedAnswer.sse(answer));

        var state = turn(user, aide, "Put the kitchen photos on the page");

        assertThat(state.get("status").asString()).isEqualTo("done");
        assertThat(state.get("applied").asInt()).isEqualTo(1);
        assertThat(state.get("rejected").asInt()).isEqualTo(3);
        var images = new ArrayList<String>();
        snapshot(user, aide).get("entities").forEach(entity -> {
            if (entity.path("display").asString("").equals("image")) {
                images.add(entity.get("props").get("src").asString());
            }
        });
        assertThat(images).containsExactly("upload:" + mine);
    }

    private static String upload(TestApp.TestUser user, UUID aide, String name) {
        var body = new Multipart().file("file", name, "image/jpeg", TestImages.jpeg(800, 600));
        var uploaded = app.send(HttpRequest.newBuilder(app.base.resolve("/aides/" + aide + "/images"))
                .header("Content-Type", body.contentType()).header("Accept", "application/json")
                .header("Origin", app.origin()).header("Cookie", user.cookie()).POST(body.publisher()));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        return JSON.readTree(uploaded.body()).get("id").asString();
    }

    /** The envelope time as the kernel saw it (three fraction digits, UTC). */
    static final java.time.format.DateTimeFormatter StoredEventTs =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);
}
