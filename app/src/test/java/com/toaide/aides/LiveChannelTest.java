package com.toaide.aides;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.toaide.platform.web.RequestLimits;
import com.toaide.testing.LiveSocket;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The live channel (docs/architecture.md): page on connect, patches as edits land, across tabs and instances. */
class LiveChannelTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    @AutoClose static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        app.awaitListening();
    }

    @Test
    void a_tab_gets_the_whole_page_on_connect_then_a_patch_per_changed_block() {
        var user = app.newUser();
        UUID aide = aideWithTable(app, user);
        try (var tab = LiveSocket.open(app, "/aides/" + aide + "/live", app.origin(), user.cookie())) {
            var page = tab.next();
            assertThat(page.get("type").asString()).isEqualTo("page");
            assertThat(page.get("sequence").asLong()).isEqualTo(3);
            assertThat(page.get("html").asString()).contains("Poker Night", "data-entity=\"dave\"");

            edit(app, user, aide, "{\"t\":\"entity.update\",\"ref\":\"dave\",\"p\":{\"wins\":5}}");
            // The notice of the edits that built the page may reach the hub after the tab opened:
            // it brings the whole page again (the editor takes a page frame at any time).
            var patch = tab.next(frame -> !frame.get("type").asString().equals("page"));
            assertThat(patch.get("type").asString()).isEqualTo("patch");
            assertThat(patch.get("sequence").asLong()).isEqualTo(4);
            assertThat(patch.get("entity").asString()).isEqualTo("players");
            assertThat(patch.get("html").asString()).contains(">5<").doesNotContain("Poker Night");
        }
    }

    @Test
    void two_tabs_on_one_aide_see_each_others_edits() {
        var user = app.newUser();
        UUID aide = aideWithTable(app, user);
        try (var first = LiveSocket.open(app, "/aides/" + aide + "/live", app.origin(), user.cookie());
             var second = LiveSocket.open(app, "/aides/" + aide + "/live", app.origin(), user.cookie())) {
            first.next("page");
            second.next("page");
            edit(app, user, aide, "{\"t\":\"entity.create\",\"id\":\"linda\",\"parent\":\"players\",\"p\":{\"name\":\"Linda\",\"wins\":3}}");
            assertThat(first.next("patch").get("html").asString()).contains("Linda");
            assertThat(second.next("patch").get("html").asString()).contains("Linda");
        }
    }

    @Test
    void undo_sends_the_whole_page_back() {
        var user = app.newUser();
        UUID aide = aideWithTable(app, user);
        try (var tab = LiveSocket.open(app, "/aides/" + aide + "/live", app.origin(), user.cookie())) {
            tab.next("page");
            app.postJson("/aides/" + aide + "/undo", "", user);
            // Skips a late page frame of the edits that built the page (see above).
            var page = tab.next(frame -> frame.get("type").asString().equals("page") && frame.get("sequence").asLong() >= 4);
            assertThat(page.get("sequence").asLong()).isEqualTo(4);
            assertThat(page.get("html").asString()).doesNotContain("Poker Night");
        }
    }

    @Test
    void two_app_instances_on_one_database_stay_in_step_through_postgres() {
        // Instances of one deployment share the session secret, as they would in production.
        try (var other = TestApp.start(app.database, Map.of("JWT_SECRET", app.config.jwtSecret()))) {
            // Otherwise the first edit's notice may go out before the new instance listens.
            other.awaitListening();
            var user = app.newUser();
            UUID aide = aideWithTable(app, user);
            try (var tabOnOther = LiveSocket.open(other, "/aides/" + aide + "/live", other.origin(), user.cookie())) {
                tabOnOther.next("page");
                edit(app, user, aide, "{\"t\":\"entity.update\",\"ref\":\"dave\",\"p\":{\"name\":\"David\"}}");
                assertThat(tabOnOther.next("patch").get("html").asString()).contains("David");
                // And the other instance's own edit builds on the first one's, not on a stale copy.
                edit(other, user, aide, "{\"t\":\"entity.update\",\"ref\":\"dave\",\"p\":{\"wins\":7}}");
                assertThat(tabOnOther.next("patch").get("html").asString()).contains("David", ">7<");
            }
        }
    }

    @Test
    void an_upgrade_from_another_origin_without_a_session_or_for_another_users_aide_is_refused() {
        var owner = app.newUser();
        var stranger = app.newUser();
        UUID aide = aideWithTable(app, owner);
        String path = "/aides/" + aide + "/live";
        assertRefused(() -> LiveSocket.open(app, path, "https://evil.example", owner.cookie()), 403);
        assertRefused(() -> LiveSocket.open(app, path, null, owner.cookie()), 403);
        assertRefused(() -> LiveSocket.open(app, path, app.origin(), null), 401);
        assertRefused(() -> LiveSocket.open(app, path, app.origin(), stranger.cookie()), 404);
        assertRefused(() -> LiveSocket.open(app, "/aides/nonsense/live", app.origin(), owner.cookie()), 404);
    }

    @Test
    void an_upgrade_counts_toward_the_editor_request_limit() {
        var user = app.newUser();
        UUID aide = aideWithTable(app, user);
        // Each upgrade renders the whole page: once the minute's requests are used up, so are upgrades.
        // The windows are fixed minutes: a run that crosses into the next one needs a second minute's worth.
        int status = 200;
        for (int i = 0; i < 2 * RequestLimits.PER_USER.max() + 10 && status != 429; i++) {
            status = app.get("/aides/" + aide + "/snapshot", "Cookie", user.cookie()).statusCode();
        }
        assertThat(status).isEqualTo(429);
        assertRefused(() -> LiveSocket.open(app, "/aides/" + aide + "/live", app.origin(), user.cookie()), 429);
    }

    @Test
    void a_user_may_have_five_tabs_open_and_the_sixth_is_closed_with_a_reason() throws Exception {
        var user = app.newUser();
        UUID aide = aideWithTable(app, user);
        var tabs = new ArrayList<LiveSocket>();
        try {
            for (int i = 0; i < 5; i++) {
                var tab = LiveSocket.open(app, "/aides/" + aide + "/live", app.origin(), user.cookie());
                tab.next("page");
                tabs.add(tab);
            }
            var sixth = LiveSocket.open(app, "/aides/" + aide + "/live", app.origin(), user.cookie());
            tabs.add(sixth);
            assertThat(sixth.closedWith.get(10, TimeUnit.SECONDS)).isEqualTo(4429);
        } finally {
            tabs.forEach(LiveSocket::close);
        }
    }

    static void assertRefused(Runnable open, int status) {
        assertThatThrownBy(open::run)
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(status));
    }

    static UUID aideWithTable(TestApp on, TestApp.TestUser user) {
        var created = on.postJson("/aides", "", user);
        UUID aide = UUID.fromString(JSON.readTree(created.body()).get("id").asString());
        var response = on.postJson("/aides/" + aide + "/events", EditApiTest.PAGE, user);
        assertThat(response.statusCode()).isEqualTo(200);
        return aide;
    }

    static void edit(TestApp on, TestApp.TestUser user, UUID aide, String event) {
        var response = on.postJson("/aides/" + aide + "/events", "{\"events\":[" + event + "]}", user);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
