package com.toaide;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.ai.FakeModelServer;
import com.toaide.ai.StreamPolicy;
import com.toaide.auth.SessionGuard;
import com.toaide.auth.SignInFlow;
import com.toaide.platform.db.Database;
import com.toaide.testing.Eventually;
import com.toaide.testing.LiveSocket;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestPgBouncer;
import com.toaide.testing.TestPostgres;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances as production runs them on Neon's pooled URL: every statement through PgBouncer
 * in transaction mode, LISTEN on the direct connection. Sign-in, edits, the live channel across
 * the instances, an AI turn, publishing and session revocation all have to work through it.
 */
class ThroughPoolerTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final StreamPolicy MODEL_LIMITS = new StreamPolicy(
            Duration.ofSeconds(10), Duration.ofSeconds(30), List.of(Duration.ofMillis(1)));

    @AutoClose static FakeModelServer model;
    @AutoClose static TestApp first;
    @AutoClose static TestApp second;
    @AutoClose static Database direct;

    @BeforeAll
    static void start() throws Exception {
        model = new FakeModelServer();
        var database = TestPostgres.freshDatabase();
        var env = model.environment("JWT_SECRET", "two-instances-behind-one-pooler-".repeat(2));
        first = TestApp.startThroughPooler(database, env, MODEL_LIMITS);
        second = TestApp.startThroughPooler(database, env, MODEL_LIMITS);
        first.awaitListening();
        second.awaitListening();
        direct = Database.connect(database, 2);
    }

    @Test
    void the_pooler_in_front_of_these_tests_swallows_listen_as_neons_does() throws Exception {
        var pooled = TestPgBouncer.pooled(first.database);
        try (var listener = DriverManager.getConnection(pooled.jdbcUrl(), pooled.user(), null);
             var notifier = DriverManager.getConnection(pooled.jdbcUrl(), pooled.user(), null)) {
            listener.createStatement().execute("LISTEN pooler_check");
            notifier.createStatement().execute("NOTIFY pooler_check, 'hello'");
            var notices = listener.unwrap(PGConnection.class).getNotifications(1_000);
            assertThat(notices == null ? 0 : notices.length).as("notices heard through the pooler").isZero();
        }
    }

    @Test
    void sign_in_edits_and_publishing_work_through_the_pooler() {
        String email = SignInFlow.newEmail("pooled");
        String cookie = new SignInFlow(first, direct).signIn(email);
        var user = new TestApp.TestUser(new SignInFlow(first, direct).userId(email), email, SessionGuard.COOKIE + "=" + cookie);
        UUID aide = newAide(user);
        // More edits than pgjdbc's prepare threshold (5): a server-side prepared statement would
        // by now be looked for on a server connection that never prepared it.
        assertThat(first.postJson("/aides/" + aide + "/events", page(), user).statusCode()).isEqualTo(200);
        for (int i = 0; i < 8; i++) {
            var instance = i % 2 == 0 ? first : second;
            assertThat(instance.postJson("/aides/" + aide + "/events", row("p" + i, "Player " + i), user).statusCode()).isEqualTo(200);
        }
        var published = first.postJson("/aides/" + aide + "/publish", "{}", user);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        String url = JSON.readTree(published.body()).get("url").asString();
        var page = first.get(url.substring(url.indexOf("/s/")));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Player 7");
    }

    @Test
    void an_edit_on_one_instance_reaches_a_tab_on_the_other() {
        var user = first.newUser();
        UUID aide = newAide(user);
        assertThat(first.postJson("/aides/" + aide + "/events", page(), user).statusCode()).isEqualTo(200);
        try (var tab = LiveSocket.open(second, "/aides/" + aide + "/live", second.origin(), user.cookie())) {
            tab.next("page");
            assertThat(first.postJson("/aides/" + aide + "/events", row("dave", "Dave"), user).statusCode()).isEqualTo(200);
            assertThat(tab.next("patch").get("html").asString()).contains("Dave");
        }
    }

    @Test
    void an_ai_turn_streams_to_a_tab_on_the_other_instance() {
        var user = first.newUser();
        UUID aide = newAide(user);
        try (var tab = LiveSocket.open(second, "/aides/" + aide + "/live", second.origin(), user.cookie())) {
            tab.next("page");
            model.stream("first_turn.sse");
            var started = first.postJson("/aides/" + aide + "/turns",
                    JSON.createObjectNode().put("message", "Thursday poker league, 10 players").toString(), user);
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            String turn = JSON.readTree(started.body()).get("turn_id").asString();
            tab.next(frame -> frame.path("type").asString().equals("turn.start") && frame.path("turn").asString().equals(turn));
            JsonNode end = tab.next("turn.end");
            assertThat(end.get("applied").asInt()).isPositive();
            Eventually.within(Duration.ofSeconds(20), () -> assertThat(JSON.readTree(
                    first.getJson("/aides/" + aide + "/turns/" + turn, user).body()).get("status").asString()).isEqualTo("done"));
        }
    }

    @Test
    void signing_out_on_one_instance_ends_the_session_on_the_other() {
        var user = first.newUser();
        assertThat(first.getJson("/aides", user).statusCode()).isEqualTo(200);
        assertThat(second.getJson("/aides", user).statusCode()).isEqualTo(200);

        assertThat(first.postForm("/logout", Map.of(), "Cookie", user.cookie()).statusCode()).isEqualTo(303);

        Eventually.within(Duration.ofSeconds(5), () -> assertThat(second.getJson("/aides", user).statusCode()).isEqualTo(401));
    }

    private static UUID newAide(TestApp.TestUser user) {
        var response = first.postJson("/aides", "{}", user);
        assertThat(response.statusCode()).isEqualTo(201);
        return UUID.fromString(JSON.readTree(response.body()).get("id").asString());
    }

    private static String page() {
        return """
                {"events":[
                  {"t":"entity.create","id":"page","display":"page","p":{"title":"League"}},
                  {"t":"entity.create","id":"players","parent":"page","display":"table","p":{"title":"Players"}}
                ]}""";
    }

    private static String row(String id, String name) {
        return "{\"events\":[{\"t\":\"entity.create\",\"id\":\"" + id + "\",\"parent\":\"players\",\"p\":{\"name\":\"" + name + "\"}}]}";
    }
}
