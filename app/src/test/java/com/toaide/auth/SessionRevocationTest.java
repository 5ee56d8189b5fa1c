package com.toaide.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.testing.Eventually;
import com.toaide.testing.LiveSocket;
import com.toaide.testing.TestApp;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each instance remembers live sessions for a while; signing out (or deleting the account) on
 * one instance must still end the session on the others, within moments, not a minute later.
 */
class SessionRevocationTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    @AutoClose static TestApp here;
    @AutoClose static TestApp there;

    @BeforeAll
    static void start() {
        here = TestApp.start();
        there = here.another();
        there.awaitListening();
    }

    @Test
    void signing_out_on_one_instance_ends_the_session_on_the_other() {
        var user = here.newUser();
        // Both instances have now found the session live, and remember it.
        assertThat(here.getJson("/aides", user).statusCode()).isEqualTo(200);
        assertThat(there.getJson("/aides", user).statusCode()).isEqualTo(200);

        assertThat(here.postForm("/logout", Map.of(), "Cookie", user.cookie()).statusCode()).isEqualTo(303);

        assertThat(here.getJson("/aides", user).statusCode()).isEqualTo(401);
        Eventually.within(Duration.ofSeconds(5), () -> assertThat(there.getJson("/aides", user).statusCode()).isEqualTo(401));
    }

    @Test
    void signing_out_closes_the_sessions_live_channels_on_every_instance() throws Exception {
        var user = here.newUser();
        var otherDevice = new TestApp.TestUser(user.id(), user.email(), there.newSessionCookie(user.id()));
        String aide = aideOf(user);
        try (var tabHere = LiveSocket.open(here, "/aides/" + aide + "/live", here.origin(), user.cookie());
             var tabThere = LiveSocket.open(there, "/aides/" + aide + "/live", there.origin(), user.cookie());
             var otherTab = LiveSocket.open(there, "/aides/" + aide + "/live", there.origin(), otherDevice.cookie())) {
            tabHere.next("page");
            tabThere.next("page");
            otherTab.next("page");

            assertThat(here.postForm("/logout", Map.of(), "Cookie", user.cookie()).statusCode()).isEqualTo(303);

            assertThat(tabHere.closedWith.get(5, TimeUnit.SECONDS)).isEqualTo(4401);
            assertThat(tabThere.closedWith.get(5, TimeUnit.SECONDS)).isEqualTo(4401);
            // The same user's other sign-in was not ended, and its tab keeps getting changes.
            assertThat(otherTab.closedWith).isNotDone();
            edit(otherDevice, aide);
            otherTab.next(frame -> frame.path("sequence").asLong() > 0);
        }
    }

    @Test
    void deleting_the_account_closes_its_live_channels_on_every_instance() throws Exception {
        var user = here.newUser();
        String aide = aideOf(user);
        try (var tabThere = LiveSocket.open(there, "/aides/" + aide + "/live", there.origin(), user.cookie())) {
            tabThere.next("page");
            var deleted = here.postForm("/account/delete", Map.of("confirm_email", user.email()), "Cookie", user.cookie());
            assertThat(deleted.statusCode()).isEqualTo(303);
            assertThat(tabThere.closedWith.get(5, TimeUnit.SECONDS)).isEqualTo(4401);
        }
    }

    static String aideOf(TestApp.TestUser user) {
        var created = here.postJson("/aides", "", user);
        assertThat(created.statusCode()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asString();
    }

    static void edit(TestApp.TestUser user, String aide) {
        var response = there.postJson("/aides/" + aide + "/events",
                "{\"events\":[{\"t\":\"entity.create\",\"id\":\"page\",\"display\":\"page\",\"p\":{\"title\":\"Still here\"}}]}", user);
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void deleting_the_account_on_one_instance_ends_its_sessions_on_the_other() {
        var user = here.newUser();
        var otherDevice = new TestApp.TestUser(user.id(), user.email(), there.newSessionCookie(user.id()));
        assertThat(there.getJson("/aides", otherDevice).statusCode()).isEqualTo(200);
        assertThat(there.getJson("/aides", user).statusCode()).isEqualTo(200);

        var deleted = here.postForm("/account/delete", Map.of("confirm_email", user.email()), "Cookie", user.cookie());
        assertThat(deleted.statusCode()).isEqualTo(303);

        Eventually.within(Duration.ofSeconds(5), () -> {
            assertThat(there.getJson("/aides", user).statusCode()).isEqualTo(401);
            assertThat(there.getJson("/aides", otherDevice).statusCode()).isEqualTo(401);
        });
    }
}
